using System.CommandLine;
using System.Text.Json;

namespace TechTies.Cli;

/// <summary><c>techties totals</c>: money sums over the graph's contracts, grouped and ranked (docs/totals.md).</summary>
internal static class TotalsCommand
{
    private static readonly string[] Groupings = ["vendor", "parent", "agency", "office", "department", "year", "none"];
    private static readonly string[] Values = ["amount", "obligated", "current", "potential"];

    public static Command Create(GlobalOptions options)
    {
        var format = options.TextJsonFormat("Output: a ranked table (text), one JSON document (json, docs/cli.md), CSV for spreadsheets (csv), the network picture of vendors and agencies (svg) or its story page (html)", ["text", "json", "csv", "svg", "html"]);
        var output = PictureOutput.Out();
        var vendor = new Option<string[]>("--vendor")
        {
            Description = "Only contracts of this vendor: an id, name or alias, or a pattern such as '(:protest) -[targets]-> (:company)' (repeatable)",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var agency = new Option<string[]>("--agency")
        {
            Description = "Only contracts of this agency and its parts (ICE includes its offices; repeatable)",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var by = new Option<string>("--by") { Description = "Group by vendor, parent, agency, office, department, year, or none", DefaultValueFactory = _ => "vendor" };
        by.AcceptOnlyFromAmong(Groupings);
        var value = new Option<string>("--value") { Description = "The money field: amount (the headline), obligated, current or potential", DefaultValueFactory = _ => "amount" };
        value.AcceptOnlyFromAmong(Values);
        var top = new Option<int?>("--top") { Description = "Show the N largest groups and sum the rest as others" };
        var asOf = new Option<string>("--asof") { Description = "Only contracts that hold on this date (2018, 2018-08 or 2018-08-01)" };
        var during = new Option<string>("--during") { Description = "Only contracts that hold on some day of this span, such as 2017..2019" };
        var subsidiaries = new Option<bool>("--with-subsidiaries") { Description = "Let each --vendor include its subsidiaries (subsidiary_of)" };
        var list = new Option<bool>("--list-contracts") { Description = "In text, list each group's contracts under it: id, value (or no value) and title" };
        var command = new Command("totals", $"""
            Sum one money field of the contracts, exactly and per currency, grouped and ranked largest first. A contract
            whose field is unknown is counted apart (without value), never as zero; each contract counts once.

            Examples:
              techties totals --agency ice
              techties totals --vendor palantir --agency ice --by none --list-contracts
              techties totals --agency ice --by office --value current
              techties totals --agency dhs --by agency --format json
              techties totals --vendor '(:protest) -[targets]-> (:company)' --by vendor --format csv
              techties totals --agency ice --by parent --top 8 --format svg

            {ExitCodes.Quoting}

            {ExitCodes.Help}
            """);
        command.Options.Add(vendor);
        command.Options.Add(agency);
        command.Options.Add(by);
        command.Options.Add(value);
        command.Options.Add(top);
        command.Options.Add(asOf);
        command.Options.Add(during);
        command.Options.Add(subsidiaries);
        command.Options.Add(list);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var context = options.Context(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            if (PictureOutput.CheckOut(context, parse.GetValue(output)) is { } usage)
            {
                return usage;
            }

            var totalsOptions = Options(context, parse, vendor, agency, by, value, top, asOf, during, subsidiaries);
            if (totalsOptions is null)
            {
                return ExitCodes.Usage;
            }

            var graph = context.Load(out var exit);
            if (graph is null)
            {
                return exit;
            }

            return context.Ask(() =>
            {
                MoneyTotals totals;
                try
                {
                    totals = graph.Totals(totalsOptions);
                }
                catch (ArgumentException e)
                {
                    // A vendor that is not a company, an agency that is not an agency, a pattern cut by its budget.
                    context.WriteError("usage", e.Message);
                    return ExitCodes.Usage;
                }

                switch (options.FormatOf(parse, format))
                {
                    case "json":
                        context.WriteJson(w => WriteJson(w, graph, totals, parse.GetValue(value)!));
                        break;
                    case "csv":
                        context.Out.Write(totals.ToCsv());
                        break;
                    case "svg" or "html":
                        foreach (var warning in totals.Warnings)
                        {
                            context.WriteWarning(warning);
                        }

                        return PictureOutput.Write(context, totals.ToPicture(), parse.GetValue(output));
                    default:
                        foreach (var warning in totals.Warnings)
                        {
                            context.WriteWarning(warning);
                        }

                        context.Out.Write(totals.ToText(parse.GetValue(list)));
                        break;
                }

                return ExitCodes.Success;
            });
        });
        return command;
    }

    // The options from the command line, or null after reporting what is wrong (a usage error).
    private static TotalsOptions? Options(CommandContext context, ParseResult parse, Option<string[]> vendor, Option<string[]> agency, Option<string> by, Option<string> value, Option<int?> top, Option<string> asOf, Option<string> during, Option<bool> subsidiaries)
    {
        var n = parse.GetValue(top);
        if (n is < 1)
        {
            context.WriteError("usage", $"--top is {n}; it must be at least 1.");
            return null;
        }

        if (parse.GetValue(asOf) is not null && parse.GetValue(during) is not null)
        {
            context.WriteError("usage", "--asof and --during are both given; a total has one time filter: give one of them.");
            return null;
        }

        if (!context.TryParseDate(parse.GetValue(asOf), out var date))
        {
            return null;
        }

        PartialDate? from = null, to = null;
        if (parse.GetValue(during) is { } span)
        {
            var parts = span.Split("..");
            if (parts.Length != 2 || !PartialDate.TryParse(parts[0], out var first) || !PartialDate.TryParse(parts[1], out var last) || first.Start > last.End)
            {
                context.WriteError("usage", $"--during is '{span}'; it must be a span of two dates, the earlier first, such as 2017..2019 or 2018-01..2018-06-30.");
                return null;
            }

            (from, to) = (first, last);
        }

        return new TotalsOptions
        {
            Vendors = [.. parse.GetValue(vendor) ?? []],
            Agencies = [.. parse.GetValue(agency) ?? []],
            By = Enum.Parse<TotalsGrouping>(parse.GetValue(by)!, ignoreCase: true),
            Value = parse.GetValue(value) switch
            {
                "obligated" => MoneyField.Obligated,
                "current" => MoneyField.CurrentValue,
                "potential" => MoneyField.PotentialValue,
                _ => MoneyField.Amount,
            },
            Top = n,
            AsOf = date,
            DuringFrom = from,
            DuringTo = to,
            WithSubsidiaries = parse.GetValue(subsidiaries),
        };
    }

    private static void WriteJson(Utf8JsonWriter w, TechTiesGraph graph, MoneyTotals totals, string value)
    {
        w.WriteStartObject();
        w.WriteString("command", "totals");
        w.WriteString("value", value);
        w.WriteString("by", totals.By.ToString().ToLowerInvariant());
        WriteIds(w, "vendors", totals.Vendors.Select(v => v.Id));
        WriteIds(w, "agencies", totals.Agencies.Select(a => a.Id));
        w.WriteBoolean("withSubsidiaries", totals.Options.WithSubsidiaries);
        if (totals.Options.AsOf is { } asOf)
        {
            w.WriteString("asof", asOf.ToString());
        }

        if (totals.Options.DuringFrom is { } from && totals.Options.DuringTo is { } to)
        {
            w.WriteString("during", $"{from}..{to}");
        }

        w.WriteStartArray("groups");
        foreach (var group in totals.Groups)
        {
            WriteGroup(w, group);
        }

        w.WriteEndArray();
        if (totals.Others is { } others)
        {
            w.WritePropertyName("others");
            WriteGroup(w, others);
        }
        else
        {
            w.WriteNull("others");
        }

        WriteIds(w, "grandTotals", totals.GrandTotals.Select(t => t.ToString()));
        w.WriteNumber("contracts", totals.ContractCount);
        w.WriteNumber("withoutValue", totals.WithoutValue);
        WriteIds(w, "withoutValueIds", totals.ContractsWithoutValue().Select(c => c.Contract.Id));
        w.WriteNumber("disputed", totals.Disputed);
        w.WriteNumber("disputedTotals", totals.DisputedTotals);
        w.WriteNumber("undated", totals.Undated);
        PathOutput.WriteWarnings(w, graph, totals.Warnings, "warnings");
        w.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter w, TotalsGroup group)
    {
        w.WriteStartObject();
        if (group.IsOthers)
        {
            w.WriteNumber("groups", group.GroupCount);
        }
        else
        {
            w.WriteNumber("rank", group.Rank);
        }

        w.WriteString("id", group.Id);
        w.WriteString("name", group.Name);
        WriteIds(w, "totals", group.Totals.Select(t => t.ToString()));
        w.WriteNumber("contracts", group.ContractCount);
        w.WriteNumber("withoutValue", group.WithoutValue);
        w.WriteNumber("disputed", group.Disputed);
        WriteIds(w, "contractIds", group.Contracts.Select(c => c.Contract.Id));
        w.WriteEndObject();
    }

    private static void WriteIds(Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
    }
}
