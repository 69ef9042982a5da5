using System.Text.Json;

namespace TechTies.Cli;

/// <summary>What one command run needs: the data paths, the output mode and the two streams.</summary>
internal sealed class CommandContext(string[] data, bool json, bool quiet, TextWriter stdout, TextWriter stderr)
{
    public bool Json => json;

    public bool Quiet => quiet;

    public TextWriter Out => stdout;

    public TextWriter Error => stderr;

    public string DataDescription => data.Length == 0 ? "the built-in graph" : string.Join(", ", data);

    /// <summary>Loads the graph, or reports why not and gives the exit code.</summary>
    public TechTiesGraph? Load(out int exitCode, LoadOptions? options = null)
    {
        exitCode = ExitCodes.Success;
        try
        {
            var graph = data.Length == 0 ? TechTiesGraph.LoadBuiltIn(options ?? LoadOptions.Default) : TechTiesGraph.Load(options ?? LoadOptions.Default, data);
            if (!quiet)
            {
                WriteDiagnostics(graph.Warnings);
            }

            return graph;
        }
        catch (GraphLoadException e)
        {
            WriteDiagnostics(e.Diagnostics.Where(d => !quiet || d.Severity == DiagnosticSeverity.Error));
            exitCode = ExitCodes.InvalidData;
            return null;
        }
        catch (FileNotFoundException e)
        {
            WriteError("not-found", e.Message);
            exitCode = ExitCodes.NotFound;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteError("io", e.Message);
            exitCode = ExitCodes.NotFound;
            return null;
        }
    }

    /// <summary>Finds an entity by id, name or alias, or reports candidates and gives exit code 3.</summary>
    public Entity? Find(TechTiesGraph graph, string name, out int exitCode)
    {
        exitCode = ExitCodes.Success;
        try
        {
            return graph.Find(name);
        }
        catch (EntityLookupException e)
        {
            WriteError(e.Failure == LookupFailure.Ambiguous ? "ambiguous" : "not-found", e.Message);
            exitCode = ExitCodes.NotFound;
            return null;
        }
    }

    public void WriteDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            if (json)
            {
                stderr.WriteLine(CliJson.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("file", d.File);
                    w.WriteNumber("line", d.Line);
                    w.WriteNumber("column", d.Column);
                    w.WriteString("code", d.Code);
                    w.WriteString("severity", d.Severity == DiagnosticSeverity.Error ? "error" : "warning");
                    w.WriteString("message", d.Message);
                    if (d.Suggestion is not null)
                    {
                        w.WriteString("suggestion", d.Suggestion);
                    }

                    w.WriteEndObject();
                }, indented: false));
            }
            else
            {
                stderr.WriteLine(Colors.Diagnostic(d.ToString(), d.Severity == DiagnosticSeverity.Error));
            }
        }
    }

    public void WriteError(string code, string message)
    {
        if (json)
        {
            stderr.WriteLine(CliJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("code", code);
                w.WriteString("severity", "error");
                w.WriteString("message", message);
                w.WriteEndObject();
            }, indented: false));
        }
        else
        {
            stderr.WriteLine(Colors.Diagnostic($"techties: error: {message}", isError: true));
        }
    }

    public void WriteJson(Action<Utf8JsonWriter> write) => stdout.WriteLine(CliJson.Write(write, indented: true));
}
