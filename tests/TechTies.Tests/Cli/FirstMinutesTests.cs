using System.Text.Json;

namespace TechTies.Tests.Cli;

/// <summary>What a newcomer meets in the first minutes: the README's first command, the words of the output as input, money and the built-in hint.</summary>
public sealed class FirstMinutesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("techties-first-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_READMEs_first_command_prints_no_warning_and_no_note()
    {
        var readme = File.ReadAllText(Loading.Repository.PathOf("README.md"));
        Assert.Contains("dotnet run --project src/TechTies.Cli -- connect salesforce ice", readme, StringComparison.Ordinal);

        var result = CliRunner.Run("connect", "salesforce", "ice");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.DoesNotContain("Note:", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("contract node", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Connect_keeps_the_contract_detours_it_left_out_in_the_notes_of_its_JSON()
    {
        var result = CliRunner.Run("connect", "salesforce", "ice", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var note = Assert.Single(json.RootElement.GetProperty("notes").EnumerateArray()).GetString();
        Assert.EndsWith("path(s) through a contract node were left out: the contracts_with step that carries the contract already reports it.", note, StringComparison.Ordinal);
        Assert.Empty(json.RootElement.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void A_label_connect_prints_works_in_a_query()
    {
        var result = CliRunner.Run("query", "amazon -[makes]-> ?");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Amazon -> makes -> AWS GovCloud", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_prints_money_as_people_read_it_and_its_JSON_keeps_the_canonical_form()
    {
        var text = CliRunner.Run("show", "palantir-ice-icm");
        var json = CliRunner.Run("show", "palantir-ice-icm", "--format", "json");

        Assert.Contains("amount: $53,000,000", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("USD 53000000", text.Out, StringComparison.Ordinal);
        Assert.Contains("USD 53000000", json.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_refers_to_built_in_ids_without_with_built_in_is_told_to_add_it()
    {
        var file = Path.Combine(folder, "mine.yaml");
        File.WriteAllText(file, "techties: 1\nsources:\n  n: { title: N, kind: news }\ncompanies:\n  acme: { name: Acme, hosts_on: { to: amazon, sources: [n] } }\n");

        var without = CliRunner.Run("validate", "--data", file);
        var with = CliRunner.Run("validate", "--data", file, "--with-built-in");

        Assert.Equal(2, without.ExitCode);
        Assert.Contains("error TT0040: 'amazon' (the end of a hosts_on tie) is not the id of any company ('amazon' is the id of a company in the built-in graph (Amazon): to refer to it, load the files into the built-in graph: add --with-built-in (LoadOptions.IncludeBuiltIn))", without.Error, StringComparison.Ordinal);
        Assert.Equal(0, with.ExitCode);
    }
}
