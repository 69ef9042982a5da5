namespace TechTies.Tests.Loading;

/// <summary>Common slips get advice that names what was meant.</summary>
public class NearMissTests
{
    [Theory]
    [InlineData("company", "companies")]
    [InlineData("agency", "agencies")]
    [InlineData("person", "people")]
    [InlineData("group", "groups")]
    public void A_kind_name_as_a_section_suggests_its_section(string written, string section)
    {
        var error = Yaml.SingleError($"techties: 1\n{written}:\n  acme: {{ name: Acme }}\n");

        Assert.Equal("test.yaml:2:1 TT0020", Yaml.Positions([error])[0]);
        Assert.Equal($"did you mean '{section}'?", error.Suggestion);
    }

    [Theory]
    [InlineData("techtie")]
    [InlineData("TechTies")]
    public void A_misspelled_version_key_is_named_where_it_is(string written)
    {
        var error = Yaml.SingleError($"# my graph\n{written}: 1\ncompanies:\n  acme: {{ name: Acme }}\n");

        Assert.Equal("test.yaml:2:1 TT0010", Yaml.Positions([error])[0]);
        Assert.Equal($"the file has no format version: '{written}' is not 'techties' (keys are lowercase)", error.Message);
        Assert.Equal("write techties: 1", error.Suggestion);
    }

    [Fact]
    public void An_amount_split_by_the_commas_of_a_flow_mapping_is_one_error_at_the_number_that_says_to_quote_it()
    {
        var error = Yaml.SingleError("techties: 1\ncompanies:\n  acme: { name: Acme }\nagencies:\n  bureau: { name: Bureau }\ncontracts:\n  deal: { title: Deal, vendor: acme, agency: bureau, amount: 39,000,000 }\n");

        Assert.Equal("test.yaml:7:62 TT0021", Yaml.Positions([error])[0]);
        Assert.Equal("inside { } a comma separates fields, so 'amount' is 39 and '000' a field of its own", error.Message);
        Assert.Equal("quote the whole value as written: amount: \"39,000…\"", error.Suggestion);
    }

    [Fact]
    public void An_amount_claim_split_by_the_commas_of_a_flow_mapping_is_one_error_at_the_number_not_a_duplicate_key()
    {
        var error = Yaml.SingleError("""
            techties: 1
            sources:
              s: { title: Source, kind: news }
            companies:
              acme: { name: Acme }
            agencies:
              bureau: { name: Bureau }
            contracts:
              deal:
                title: Deal
                vendor: acme
                agency: bureau
                amount: { value: 39,000,000, sources: [s] }
                sources: [s]
            """);

        Assert.Equal("test.yaml:13:22 TT0021", Yaml.Positions([error])[0]);
        Assert.Equal("inside { } a comma separates fields, so 'value' is 39 and '000' a field of its own", error.Message);
        Assert.Equal("quote the whole value as written: value: \"39,000…\"", error.Suggestion);
    }

    [Fact]
    public void A_number_with_two_commas_in_a_flow_mapping_is_one_error_that_names_both_parts()
    {
        var error = Yaml.SingleError("techties: 1\nprotests:\n  rally: { name: Rally, kind: rally, size: 1,500,000 }\n");

        Assert.Equal("test.yaml:3:44 TT0021", Yaml.Positions([error])[0]);
        Assert.Equal("inside { } a comma separates fields, so 'size' is 1 and '500', '000' fields of their own", error.Message);
        Assert.Equal("quote the whole value as written: size: \"1,500,000…\"", error.Suggestion);
    }

    [Fact]
    public void An_identifier_split_by_the_commas_of_a_flow_mapping_is_one_error_that_says_to_quote_it()
    {
        var error = Yaml.SingleError("techties: 1\ncompanies:\n  acme: { name: Acme, identifiers: { uei: 39,000 } }\n");

        Assert.Equal("test.yaml:3:43 TT0021", Yaml.Positions([error])[0]);
        Assert.Equal("inside { } a comma separates fields, so 'uei' is 39 and '000' a field of its own", error.Message);
        Assert.Equal("quote the whole value as written: uei: \"39,000…\"", error.Suggestion);
    }
}
