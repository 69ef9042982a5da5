using System.CommandLine;

namespace TechTies.Cli;

/// <summary>The checks on an output file named with <c>--out</c>, shared by export and import.</summary>
internal static class OutputPaths
{
    /// <summary>Makes an empty or blank <c>--out</c> a usage error: a file needs a name.</summary>
    public static void RequireName(Option<string> output) =>
        output.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && string.IsNullOrWhiteSpace(result.Tokens[^1].Value))
            {
                result.AddError($"{output.Name} needs a file name, not an empty one: such as {output.Name} ties.graphml.");
            }
        });

    /// <summary>
    /// Refuses an output that is one of the command's inputs (the same file through any path or link, or a file in a
    /// --data folder): writing it would destroy the input. Reports a usage error and returns <see langword="false"/>.
    /// </summary>
    public static bool CheckNotAnInput(CommandContext context, OutputFile output, string path, IEnumerable<string> inputs)
    {
        if (output.SameFileAmong(inputs) is not { } input)
        {
            return true;
        }

        var same = string.Equals(Path.GetFullPath(input), Path.GetFullPath(path), StringComparison.Ordinal) ? string.Empty : $" ('{input}')";
        context.WriteError("usage", $"--out '{path}' is one of the input files{same}: writing it would destroy the input; name another file.");
        return false;
    }
}
