using System.CommandLine;

namespace TechTies.Cli;

/// <summary><c>techties duplicates</c>: the entities of a graph that are probably one.</summary>
internal static class DuplicatesCommand
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("duplicates", $"""
            List probable duplicate entities: contracts with one award id, companies or agencies with one identifier,
            entities of one kind whose names have one name key (case, punctuation and legal forms do not matter), and
            near names (a .com form, a letter or two apart), each pair with the reason. validate counts each pair as a
            warning (TT0078), so validate --strict fails on them.

            Examples:
              techties duplicates
              techties duplicates --data graphs/ --data awards.yaml
              techties duplicates --with-built-in --data awards.yaml --format json

            {ExitCodes.Help}
            """);
        command.SetAction(parse =>
        {
            var context = options.Context(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var graph = context.Load(out var exit);
            if (graph is null)
            {
                return exit;
            }

            var duplicates = graph.FindDuplicates();
            if (context.Json)
            {
                context.WriteJson(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("count", duplicates.Length);
                    w.WriteStartArray("duplicates");
                    foreach (var d in duplicates)
                    {
                        w.WriteStartObject();
                        w.WriteString("first", d.First.Id);
                        w.WriteString("firstName", d.First.Name);
                        w.WriteString("second", d.Second.Id);
                        w.WriteString("secondName", d.Second.Name);
                        w.WriteString("kind", d.First.Kind.ToName());
                        w.WriteString("evidence", Evidence(d.Evidence));
                        w.WriteString("reason", d.Reason);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            if (duplicates.IsEmpty)
            {
                context.Out.WriteLine($"no probable duplicates: {context.DataDescription}");
                return ExitCodes.Success;
            }

            context.Out.WriteLine(duplicates.Length == 1 ? "1 probable duplicate:" : $"{duplicates.Length} probable duplicates:");
            foreach (var d in duplicates)
            {
                context.Out.WriteLine($"  {d.First.Kind.ToName()} {d.First.Id} ({d.First.Name}) and {d.Second.Id} ({d.Second.Name}): {d.Reason}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The evidence as the JSON output writes it: <c>award_id</c>, <c>identifier</c>, <c>name_key</c>, <c>near_name</c>.</summary>
    public static string Evidence(DuplicateEvidence evidence) => evidence switch
    {
        DuplicateEvidence.AwardId => "award_id",
        DuplicateEvidence.Identifier => "identifier",
        DuplicateEvidence.NameKey => "name_key",
        _ => "near_name",
    };

    /// <summary>Each pair as a diagnostic at the second entity's place: a warning, or an error when strict.</summary>
    public static List<Diagnostic> AsDiagnostics(TechTiesGraph graph, bool strict) =>
    [
        .. graph.FindDuplicates().Select(d => new Diagnostic
        {
            Code = DiagnosticCodes.ProbableDuplicate,
            Severity = strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
            File = d.Second.Location?.File ?? "(graph)",
            Line = d.Second.Location?.Line ?? 1,
            Column = d.Second.Location?.Column ?? 1,
            Message = $"'{d.Second.Id}' is probably '{d.First.Id}' ({d.First.Name}): {d.Reason}",
            Suggestion = "merge them into one entity, or tell them apart (see techties duplicates)",
        }),
    ];
}
