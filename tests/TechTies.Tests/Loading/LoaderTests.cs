namespace TechTies.Tests.Loading;

public class LoaderTests
{
    private const string Sources = """
        sources:
          s1: { title: First story, kind: news, published: 2018-08-01 }
          s2: { title: Second story, kind: report }
        """;

    [Fact]
    public void A_failed_load_carries_every_problem_of_every_file_sorted_by_file_line_and_column()
    {
        using var folder = new TempFolder();
        var b = folder.Write("b.yaml", """
            techties: 1
            companies:
              beta: { name: Beta, hosts_on: nowhere }
              gamma: { nam: Gamma }
            """);
        var a = folder.Write("a.yaml", """
            techties: 1
            companys:
              acme: { name: Acme }
            groups:
              workers: { name: Workers, founded: 2018-13 }
            """);
        var c = folder.Write("c.yaml", "companies:\n  delta: { name: Delta }\n");

        var exception = Assert.Throws<GraphLoadException>(() => TechTiesGraph.Load(folder.Path));

        Assert.Equal(
            [
                $"{a}:2:1 TT0020",
                $"{a}:5:38 TT0050",
                $"{b}:3:33 TT0040",
                $"{b}:4:10 TT0023",
                $"{b}:4:12 TT0021",
                $"{c}:1:1 TT0010",
            ],
            Yaml.Positions(exception.Errors));
        Assert.StartsWith("The graph did not load: 6 errors.", exception.Message);
        Assert.Contains($"{b}:4:12: error TT0021: 'nam' is not a field of a company (did you mean 'name'?)", exception.Message);
    }

    [Fact]
    public void A_failed_load_keeps_warnings_among_its_diagnostics()
    {
        var exception = Assert.Throws<GraphLoadException>(() => Yaml.Load("""
            techties: 1
            companies:
              acme: { name: Acme, hosts_on: beta }
              beta: { name: Beta, url: not-a-url }
            """));

        Assert.Equal(["test.yaml:3:23 TT0061", "test.yaml:4:28 TT0022"], Yaml.Positions(exception.Diagnostics));
        Assert.Equal([DiagnosticSeverity.Warning, DiagnosticSeverity.Error], exception.Diagnostics.Select(d => d.Severity));
        Assert.StartsWith("The graph did not load: 1 error.", exception.Message);
    }

    [Fact]
    public void A_failed_load_leaves_nothing_behind_for_the_next_load()
    {
        using var folder = new TempFolder();
        var good = folder.Write("good.yaml", "techties: 1\ncompanies:\n  acme: { name: Acme }\n");
        var bad = folder.Write("bad.yaml", "techties: 1\nrelationship_types:\n  lobbies: { from: [company], to: [agency], label: lobbies, inverse: lobbied by }\ncompanies:\n  beta: { name: Beta, founded: 2018-13 }\n");

        Assert.Throws<GraphLoadException>(() => TechTiesGraph.Load(good, bad));
        var graph = TechTiesGraph.Load(good);

        Assert.Equal(["acme"], graph.Entities.Select(e => e.Id));
        Assert.False(graph.Schema.TryGet("lobbies", out _));
    }

    [Fact]
    public void A_user_declared_relationship_type_works_as_an_entity_field_and_in_ties()
    {
        var graph = Yaml.Load($$"""
            techties: 1
            {{Sources}}
            relationship_types:
              lobbies: { from: [company], to: [agency], label: lobbies, inverse: lobbied by, description: Pays lobbyists to talk to the agency. }
            companies:
              acme: { name: Acme, lobbies: [{ to: ice, since: 2017, sources: [s1] }] }
              beta: { name: Beta }
            agencies:
              ice: { name: ICE }
            ties:
              - { from: beta, type: lobbies, to: ice, sources: [s2] }
            """);

        var lobbies = graph.Schema["lobbies"];
        Assert.False(lobbies.IsBuiltIn);
        Assert.Equal(("lobbies", "lobbied by"), (lobbies.Label, lobbies.InverseLabel));
        Assert.Equal([Kind.Company], lobbies.From.ToArray());
        Assert.Equal(["acme/lobbies/ice", "beta/lobbies/ice"], graph.TiesTo(graph["ice"]).Select(t => t.Id));
        Assert.Equal(new PartialDate(2017), graph.TiesFrom(graph["acme"]).Single().Since);
        Assert.Empty(graph.Warnings);
    }

    [Fact]
    public void A_user_declared_relationship_type_checks_its_endpoint_kinds()
    {
        var error = Yaml.SingleError("""
            techties: 1
            relationship_types:
              lobbies: { from: [company], to: [agency], label: lobbies, inverse: lobbied by }
            companies:
              acme: { name: Acme }
              beta: { name: Beta }
            ties:
              - { from: acme, type: lobbies, to: beta }
            """);

        Assert.Equal("test.yaml:8:38 TT0041", Yaml.Positions([error])[0]);
    }

    [Fact]
    public void A_fact_written_as_an_entity_field_and_as_a_ties_entry_gives_the_same_tie()
    {
        const string entities = """
            companies:
              palantir: { name: Palantir }
              amazon: { name: Amazon }
            """;
        var asField = Yaml.Load($$"""
            techties: 1
            {{Sources}}
            {{entities}}
              hosting-user:
                name: Hosting User
                hosts_on:
                  - { to: amazon, since: 2016-05, until: 2019, amount: $2M, status: confirmed, description: Cloud hosting., sources: [s1, { source: s2, quote: hosts }] }
            """);
        var asTie = Yaml.Load($$"""
            techties: 1
            {{Sources}}
            {{entities}}
              hosting-user: { name: Hosting User }
            ties:
              - from: hosting-user
                type: hosts_on
                to: amazon
                since: 2016-05
                until: 2019
                amount: USD 2 million
                status: confirmed
                description: Cloud hosting.
                sources: [s1, { source: s2, quote: hosts }]
            """);

        var fromField = Assert.Single(asField.Ties);
        var fromTies = Assert.Single(asTie.Ties);
        Assert.Equal(Describe(fromField), Describe(fromTies));
        Assert.Equal("hosting-user/hosts_on/amazon", fromField.Id);
        Assert.Equal(new Money(2_000_000m, "USD"), fromField.Amount);
        Assert.Equal(TieStatus.Confirmed, fromField.Status);
    }

    [Fact]
    public void Parallel_ties_are_numbered_ties_sections_first_then_entity_fields_in_file_order()
    {
        using var folder = new TempFolder();
        var first = folder.Write("a.yaml", $$"""
            techties: 1
            {{Sources}}
            companies:
              acme: { name: Acme, hosts_on: [{ to: beta, description: field in a, sources: [s1] }] }
              beta: { name: Beta }
            """);
        var second = folder.Write("b.yaml", """
            techties: 1
            ties:
              - { from: acme, type: hosts_on, to: beta, description: ties in b, sources: [s1] }
              - { from: acme, type: hosts_on, to: beta, description: second in b, sources: [s2] }
            """);

        var graph = TechTiesGraph.Load(folder.Path);

        Assert.Equal(
            ["acme/hosts_on/beta: ties in b", "acme/hosts_on/beta#2: second in b", "acme/hosts_on/beta#3: field in a"],
            graph.Ties.Select(t => $"{t.Id}: {t.Description}"));
        Assert.Equal([second, second, first], graph.Ties.Select(t => t.Location!.File));
    }

    [Fact]
    public void A_relationship_field_takes_a_single_id_a_list_of_ids_or_a_list_of_ties()
    {
        var graph = Yaml.Load($$"""
            techties: 1
            {{Sources}}
            groups:
              coalition: { name: Coalition }
              other-coalition: { name: Other Coalition }
              third-coalition: { name: Third Coalition }
              one: { name: One, member_of: coalition }
              two: { name: Two, member_of: [coalition, other-coalition] }
              three: { name: Three, member_of: [{ to: third-coalition, sources: [s1] }] }
            """);

        Assert.Equal(["one/member_of/coalition", "three/member_of/third-coalition", "two/member_of/coalition", "two/member_of/other-coalition"], graph.Ties.Select(t => t.Id));
    }

    [Fact]
    public void A_contract_makes_vendor_agency_office_product_and_contracts_with_ties_that_carry_it()
    {
        var graph = Yaml.Load($$"""
            techties: 1
            {{Sources}}
            companies:
              palantir: { name: Palantir }
            agencies:
              ice: { name: ICE }
              ice-office: { name: ICE Office, part_of: [{ to: ice, sources: [s1] }] }
            products:
              falcon: { name: FALCON }
            contracts:
              falcon-om:
                title: FALCON O&M
                vendor: palantir
                agency: ice
                office: ice-office
                product: falcon
                amount: USD 39 million
                start: 2015
                end: 2018-07
                status: ended
                sources: [s1]
            """);

        var contract = Assert.IsType<Contract>(graph["falcon-om"]);
        Assert.Equal(
            [
                "falcon-om/awarded_by/ice",
                "falcon-om/awarded_by/ice-office",
                "falcon-om/awarded_to/palantir",
                "falcon-om/covers/falcon",
                "ice-office/part_of/ice",
                "palantir/contracts_with/ice/falcon-om",
            ],
            graph.Ties.Select(t => t.Id));
        foreach (var tie in graph.Ties.Where(t => t.Type.Name != "part_of"))
        {
            Assert.Same(contract, tie.Contract);
            Assert.Equal((new PartialDate(2015), new PartialDate(2018, 7)), (tie.Since, tie.Until));
            Assert.Equal(new Money(39_000_000m, "USD"), tie.Amount);
            Assert.Equal(TieStatus.Ended, tie.Status);
            Assert.Equal(["s1"], tie.Citations.Select(c => c.Source));
        }

        Assert.Equal(("palantir", "ice", "ice-office", "falcon"), (contract.VendorId, contract.AgencyId, contract.OfficeId, contract.ProductIds.Single()));
        Assert.Empty(graph.Warnings);
    }

    [Fact]
    public void Two_contracts_between_the_same_pair_give_two_contracts_with_ties()
    {
        var graph = Yaml.Load($$"""
            techties: 1
            {{Sources}}
            companies:
              palantir: { name: Palantir }
            agencies:
              ice: { name: ICE }
            contracts:
              first: { title: First, vendor: palantir, agency: ice, sources: [s1] }
              second: { title: Second, vendor: palantir, agency: ice, sources: [s2] }
            """);

        var contractsWith = graph.TiesFrom(graph["palantir"]).Where(t => t.Type.Name == "contracts_with").ToList();
        Assert.Equal(["palantir/contracts_with/ice/first", "palantir/contracts_with/ice/second"], contractsWith.Select(t => t.Id));
        Assert.Equal(["first", "second"], contractsWith.Select(t => t.Contract!.Id));
    }

    [Fact]
    public void A_relationship_field_of_a_contract_carries_the_contract_like_its_product_field()
    {
        var graph = Yaml.Load($$"""
            techties: 1
            {{Sources}}
            companies:
              palantir: { name: Palantir }
            agencies:
              ice: { name: ICE }
            products:
              falcon: { name: FALCON }
            contracts:
              falcon-om: { title: FALCON O&M, vendor: palantir, agency: ice, start: 2015, covers: falcon, sources: [s1] }
            """);

        var covers = graph.Ties.Single(t => t.Type.Name == "covers");
        Assert.Same(graph["falcon-om"], covers.Contract);
        Assert.Equal(new PartialDate(2015), covers.Since);
        Assert.Equal(["s1"], covers.Citations.Select(c => c.Source));
        Assert.Empty(graph.Warnings);
    }

    [Fact]
    public void A_protest_makes_organized_and_signed_ties_that_take_its_dates_and_sources_unless_they_give_their_own()
    {
        var graph = Yaml.Load($$"""
            techties: 1
            {{Sources}}
            companies:
              palantir: { name: Palantir }
            groups:
              mijente: { name: Mijente }
              twc: { name: Tech Workers Coalition }
            people:
              organizer: { name: An Organizer }
            protests:
              letter:
                name: Open letter
                kind: letter
                date: 2018-08-01
                organizers: [mijente, organizer]
                signatories: [mijente, twc]
                targets: [{ to: palantir, since: 2018-07, sources: [s2] }]
                sources: [s1]
            """);

        Assert.Equal(
            ["letter/targets/palantir", "mijente/organized/letter", "mijente/signed/letter", "organizer/organized/letter", "twc/signed/letter"],
            graph.Ties.Select(t => t.Id));
        foreach (var tie in graph.Ties.Where(t => t.Type.Name is "organized" or "signed"))
        {
            Assert.Equal((new PartialDate(2018, 8, 1), new PartialDate(2018, 8, 1)), (tie.Since, tie.Until));
            Assert.Equal(["s1"], tie.Citations.Select(c => c.Source));
        }

        var targets = graph.Ties.Single(t => t.Type.Name == "targets");
        Assert.Equal((new PartialDate(2018, 7), new PartialDate(2018, 8, 1)), (targets.Since, targets.Until));
        Assert.Equal(["s2"], targets.Citations.Select(c => c.Source));
    }

    [Fact]
    public void A_disputed_field_keeps_every_claim_and_uses_the_preferred_one()
    {
        var graph = Yaml.Load($$"""
            techties: 1
            {{Sources}}
            companies:
              palantir: { name: Palantir }
            agencies:
              ice: { name: ICE }
            contracts:
              icm:
                title: ICM
                vendor: palantir
                agency: ice
                amount:
                  - { value: USD 53 million, sources: [s1], preferred: true }
                  - { value: $41M, sources: [{ source: s2, quote: "a $41 million contract" }] }
                sources: [s1]
            """);

        var contract = Assert.IsType<Contract>(graph["icm"]);
        Assert.Equal(new Money(53_000_000m, "USD"), contract.Amount);
        var claims = contract.ClaimsFor("amount")!;
        Assert.True(claims.IsDisputed);
        Assert.Equal(["USD 53000000", "USD 41000000"], claims.Claims.Select(c => c.Value));
        Assert.Equal("USD 53000000", claims.Preferred.Value);
        Assert.Equal("a $41 million contract", claims.Claims[1].Citations.Single().Quote);
    }

    [Fact]
    public void A_single_claim_with_its_own_sources_is_preferred_without_saying_so()
    {
        var graph = Yaml.Load($$"""
            techties: 1
            {{Sources}}
            agencies:
              ice: { name: ICE, founded: { value: 2003, sources: [s1] } }
            """);

        var agency = Assert.IsType<Agency>(graph["ice"]);
        Assert.Equal(new PartialDate(2003), agency.Founded);
        Assert.False(agency.ClaimsFor("founded")!.IsDisputed);
        Assert.Equal(["s1"], agency.ClaimsFor("founded")!.Preferred.Citations.Select(c => c.Source));
    }

    [Fact]
    public void A_folder_loads_recursively_in_ordinal_path_order()
    {
        using var folder = new TempFolder();
        folder.Write("b.yaml", "techties: 1\ndataset: { name: b }\n");
        folder.Write("a/z.yml", "techties: 1\ndataset: { name: a-z }\n");
        folder.Write("a.yaml", "techties: 1\ndataset: { name: a }\n");
        folder.Write("A.yaml", "techties: 1\ndataset: { name: upper-a }\n");
        folder.Write("a/deeper/c.YAML", "techties: 1\ndataset: { name: a-deeper-c }\n");
        folder.Write("notes.txt", "not yaml: [");

        var graph = TechTiesGraph.Load(folder.Path);

        Assert.Equal(["upper-a", "a", "a-deeper-c", "a-z", "b"], graph.Datasets.Select(d => d.Name));
    }

    [Fact]
    public void A_folder_with_no_graph_file_in_it_or_its_subfolders_is_not_found_rather_than_an_empty_graph()
    {
        using var folder = new TempFolder();
        folder.Write("sub/readme.txt", "notes");
        var empty = Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, "empty")).FullName;
        var graph = folder.Write("graph.yaml", "techties: 1\n");

        var exception = Assert.Throws<FileNotFoundException>(() => TechTiesGraph.Load(graph, System.IO.Path.Combine(folder.Path, "sub")));

        Assert.Equal($"The folder '{System.IO.Path.Combine(folder.Path, "sub")}' holds no graph files: no .yaml, .yml or .json file in it or its subfolders.", exception.Message);
        Assert.Equal(empty, Assert.Throws<FileNotFoundException>(() => TechTiesGraph.Load(empty)).FileName);
    }

    [Fact]
    public void The_first_definition_in_ordinal_path_order_wins_a_duplicate_id()
    {
        using var folder = new TempFolder();
        var second = folder.Write("b/ids.yaml", "techties: 1\ncompanies:\n  acme: { name: Acme }\n");
        var first = folder.Write("a/ids.yaml", "techties: 1\ncompanies:\n  acme: { name: Acme }\n");

        var error = Assert.Single(Assert.Throws<GraphLoadException>(() => TechTiesGraph.Load(folder.Path)).Errors);

        Assert.Equal($"{second}:3:3 TT0031", Yaml.Positions([error])[0]);
        Assert.Contains($"{first}:3:3", error.Message);
    }

    [Fact]
    public void A_file_named_twice_directly_through_its_folder_or_through_a_link_is_loaded_once_under_its_first_name()
    {
        using var folder = new TempFolder();
        var file = folder.Write("data/graph.yaml", "techties: 1\ncompanies:\n  acme: { name: Acme }\n");
        var data = Path.Combine(folder.Path, "data");
        var link = Path.Combine(folder.Path, "alias.yaml");
        File.CreateSymbolicLink(link, file);

        var twice = TechTiesGraph.Load(file, file);
        var throughFolder = TechTiesGraph.Load(data, Path.Combine(data, ".", "graph.yaml"));
        var throughLink = TechTiesGraph.Load(link, data);

        Assert.Equal(["acme"], twice.Entities.Select(e => e.Id));
        Assert.Equal(["acme"], throughFolder.Entities.Select(e => e.Id));
        Assert.Equal(file, throughFolder["acme"].Location!.File);
        Assert.Equal(["acme"], throughLink.Entities.Select(e => e.Id));
        Assert.Equal(link, throughLink["acme"].Location!.File);
    }

    [Fact]
    public void A_symbolic_link_cycle_in_a_folder_is_followed_once()
    {
        using var folder = new TempFolder();
        folder.Write("data/graph.yaml", "techties: 1\ncompanies:\n  acme: { name: Acme }\n");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "data", "loop"), Path.Combine(folder.Path, "data"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "data", "up"), "..");

        var graph = TechTiesGraph.Load(Path.Combine(folder.Path, "data"));

        Assert.Equal(["acme"], graph.Entities.Select(e => e.Id));
    }

    [Fact]
    public void Symbolic_links_that_point_at_each_other_or_nowhere_are_skipped()
    {
        using var folder = new TempFolder();
        folder.Write("data/graph.yaml", "techties: 1\ncompanies:\n  acme: { name: Acme }\n");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "data", "x"), Path.Combine(folder.Path, "data", "y"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "data", "y"), Path.Combine(folder.Path, "data", "x"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "data", "gone"), Path.Combine(folder.Path, "nowhere"));

        var graph = TechTiesGraph.Load(Path.Combine(folder.Path, "data"));

        Assert.Equal(["acme"], graph.Entities.Select(e => e.Id));
    }

    [Fact]
    public void A_symbolic_link_named_like_a_graph_file_that_leads_nowhere_fails_the_load_naming_the_link_and_its_target()
    {
        using var folder = new TempFolder();
        folder.Write("data/graph.yaml", "techties: 1\ncompanies:\n  acme: { name: Acme }\n");
        var link = Path.Combine(folder.Path, "data", "more.yaml");
        var target = Path.Combine(folder.Path, "elsewhere", "more.yaml");
        File.CreateSymbolicLink(link, target);

        var exception = Assert.Throws<FileNotFoundException>(() => TechTiesGraph.Load(Path.Combine(folder.Path, "data")));

        Assert.Equal(link, exception.FileName);
        Assert.Equal($"'{link}' is a symbolic link to '{target}', which does not exist (fix the link, or remove it).", exception.Message);

        folder.Write("elsewhere/more.yaml", "techties: 1\ncompanies:\n  globex: { name: Globex }\n");
        Assert.Equal(["acme", "globex"], TechTiesGraph.Load(Path.Combine(folder.Path, "data")).Entities.Select(e => e.Id));
    }

    [Fact]
    public void Every_graph_file_link_that_leads_nowhere_is_named_in_one_error()
    {
        using var folder = new TempFolder();
        folder.Write("data/graph.yaml", "techties: 1\n");
        var relative = Path.Combine(folder.Path, "data", "b.yml");
        var cycle = Path.Combine(folder.Path, "data", "c.yaml");
        var absolute = Path.Combine(folder.Path, "data", "sub", "a.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(absolute)!);
        File.CreateSymbolicLink(absolute, Path.Combine(folder.Path, "gone.yaml"));
        File.CreateSymbolicLink(relative, "../gone.yml");
        File.CreateSymbolicLink(cycle, "d.yaml");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "data", "d.yaml"), "c.yaml");

        var exception = Assert.Throws<FileNotFoundException>(() => TechTiesGraph.Load(Path.Combine(folder.Path, "data")));

        Assert.Equal(relative, exception.FileName);
        Assert.Equal(
            $"'{relative}' is a symbolic link to '{Path.Combine(folder.Path, "gone.yml")}', which does not exist; "
            + $"'{cycle}' is a symbolic link that never reaches a file: the links it leads through form a cycle; "
            + $"'{Path.Combine(folder.Path, "data", "d.yaml")}' is a symbolic link that never reaches a file: the links it leads through form a cycle; "
            + $"'{absolute}' is a symbolic link to '{Path.Combine(folder.Path, "gone.yaml")}', which does not exist (fix these links, or remove them).",
            exception.Message);
    }

    [Fact]
    public void A_graph_file_given_by_name_that_is_a_link_to_nothing_is_named_with_its_target()
    {
        using var folder = new TempFolder();
        var link = Path.Combine(folder.Path, "graph.yaml");
        File.CreateSymbolicLink(link, "missing.yaml");

        var exception = Assert.Throws<FileNotFoundException>(() => TechTiesGraph.Load(link));

        Assert.Equal(link, exception.FileName);
        Assert.Equal($"'{link}' is a symbolic link to '{Path.Combine(folder.Path, "missing.yaml")}', which does not exist (fix the link, or remove it).", exception.Message);
    }

    [Fact]
    public void A_missing_path_throws_file_not_found_naming_it()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "missing.yaml");

        var exception = Assert.Throws<FileNotFoundException>(() => TechTiesGraph.Load(missing));

        Assert.Equal(missing, exception.FileName);
        Assert.Contains(missing, exception.Message);
    }

    [Fact]
    public void Files_given_one_by_one_load_together_with_references_across_them()
    {
        using var folder = new TempFolder();
        var people = folder.Write("people.yaml", "techties: 1\npeople:\n  alex-karp: { name: Alex Karp, ceo_of: palantir }\n");
        var companies = folder.Write("companies.yaml", "techties: 1\ncompanies:\n  palantir: { name: Palantir }\n");

        var graph = TechTiesGraph.Load(people, companies);

        var tie = Assert.Single(graph.Ties);
        Assert.Equal("alex-karp/ceo_of/palantir", tie.Id);
        Assert.Equal(new SourceLocation { File = people, Line = 3, Column = 33 }, tie.Location);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("yes")]
    [InlineData("off")]
    [InlineData("1.10")]
    [InlineData("0x1F")]
    [InlineData("2018-07-31")]
    [InlineData("1e3")]
    [InlineData(".inf")]
    [InlineData("true")]
    public void Untagged_scalars_stay_the_text_that_was_written(string name)
    {
        var graph = Yaml.Load($"techties: 1\ncompanies:\n  acme: {{ name: {name}, aliases: [{name}], identifiers: {{ duns: 007 }} }}\n");

        var company = Assert.IsType<Company>(graph["acme"]);
        Assert.Equal(name, company.Name);
        Assert.Equal([name], company.Aliases.ToArray());
        Assert.Equal("007", company.Identifiers["duns"]);
    }

    [Fact]
    public void A_stream_with_a_byte_order_mark_loads()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Yaml.Utf8("techties: 1\ncompanies:\n  acme: { name: Acmé }\n")).ToArray();

        var graph = Yaml.Load(bytes);

        Assert.Equal("Acmé", graph["acme"].Name);
    }

    [Fact]
    public void Empty_sections_are_allowed()
    {
        var graph = Yaml.Load("techties: 1\ncompanies:\nties:\nrelationship_types: {}\n");

        Assert.Empty(graph.Entities);
        Assert.Empty(graph.Ties);
    }

    [Fact]
    public void Load_options_with_a_default_imports_array_load_as_with_no_imports()
    {
        var options = new LoadOptions { Imports = default };

        var graph = TechTiesGraph.Parse("techties: 1\ncompanies:\n  acme: { name: Acme }\n", options: options);

        Assert.True(options.Imports.IsEmpty);
        Assert.Equal("Acme", graph["acme"].Name);
    }

    private static string Describe(Tie t) =>
        string.Join(" | ", t.Id, t.Type.Name, t.From.Id, t.To.Id, t.Since, t.Until, t.Amount, t.Status, t.Description, string.Join(",", t.Citations), t.Contract?.Id);
}
