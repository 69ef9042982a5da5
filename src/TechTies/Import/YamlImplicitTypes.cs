using System.Text.RegularExpressions;

namespace TechTies.Import;

/// <summary>
/// Whether a plain (unquoted) YAML scalar would be read as something other than a string by another YAML reader:
/// YAML 1.1 readers (PyYAML, SnakeYAML, Ruby's Psych) resolve it with the type repository's regular expressions
/// (https://yaml.org/type/: null, bool, int, float, timestamp, merge, value), YAML 1.2 readers with the core schema's
/// (https://yaml.org/spec/1.2.2/#1032-tag-resolution). TechTies itself reads plain scalars as text, field by field.
/// </summary>
/// <remarks>
/// The expressions are the published ones, matched regardless of case (<c>yEs</c>, <c>0X1F</c>): quoting a value that
/// some reader would keep as a string costs nothing, leaving one plain that another reader turns into a boolean
/// loses the text.
/// </remarks>
internal static partial class YamlImplicitTypes
{
    /// <summary>
    /// The fields whose values the format defines as (partial) dates: written plain, as people write them
    /// (<c>since: 2018-08-01</c>, <c>founded: 2004</c>), by the YAML export and the import alike.
    /// </summary>
    public static readonly IReadOnlySet<string> DateFields = new HashSet<string>(StringComparer.Ordinal) { "founded", "date", "start", "end", "published", "since", "until" };

    /// <summary>True when <paramref name="value"/>, written plain, is not a string to a YAML 1.1 or 1.2 reader.</summary>
    public static bool ReadsAsNonString(string value) => value.Length == 0 || NonString().IsMatch(value);

    [GeneratedRegex(
        """
        ^(?:
          # YAML 1.1 null, bool, merge and value; the 1.2 core schema's null and bool are among them
            ~ | null
          | y | yes | n | no | true | false | on | off
          | << | =
          # YAML 1.1 int: base 2, 8, 10, 16 and 60
          | [-+]?0b[0-1_]+
          | [-+]?0[0-7_]+
          | [-+]?(?:0|[1-9][0-9_]*)
          | [-+]?0x[0-9a-f_]+
          | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
          # YAML 1.1 float: base 10 and 60, infinity, not a number
          | [-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:e[-+][0-9]+)?
          | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
          | [-+]?\.inf
          | \.nan
          # YAML 1.1 timestamp: a date, or a date and time
          | [0-9]{4}-[0-9]{2}-[0-9]{2}
          | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:t|[\ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[\ \t]*(?:z|[-+][0-9]{1,2}(?::[0-9]{2})?))?
          # YAML 1.2 core int and float, where they differ from 1.1 (09, 0o17, 1e3; its 0x, .inf and .nan are above)
          | [-+]?[0-9]+
          | 0o[0-7]+
          | [-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:e[-+]?[0-9]+)?
        )$
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NonString();
}
