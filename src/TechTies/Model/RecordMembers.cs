using System.Collections;
using System.Globalization;
using System.Text;

namespace TechTies;

/// <summary>
/// Prints a record's members as the compiler's <c>ToString</c> does (<c>Name = value, …</c>), except that a list
/// shows its elements (<c>Types = [hosts_on, contracts_with]</c>) where the compiler prints the type name
/// <c>System.Collections.Immutable.ImmutableArray`1[System.String]</c>. Numbers and dates print invariantly.
/// </summary>
internal static class RecordMembers
{
    /// <summary>The body of a record's <c>PrintMembers</c>: every member, in declaration order.</summary>
    public static bool Print(StringBuilder builder, params ReadOnlySpan<(string Name, object? Value)> members)
    {
        for (var i = 0; i < members.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(members[i].Name).Append(" = ");
            Append(builder, members[i].Value);
        }

        return members.Length > 0;
    }

    private static void Append(StringBuilder builder, object? value)
    {
        if (value is IEnumerable items and not string)
        {
            builder.Append('[');
            var first = true;
            foreach (var item in items)
            {
                builder.Append(first ? string.Empty : ", ");
                Append(builder, item);
                first = false;
            }

            builder.Append(']');
            return;
        }

        builder.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
    }
}
