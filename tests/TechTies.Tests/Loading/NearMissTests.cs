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
    public void An_amount_split_by_the_commas_of_a_flow_mapping_gets_the_advice_to_quote_it()
    {
        var errors = Yaml.Errors("techties: 1\ncompanies:\n  acme: { name: Acme }\nagencies:\n  bureau: { name: Bureau }\ncontracts:\n  deal: { title: Deal, vendor: acme, agency: bureau, amount: 39,000,000 }\n");

        var unknown = Assert.Single(errors, e => e.Code == DiagnosticCodes.UnknownField);
        Assert.Equal("'000' is not a field of a contract", unknown.Message);
        Assert.Equal("inside { } a comma separates fields, so amount is 39 and 000 a field of its own: quote the whole amount as written, amount: \"39,000…\"", unknown.Suggestion);
    }
}
