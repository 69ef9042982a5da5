using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TechTies.Cli;

/// <summary>JSON output written with <see cref="Utf8JsonWriter"/>: no reflection, stable property order.</summary>
internal static class CliJson
{
    public static string Write(Action<Utf8JsonWriter> write, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions(indented)))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static JsonWriterOptions WriterOptions(bool indented) => new() { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>ANSI colour for diagnostics, only on a terminal and never when NO_COLOR is set.</summary>
internal static class Colors
{
    public static readonly bool Enabled = !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) && Environment.GetEnvironmentVariable("TERM") != "dumb";

    public static string Diagnostic(string text, bool isError) => Enabled ? (isError ? "\u001b[31m" : "\u001b[33m") + text + "\u001b[0m" : text;
}
