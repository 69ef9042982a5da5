using TechTies.Import;
using TechTies.Tests.Cli;

namespace TechTies.Tests.Import;

public sealed class MappingTests
{
    [Fact]
    public void The_built_in_usaspending_mapping_reads_exactly_the_award_summary_columns_of_the_issue()
    {
        Assert.Equal(["usaspending"], CsvMapping.BuiltInNames.ToArray());
        Assert.Equal("usaspending", CsvMapping.UsaSpending.Name);
        Assert.Equal(AwardCsv.Columns.Order(StringComparer.Ordinal), CsvMapping.UsaSpending.Columns.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_import_docs_show_the_built_in_mapping_in_full()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "import.md")).ReplaceLineEndings("\n");
        Assert.Contains("```yaml\n" + CsvMapping.BuiltInText("usaspending").ReplaceLineEndings("\n") + "```", docs, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_mapping_is_reported_with_its_line_and_column()
    {
        var yaml = """
            techties_mapping: 1
            name: My Awards
            dataset: { id: awards, title: Awards }
            contract:
              id: { slug: [key], hash: [key] }
              amount: headline
              titel: description
            vendor: { identifiers: { uei: uei } }
            agency: { name: agency }
            """;

        var e = Assert.Throws<GraphLoadException>(() => CsvMapping.Parse(yaml, "mine.yaml"));

        Assert.Equal(
            [
                "mine.yaml:2:7: error TT0030: the mapping name 'My Awards' is not a lowercase slug (use a-z, 0-9 and single hyphens, such as my-awards)",
                "mine.yaml:5:7: error TT0022: the contract id needs exactly one of 'slug' (a readable id from key columns) and 'hash' (a short hash of key columns) (write { slug: [award_key_column] } or { hash: [column, ...] })",
                "mine.yaml:6:11: error TT0054: 'headline' is not an amount field: amount names which of the amounts is the headline value (expected one of obligated, current_value, potential_value)",
                "mine.yaml:7:3: error TT0021: 'titel' is not a field of contract (did you mean 'title'?)",
                "mine.yaml:8:9: error TT0023: 'name' is required here (add name: ...)",
            ],
            e.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_mapping_without_its_version_or_with_another_is_refused()
    {
        Assert.Equal(DiagnosticCodes.MissingVersion, Assert.Single(Assert.Throws<GraphLoadException>(() => CsvMapping.Parse("name: x\n")).Diagnostics).Code);
        Assert.Equal(DiagnosticCodes.UnsupportedVersion, Assert.Single(Assert.Throws<GraphLoadException>(() => CsvMapping.Parse("techties_mapping: 2\n")).Diagnostics).Code);
        Assert.Equal(DiagnosticCodes.TabIndentation, Assert.Single(Assert.Throws<GraphLoadException>(() => CsvMapping.Parse("techties_mapping: 1\ncontract:\n\tid: x\n")).Diagnostics).Code);
    }

    [Fact]
    public void Resolve_finds_built_in_names_and_files_and_lists_the_built_in_names_when_neither_matches()
    {
        Assert.Equal("usaspending", CsvMapping.Resolve("usaspending").Name);
        var e = Assert.Throws<FileNotFoundException>(() => CsvMapping.Resolve("usaspendng"));
        Assert.Equal("No mapping file 'usaspendng', and no built-in mapping of that name: the built-in mappings are usaspending.", e.Message);
        Assert.Throws<ArgumentException>(() => CsvMapping.BuiltIn("nope"));
    }

    [Theory]
    [InlineData("PALANTIR USG INC", "Palantir USG, Inc.")]
    [InlineData("PALANTIR USG INC", "PALANTIR USG, L.L.C.")]
    [InlineData("Four Points Technology, LLC", "FOUR POINTS TECHNOLOGY")]
    [InlineData("West Publishing Corp", "WEST PUBLISHING CORPORATION")]
    [InlineData("AT&T Corp.", "AT AND T")]
    [InlineData("Société Générale", "SOCIETE GENERALE")]
    public void Company_names_that_differ_in_case_punctuation_accents_or_legal_suffix_have_one_key(string a, string b)
    {
        Assert.Equal(NameKeys.Company(a), NameKeys.Company(b));
    }

    [Theory]
    [InlineData("PALANTIR USG INC", "PALANTIR USA INC")]
    [InlineData("INC", "LLC")]
    [InlineData("U.S. Customs and Border Protection", "U.S. Immigration and Customs Enforcement")]
    public void Different_names_keep_different_keys(string a, string b)
    {
        Assert.NotEqual(NameKeys.Company(a), NameKeys.Company(b));
    }

    [Fact]
    public void Agency_names_keep_their_last_word_even_when_it_looks_like_a_company_suffix()
    {
        Assert.Equal("OFFICE OF THE CO", NameKeys.Agency("Office of the Co."));
        Assert.Equal("us-immigration-and-customs-enforcement", NameKeys.Slug(NameKeys.Agency("U.S. Immigration and Customs Enforcement")));
    }
}
