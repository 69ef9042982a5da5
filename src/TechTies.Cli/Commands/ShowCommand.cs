using System.CommandLine;
using System.Text.Json;

namespace TechTies.Cli;

/// <summary><c>techties show &lt;entity&gt;</c>: one entity, its ties both ways and the sources for them.</summary>
internal static class ShowCommand
{
    public static Command Create(GlobalOptions options)
    {
        var name = new Argument<string>("entity") { Description = "An id, name or alias, in any case and with or without accents (quote names with spaces)" };
        var command = new Command("show", """
            Show one entity: its fields, its ties in both directions and the sources for each, as footnotes.

            Examples:
              techties show palantir
              techties show "U.S. Immigration and Customs Enforcement"
              techties show ice --format json
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
                w.WritePropertyName("entity");
                WriteEntity(w, card);
                w.WriteStartArray("ties");
                foreach (var tie in card.Outgoing.Concat(card.Incoming))
                {
                    WriteTie(w, tie);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteEntity(Utf8JsonWriter w, EntityCard card)
    {
        var entity = card.Entity;
        w.WriteStartObject();
        w.WriteString("kind", entity.Kind.ToName());
        w.WriteString("id", entity.Id);
        w.WriteString("name", entity.Name);
        w.WriteStartArray("aliases");
        foreach (var alias in entity.Aliases)
        {
            w.WriteStringValue(alias);
        }

        w.WriteEndArray();
        if (entity.Description is not null)
        {
            w.WriteString("description", entity.Description);
        }

        w.WriteStartObject("properties");
        foreach (var (field, value) in card.Fields)
        {
            w.WriteString(field, value);
        }

        w.WriteEndObject();
        WriteCitations(w, entity.Citations);
        w.WriteEndObject();
    }

    private static void WriteTie(Utf8JsonWriter w, Tie tie)
    {
        w.WriteStartObject();
        w.WriteString("id", tie.Id);
        w.WriteString("type", tie.Type.Name);
        w.WriteString("from", tie.From.Id);
        w.WriteString("to", tie.To.Id);
        if (tie.Since is { } since)
        {
            w.WriteString("since", since.ToString());
        }

        if (tie.Until is { } until)
        {
            w.WriteString("until", until.ToString());
        }

        if (tie.Amount is { } amount)
        {
            w.WriteString("amount", amount.ToString());
        }

        w.WriteString("status", tie.Status.ToString().ToLowerInvariant());
        if (tie.Contract is { } contract)
        {
            w.WriteString("contract", contract.Id);
        }

        WriteCitations(w, tie.Citations);
        w.WriteEndObject();
    }

    private static void WriteCitations(Utf8JsonWriter w, System.Collections.Immutable.ImmutableArray<Citation> citations)
    {
        w.WriteStartArray("citations");
        foreach (var c in citations)
        {
            w.WriteStartObject();
            w.WriteString("source", c.Source);
            if (c.Quote is not null)
            {
                w.WriteString("quote", c.Quote);
            }

            if (c.Page is not null)
            {
                w.WriteString("page", c.Page);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
