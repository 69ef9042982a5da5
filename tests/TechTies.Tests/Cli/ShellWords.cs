using System.Text;

namespace TechTies.Tests.Cli;

internal static class ShellWords
{
    /// <summary>Splits a command line of the docs and help examples as sh does: words separated by spaces, 'single' or "double" quoted words kept together.</summary>
    public static IEnumerable<string> Split(string line)
    {
        var word = new StringBuilder();
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is null && c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = null;
            }
            else if (c == ' ' && quote is null)
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
