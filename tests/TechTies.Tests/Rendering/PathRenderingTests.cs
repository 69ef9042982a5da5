namespace TechTies.Tests.Rendering;

public class PathRenderingTests
{
    private static readonly TechTiesGraph BuiltIn = TechTiesGraph.LoadBuiltIn();

    [Fact]
    public void The_arrow_form_names_entities_and_labels()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              palantir: { name: Palantir Technologies, hosts_on: { to: amazon, sources: [s] } }
              amazon: { name: Amazon }
            agencies:
              ice: { name: U.S. Immigration and Customs Enforcement }
            contracts:
              k: { title: K, vendor: amazon, agency: ice, sources: [s] }
            """, "arrow.yaml");

        var path = Assert.Single(graph.Query("palantir -[hosts_on]-> ? -[contracts_with]-> ice"));

        Assert.Equal("Palantir Technologies -> hosts on -> Amazon -> contracts with -> U.S. Immigration and Customs Enforcement", path.ToString());
    }

    [Fact]
    public void An_asof_search_reads_as_of_its_date_and_its_renderings_carry_its_warnings()
    {
        var set = BuiltIn.Query("palantir -[contracts_with]-> ice asof 2018-08-01");
        Assert.NotEmpty(set.Warnings);

        var text = set.ToSentences();

        // Tense is judged from the asof day unless a day is given: the $53 million contract (2014-2019) was current then.
        Assert.Equal(text, set.ToSentences(new DateOnly(2018, 8, 1)));
        Assert.Contains("Palantir Technologies has a $53 million contract", text, StringComparison.Ordinal);
        Assert.Contains("Palantir Technologies had a $53 million contract", set.ToSentences(new DateOnly(2025, 1, 1)), StringComparison.Ordinal);
        Assert.Equal(set.ToHtml(new DateOnly(2018, 8, 1)), set.ToHtml());

        // Every warning follows the paths as a note, before the sources, in sentences, Markdown and HTML.
        var notes = string.Concat(set.Warnings.Select(w => $"Note: {w}\n"));
        Assert.Contains(notes + "\nSources:\n", text, StringComparison.Ordinal);
        var markdown = set.ToMarkdown();
        Assert.Equal(set.Warnings.Length, markdown.Split("\n*Note: ").Length - 1);
        Assert.Contains("\n*Note: 1 undated tie(s) were kept", markdown, StringComparison.Ordinal);
        var html = set.ToHtml();
        Assert.Equal(set.Warnings.Length, html.Split("<p class=\"techties-note\">Note: ").Length - 1);

        // A connection search with an asof date reads as of it too.
        var connected = BuiltIn.Connect("palantir", "ice", new ConnectOptions { AsOf = PartialDate.Parse("2018-08-01"), MaxHops = 1 });
        Assert.Equal(connected.ToSentences(new DateOnly(2018, 8, 1)), connected.ToSentences());
        Assert.NotEqual(connected.ToSentences(new DateOnly(2025, 1, 1)), connected.ToSentences());
    }

    [Fact]
    public void A_set_without_warnings_has_no_notes()
    {
        var set = BuiltIn.Query("palantir -[contracts_with]-> ice");

        Assert.Empty(set.Warnings);
        Assert.DoesNotContain("Note:", set.ToSentences(), StringComparison.Ordinal);
        Assert.DoesNotContain("Note:", set.ToMarkdown(), StringComparison.Ordinal);
        Assert.DoesNotContain("techties-note", set.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sentences_give_tense_amounts_dates_disputes_and_footnoted_sources()
    {
        var text = BuiltIn.Query("palantir -[contracts_with]-> ice").ToSentences(new DateOnly(2018, 8, 1));

        Assert.Equal(
            "1. Palantir Technologies had a $39 million contract with U.S. Immigration and Customs Enforcement (2015–2018) [1][2][3]."
            + " Palantir Technologies had, as of 2018, a $249,999.50 contract with U.S. Immigration and Customs Enforcement [3]."
            + " Palantir Technologies has a $53 million contract with U.S. Immigration and Customs Enforcement (2014–2019) [1][2][3][4][5];"
            + " sources differ on the amount: $53 million according to [1][5], $41 million according to [4].\n"
            + "\nSources:\n"
            + "[1] Protestors Are Asking Palantir’s CEO to Cancel the Company’s Contract With ICE. USA Really, 2018-08-01\n"
            + "[2] Gizmodo\n"
            + "[3] freezer.csv. Torn Apart / Separados (xpmethod, torn-apart-open-data), 2018\n"
            + "[4] Activists call on Palo Alto tech firm Palantir to end ICE contract. Mercury News, 2018-07-31, https://www.mercurynews.com/2018/07/31/activists-call-on-palo-alto-tech-firm-palantir-to-end-ice-contract/\n"
            + "[5] Rewire News Group, 2018-10-23, https://rewirenewsgroup.com/2018/10/23/these-companies-are-helping-trump-wage-technological-warfare-against-immigrants\n",
            text);
    }

    [Fact]
    public void A_contract_that_ended_before_today_is_in_the_past_tense()
    {
        var text = BuiltIn.Query("palantir -[contracts_with]-> ice").ToSentences(new DateOnly(2025, 1, 1));

        Assert.Contains("Palantir Technologies had a $53 million contract with U.S. Immigration and Customs Enforcement (2014–2019)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_result_says_so_in_sentences()
    {
        Assert.Equal("No paths were found.\n", BuiltIn.Query("palantir -[hosts_on]-> ? -[contracts_with]-> ice").ToSentences(new DateOnly(2020, 1, 1)));
    }

    [Theory]
    [InlineData(39_000_000, "USD", "$39 million")]
    [InlineData(19_400_000, "USD", "$19.4 million")]
    [InlineData(249_999.50, "USD", "$249,999.50")]
    [InlineData(250_000, "USD", "$250,000")]
    [InlineData(39_340_900.82, "USD", "$39,340,900.82")]
    [InlineData(2_000_000_000, "EUR", "€2 billion")]
    [InlineData(1500, "CHF", "CHF 1,500")]
    public void Money_is_written_as_people_write_it(double amount, string currency, string expected)
    {
        Assert.Equal(expected, TechTies.Rendering.MoneyText.Format(new Money((decimal)amount, currency)));
    }

    [Fact]
    public void The_Markdown_table_has_one_row_per_tie_and_escapes_pipes()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              a: { name: "A | B", hosts_on: { to: c, since: 2015, sources: [s] } }
              c: { name: C }
            """, "md.yaml");

        Assert.Equal(
            "| Path | Step | From | Relationship | To | Contract | Dates | Amount | Status | Sources |\n|---:|---:|---|---|---|---|---|---|---|---|\n| 1 | 1 | A \\| B | hosts on | C |  | since 2015 |  |  | s |\n",
            graph.Query("a -[hosts_on]-> c").ToMarkdown());
    }

    [Fact]
    public void The_Markdown_table_escapes_dollar_signs_and_tildes_that_viewers_read_as_mathematics_or_strikethrough()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              a: { name: "A ~ B", hosts_on: { to: c, since: 2015, amount: $5 million, sources: [s] } }
              c: { name: "C ~ $D" }
            """, "md.yaml");

        // Unescaped, GitHub and Jupyter would read "$5 million | C ~ $" as mathematics, and "~ B … C ~" as struck out.
        Assert.Equal(
            "| Path | Step | From | Relationship | To | Contract | Dates | Amount | Status | Sources |\n|---:|---:|---|---|---|---|---|---|---|---|\n| 1 | 1 | A \\~ B | hosts on | C \\~ \\$D |  | since 2015 | \\$5 million |  | s |\n",
            graph.Query("a -[hosts_on]-> c").ToMarkdown());
    }

    [Fact]
    public void A_table_gives_each_contract_of_a_grouped_step_its_own_row_naming_it_with_its_dates_amount_dispute_and_status()
    {
        var markdown = BuiltIn.Query("ice <-[contracts_with]- (:company)").ToMarkdown();

        var ice = "| U.S. Immigration and Customs Enforcement | has a contract with |";
        Assert.Contains($"| 1 | 1 {ice} Four Points Technology | four-points-ice-aws-public-cloud |  | \\$451,232 |  | torn-apart-freezer-2018 |\n", markdown, StringComparison.Ordinal);
        Assert.Contains($"| 3 | 1 {ice} Palantir Technologies | palantir-ice-falcon-om | 2015–2018 | \\$39 million | ended | usareally-2018-08-01, gizmodo-palantir-ice, torn-apart-freezer-2018 |\n", markdown, StringComparison.Ordinal);
        Assert.Contains($"| 3 | 1 {ice} Palantir Technologies | palantir-ice-gotham |  | \\$249,999.50 |  | torn-apart-freezer-2018 |\n", markdown, StringComparison.Ordinal);
        Assert.Contains($"| 3 | 1 {ice} Palantir Technologies | palantir-ice-icm | 2014–2019 | \\$53 million (sources differ: also \\$41 million) |  |", markdown, StringComparison.Ordinal);
        Assert.Contains($"| 4 | 1 {ice} West Publishing | west-ice-clear |  | \\$9,673,485.72 |  | torn-apart-freezer-2018 |\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_gives_a_protest_s_disputed_date_a_tie_s_status_and_an_unsourced_tie()
    {
        var graph = TechTiesGraph.Parse(DisputedProtest.Replace("  co: { name: Acme }", "  co: { name: Acme }\n  cloud: { name: Cloud }\n  other: { name: Other }", StringComparison.Ordinal) + """
            ties:
              - { from: co, type: hosts_on, to: cloud, status: denied, sources: [a] }
              - { from: cloud, type: hosts_on, to: other }
            """, "table.yaml");

        Assert.Contains("| 1 | 1 | Rally | targets | Acme |  | 2018-08-01 (sources differ: also 2018-07-31) |  |  | a, b |\n", graph.Query("rally -[targets]-> co").ToMarkdown(), StringComparison.Ordinal);
        var markdown = graph.Query("co -[hosts_on]-> cloud -[hosts_on]-> other").ToMarkdown();
        Assert.Contains("| 1 | 1 | Acme | hosts on | Cloud |  |  |  | denied | a |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| 1 | 2 | Cloud | hosts on | Other |  |  |  |  | \\[no source\\] |\n", markdown, StringComparison.Ordinal);
        var html = graph.Query("co -[hosts_on]-> cloud -[hosts_on]-> other").ToHtml(new DateOnly(2020, 1, 1));
        Assert.Contains("<th>To</th><th>Contract</th><th>Dates</th><th>Amount</th><th>Status</th><th>Sources</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>1</td><td>1</td><td>Acme</td><td>hosts on</td><td>Cloud</td><td></td><td></td><td></td><td>denied</td><td>a</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td>[no source]</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Markdown_table_writes_angle_brackets_and_ampersands_as_entities()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              a: { name: "Acme \"Quotes\" & <Co> #1 | end", hosts_on: { to: c, sources: [s] } }
              c: { name: C }
            """, "escape.yaml");

        Assert.Contains("| Acme \"Quotes\" &amp; &lt;Co&gt; \\#1 \\| end |", graph.Query("a -[hosts_on]-> c").ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_HTML_table_encodes_all_text()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              a: { name: "<script>alert('x')</script> & Co", hosts_on: { to: c, sources: [s] } }
              c: { name: C }
            """, "html.yaml");

        var html = graph.Query("a -[hosts_on]-> c").ToHtml();

        Assert.Contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_HTML_gives_the_paths_as_sentences_with_the_sources_as_links_and_an_inline_picture()
    {
        var html = BuiltIn.Query("palantir -[hosts_on]-> amazon").ToHtml(new DateOnly(2018, 8, 1));

        Assert.Contains("<ol class=\"techties-sentences\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://rewirenewsgroup.com/2018/10/23/these-companies-are-helping-trump-wage-technological-warfare-against-immigrants\">Rewire News Group, 2018-10-23, https://", html, StringComparison.Ordinal);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://cdn", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_SVG_picture_is_well_formed_XML_with_one_box_per_entity_and_escaped_names()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              a: { name: "<A> & \"B\"", hosts_on: { to: c, sources: [s] } }
              c: { name: C }
            """, "svg.yaml");

        var svg = System.Xml.Linq.XDocument.Parse(graph.Query("a -[hosts_on]-> c").ToSvg());

        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2000/svg";
        var nodes = svg.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "techties-node").ToList();
        Assert.Equal(["<A> & \"B\"", "C"], nodes.Select(g => g.Element(ns + "text")!.Value));
        Assert.Equal(["hosts on", "[1]"], svg.Descendants(ns + "g").Single(g => (string?)g.Attribute("class") == "techties-edge").Elements(ns + "text").Select(t => t.Value));
    }

    [Fact]
    public void Mermaid_uses_safe_node_ids_and_escaped_labels()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              a: { name: "Say \"hi\" #1", hosts_on: { to: c, sources: [s] } }
              c: { name: C }
            """, "mermaid.yaml");

        Assert.Equal(
            "flowchart LR\n    n0[\"Say #quot;hi#quot; #35;1\"]\n    n1[\"C\"]\n    n0 -->|\"hosts on\"| n1\n",
            graph.Query("a -[hosts_on]-> c").ToMermaid());
    }

    [Fact]
    public void Mermaid_escapes_labels_as_the_Mermaid_export_does()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              a: { name: "Acme \"Quotes\" & <Co> #1 | end", hosts_on: { to: c, sources: [s] } }
              c: { name: C }
            """, "escape.yaml");
        using var export = new MemoryStream();
        graph.Export(ExportFormat.Mermaid, export);

        var label = "\"Acme #quot;Quotes#quot; #amp; #lt;Co#gt; #35;1 #124; end\"";
        Assert.Contains(label, System.Text.Encoding.UTF8.GetString(export.ToArray()), StringComparison.Ordinal);
        Assert.Contains($"    n0[{label}]\n", graph.Query("a -[hosts_on]-> c").ToMermaid(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pictures_of_a_truncated_result_say_so()
    {
        var set = BuiltIn.Query("(:group) -[signed]-> ? -[targets]-> palantir limit 3");
        const string Note = "Only some paths are shown: the limit of 3 paths kept the first 3 of 14.";

        Assert.EndsWith($"    %% truncated: the limit of 3 paths kept the first 3 of 14\n    truncated[\"{Note}\"]\n", set.ToMermaid(), StringComparison.Ordinal);
        Assert.EndsWith($"    label=\"{Note}\";\n}}\n", set.ToDot(), StringComparison.Ordinal);
        var svg = System.Xml.Linq.XDocument.Parse(set.ToSvg());
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(Note, svg.Descendants(ns + "text").Single(t => (string?)t.Attribute("class") == "techties-subtitle").Value);
    }

    [Fact]
    public void Pictures_of_a_whole_result_have_no_truncation_note()
    {
        var set = BuiltIn.Query("(:group) -[signed]-> ? -[targets]-> palantir");

        Assert.DoesNotContain("truncated", set.ToMermaid(), StringComparison.Ordinal);
        Assert.DoesNotContain("label=\"Only", set.ToDot(), StringComparison.Ordinal);
        Assert.DoesNotContain("Only some", set.ToSvg(), StringComparison.Ordinal);
    }

    [Fact]
    public void DOT_quotes_and_escapes_ids_and_labels()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              a: { name: "Back\\slash \"quoted\"", hosts_on: { to: c, sources: [s] } }
              c: { name: C }
            """, "dot.yaml");

        Assert.Equal(
            "digraph techties {\n    rankdir=LR;\n    \"a\" [label=\"Back\\\\slash \\\"quoted\\\"\"];\n    \"c\" [label=\"C\"];\n    \"a\" -> \"c\" [label=\"hosts on\"];\n}\n",
            graph.Query("a -[hosts_on]-> c").ToDot());
    }

    [Fact]
    public void A_tie_that_ended_is_in_the_past_tense_and_a_backward_step_reads_with_the_inverse_label()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              a: { name: Acme, hosts_on: { to: c, since: 2012, until: 2014, sources: [s] } }
              c: { name: CloudCo }
            """, "ended.yaml");

        Assert.Equal(
            "1. CloudCo hosted Acme (2012–2014) [1].\n\nSources:\n[1] Test source. 2020-01-01\n",
            graph.Query("c <-[hosts_on]- a").ToSentences(new DateOnly(2020, 1, 1)));
    }

    [Theory]
    [InlineData("denied")]
    [InlineData("alleged")]
    [InlineData("confirmed")]
    public void A_tie_that_is_not_simply_reported_says_its_status_as_show_does(string status)
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + $$"""
            companies:
              a: { name: Acme, hosts_on: { to: b, status: {{status}}, sources: [s] } }
              b: { name: Bcloud }
            """, "status.yaml");

        Assert.Equal($"1. Acme hosts on Bcloud ({status}) [1].\n", graph.Query("a -[hosts_on]-> b").ToSentences(new DateOnly(2020, 1, 1)).Split('\n')[0] + "\n");
        Assert.Contains($"hosts on Bcloud (b) ({status}) [1]", graph.Card(graph.Find("a")).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_contract_that_is_alleged_says_so_after_its_dates()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              a: { name: Acme }
            agencies:
              d: { name: Department }
            contracts:
              k: { title: K, vendor: a, agency: d, amount: USD 2 million, start: 2015, end: 2030, status: alleged, sources: [s] }
            """, "alleged-contract.yaml");

        Assert.StartsWith(
            "1. Acme has a $2 million contract with Department (2015–2030, alleged) [1].\n",
            graph.Query("a -[contracts_with]-> d").ToSentences(new DateOnly(2020, 1, 1)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_tie_other_than_a_contract_keeps_its_amount_and_status_and_reads_in_the_past_once_ended()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              a: { name: Acme }
              b: { name: Bcloud }
              c: { name: Cco, hosts_on: [{ to: b, since: 2015, until: 2018, sources: [s] }, { to: a, since: 2015, until: 2030, sources: [s] }] }
              d: { name: Dco, hosts_on: { to: b, status: ended, sources: [s] } }
            groups:
              g: { name: Good Group }
            ties:
              - { from: a, type: donated_to, to: g, amount: USD 50000, since: 2017, until: 2018, status: confirmed, sources: [s] }
            """, "tense.yaml");
        var today = new DateOnly(2020, 1, 1);

        Assert.StartsWith("1. Acme donated to Good Group (2017–2018, $50,000, confirmed) [1].\n", graph.Query("a -[donated_to]-> g").ToSentences(today), StringComparison.Ordinal);
        Assert.StartsWith("1. Cco hosted on Bcloud (2015–2018) [1].\n", graph.Query("c -[hosts_on]-> b").ToSentences(today), StringComparison.Ordinal);
        Assert.StartsWith("1. Cco hosts on Acme (2015–2030) [1].\n", graph.Query("c -[hosts_on]-> a").ToSentences(today), StringComparison.Ordinal);
        Assert.StartsWith("1. Dco hosted on Bcloud [1].\n", graph.Query("d -[hosts_on]-> b").ToSentences(today), StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_without_a_source_says_so_and_is_spaced_like_the_others()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              a: { name: Acme Analytics, hosts_on: b }
              b: { name: Amazon }
              c: { name: Palantir Technologies, hosts_on: { to: b, sources: [s] } }
            """, "unsourced.yaml");

        Assert.Equal(
            "1. Acme Analytics hosts on Amazon [no source]. Amazon hosts Palantir Technologies [1].\n\nSources:\n[1] Test source. 2020-01-01\n",
            graph.Query("a -[hosts_on]-> b <-[hosts_on]- c").ToSentences(new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public void A_label_that_is_not_a_verb_reads_with_is_or_was()
    {
        var graph = TechTiesGraph.Parse(Querying.SmallGraphs.Header + """
            companies:
              co: { name: Salesforce }
            agencies:
              dhs: { name: DHS }
              cbp: { name: CBP, part_of: { to: dhs, sources: [s] } }
              old: { name: Old Office, part_of: { to: dhs, until: 2010, sources: [s] } }
            protests:
              day: { name: Day of action, kind: campaign, targets: [co], sources: [s] }
              rally: { name: Rally, kind: rally, date: 2018-07-01, targets: [co], sources: [s] }
            """, "copula.yaml");
        var today = new DateOnly(2020, 1, 1);

        Assert.StartsWith("1. CBP is part of DHS [1].\n", graph.Query("cbp -[part_of]-> dhs").ToSentences(today), StringComparison.Ordinal);
        Assert.StartsWith("1. Old Office was part of DHS (until 2010) [1].\n", graph.Query("old -[part_of]-> dhs").ToSentences(today), StringComparison.Ordinal);
        Assert.StartsWith("1. Salesforce is targeted by Day of action [1].\n", graph.Query("co <-[targets]- day").ToSentences(today), StringComparison.Ordinal);
        Assert.StartsWith("1. Salesforce was targeted by Rally (2018-07-01) [1].\n", graph.Query("co <-[targets]- rally").ToSentences(today), StringComparison.Ordinal);
    }

    private const string DisputedProtest = """
        techties: 1
        sources:
          a: { title: Source A, kind: news, published: 2018-08-01 }
          b: { title: Source B, kind: news, published: 2018-07-31 }
        companies:
          co: { name: Acme }
        groups:
          g: { name: Good Group }
        protests:
          rally:
            name: Rally
            kind: rally
            date:
              - { value: 2018-08-01, preferred: true, sources: [a] }
              - { value: 2018-07-31, sources: [b] }
            targets: [co]
            organizers: [g]
            sources: [a, b]
          later:
            name: Later rally
            kind: rally
            date:
              - { value: 2019-05-01, preferred: true, sources: [a] }
              - { value: 2019-05-02, sources: [b] }
            targets: [{ to: co, since: 2019-04, until: 2019-06, sources: [a] }]
            sources: [a, b]

        """;

    [Fact]
    public void A_tie_that_takes_its_date_from_a_protest_says_when_sources_differ_on_that_date()
    {
        var graph = TechTiesGraph.Parse(DisputedProtest, "protest.yaml");
        var today = new DateOnly(2020, 1, 1);

        Assert.Equal(
            "1. Rally targeted Acme (2018-08-01) [1][2]; sources differ on the date: 2018-08-01 according to [1], 2018-07-31 according to [2].\n"
            + "\nSources:\n[1] Source A. 2018-08-01\n[2] Source B. 2018-07-31\n",
            graph.Query("rally -[targets]-> co").ToSentences(today));
        Assert.StartsWith(
            "1. Good Group organized Rally (2018-08-01) [1][2]; sources differ on the date: 2018-08-01 according to [1], 2018-07-31 according to [2].\n",
            graph.Query("g -[organized]-> rally").ToSentences(today),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_tie_with_dates_of_its_own_does_not_take_up_its_protest_s_disputed_date()
    {
        var graph = TechTiesGraph.Parse(DisputedProtest, "protest.yaml");

        Assert.Equal(
            "1. Later rally targeted Acme (2019-04–2019-06) [1].\n\nSources:\n[1] Source A. 2018-08-01\n",
            graph.Query("later -[targets]-> co").ToSentences(new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public void The_built_in_protest_s_targets_tie_names_both_dates_its_sources_give()
    {
        var text = BuiltIn.Query("palantir-hq-2018-07-31 -[targets]-> ?").ToSentences(new DateOnly(2018, 8, 1));

        Assert.StartsWith(
            "1. Protest at Palantir headquarters over ICE contracts targeted Palantir Technologies (2018-07-31) [1][2][3];"
            + " sources differ on the date: 2018-07-31 according to [2][3], 2018-08-01 according to [1].\n",
            text,
            StringComparison.Ordinal);
    }
}
