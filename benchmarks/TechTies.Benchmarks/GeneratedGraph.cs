using System.Globalization;
using System.Text;
using TechTies;

namespace TechTies.Benchmarks;

/// <summary>
/// A deterministic generated graph (seeded <see cref="Random"/>) with about <c>ties</c> ties: companies hosting on
/// each other, contracts with agencies (half as contract nodes, half as plain ties, some parallel), an agency
/// tree, and groups that sign protests targeting companies.
/// </summary>
public static class GeneratedGraph
{
    public static string Yaml(int ties, int seed = 20180801)
    {
        var random = new Random(seed);
        var companies = Math.Max(4, ties / 8);
        var agencies = Math.Max(3, ties / 40);
        var groups = Math.Max(2, ties / 50);
        var protests = Math.Max(1, ties / 100);
        var yaml = new StringBuilder("techties: 1\nsources:\n  s: { title: Generated source, kind: dataset, published: 2020 }\n");
        string Dates()
        {
            var start = random.Next(2005, 2021);
            return random.Next(4) switch
            {
                0 => string.Empty,
                1 => string.Create(CultureInfo.InvariantCulture, $", since: {start}"),
                _ => string.Create(CultureInfo.InvariantCulture, $", since: {start}, until: {start + random.Next(0, 6)}"),
            };
        }

        yaml.Append("companies:\n");
        for (var i = 0; i < companies; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  c{i}: {{ name: Company {i} }}\n");
        }

        yaml.Append("agencies:\n");
        for (var i = 0; i < agencies; i++)
        {
            var parent = i == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", part_of: {{ to: a{(i - 1) / 4}, sources: [s] }}");
            yaml.Append(CultureInfo.InvariantCulture, $"  a{i}: {{ name: Agency {i}{parent} }}\n");
        }

        yaml.Append("groups:\n");
        for (var i = 0; i < groups; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  g{i}: {{ name: Group {i} }}\n");
        }

        yaml.Append("protests:\n");
        for (var i = 0; i < protests; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  p{i}: {{ name: Protest {i}, kind: rally, targets: [c{random.Next(companies)}, c{random.Next(companies)}], sources: [s] }}\n");
        }

        var contracts = ties / 8;
        yaml.Append("contracts:\n");
        for (var i = 0; i < contracts; i++)
        {
            var start = random.Next(2005, 2021);
            yaml.Append(CultureInfo.InvariantCulture, $"  k{i}: {{ title: Contract {i}, vendor: c{random.Next(companies)}, agency: a{random.Next(agencies)}, amount: {random.Next(1, 500)}000, start: {start}, end: {start + random.Next(0, 6)}, sources: [s] }}\n");
        }

        yaml.Append("ties:\n");
        var written = contracts * 3 + agencies + protests * 2;
        while (written < ties)
        {
            var kind = random.Next(10);
            var line = kind switch
            {
                < 5 => Tie($"c{random.Next(companies)}", "hosts_on", $"c{random.Next(companies)}"),
                < 8 => Tie($"c{random.Next(companies)}", "contracts_with", $"a{random.Next(agencies)}"),
                _ => Tie($"g{random.Next(groups)}", "signed", $"p{random.Next(protests)}"),
            };
            if (line is not null)
            {
                yaml.Append(line);
                written++;
            }
        }

        return yaml.ToString();

        string? Tie(string from, string type, string to) =>
            from == to ? null : string.Create(CultureInfo.InvariantCulture, $"  - {{ from: {from}, type: {type}, to: {to}, sources: [s]{Dates()} }}\n");
    }

    public static TechTiesGraph Build(int ties) => TechTiesGraph.Parse(Yaml(ties), "generated.yaml");
}
