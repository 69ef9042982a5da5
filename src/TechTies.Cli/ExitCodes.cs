namespace TechTies.Cli;

/// <summary>The documented exit codes of the techties command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Usage = 1;
    public const int InvalidData = 2;
    public const int NotFound = 3;
    public const int Internal = 70;
    public const int Interrupted = 130;

    public const string Quoting = """
        Quoting patterns: patterns contain >, |, * and ?, which shells treat specially. Quote the whole pattern:
        single quotes in sh, bash and zsh ('palantir -[hosts_on]-> ?'), double quotes in PowerShell and cmd
        ("palantir -[hosts_on]-> ?").
        """;

    public const string Help = """
        Exit codes:
          0   success (an empty result too)
          1   usage error: missing argument, unknown command or option, malformed pattern
          2   invalid data: the graph files have errors (listed on stderr)
          3   not found: a file or folder, or an entity name (with suggestions)
          70  internal error (a bug: please report it)
          130 interrupted (Ctrl-C or SIGTERM) while writing a file: nothing was written
        """;
}
