using System.CommandLine;

namespace TechTies.Cli;

/// <summary><c>techties show &lt;entity&gt;</c>: one entity, its ties both ways and the sources for them; for a source, what cites it.</summary>
internal static class ShowCommand
{
    public static Command Create(GlobalOptions options)
    {
        var name = new Argument<string>("entity") { Description = "An id, name or alias, in any case and with or without accents (quote names with spaces)" };
        var command = new Command("show", $"""
            Show one entity: its fields, its ties in both directions and the sources for each, as footnotes. For a
            source, also what it supports: the ties and entities that cite it.

            Examples:
              techties show palantir
              techties show "U.S. Immigration and Customs Enforcement"
              techties show ice --format json
              techties show mercury-news-2018-07-31

            {ExitCodes.Help}
            """);
        command.Arguments.Add(name);
        command.SetAction(parse =>
        {
            var context = options.Context(parse, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var graph = context.Load(out var exit);
            var entity = graph is null ? null : context.Find(graph, parse.GetValue(name)!, out exit);
            if (graph is null || entity is null)
            {
                return exit;
            }

            var card = graph.Card(entity);
            if (!context.Json)
            {
                context.Out.Write(card.ToString());
                return ExitCodes.Success;
            }

            context.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("command", "show");
                w.WritePropertyName("entity");
                graph.WriteCanonicalJson(entity, w);
                w.WriteStartArray("ties");
                foreach (var tie in card.Outgoing.Concat(card.Incoming))
                {
                    tie.WriteCanonicalJson(w);
                }

                w.WriteEndArray();
                if (entity is Source)
                {
                    w.WriteStartArray("citingTies");
                    foreach (var tie in card.CitingTies)
                    {
                        tie.WriteCanonicalJson(w);
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("citingEntities");
                    foreach (var citing in card.CitingEntities)
                    {
                        graph.WriteCanonicalJson(citing, w);
                    }

                    w.WriteEndArray();
                }

                PathOutput.WriteWarnings(w, graph, []);
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
