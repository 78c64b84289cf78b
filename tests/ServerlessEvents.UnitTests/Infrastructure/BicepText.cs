using System.Text;
using System.Text.RegularExpressions;

namespace ServerlessEvents.UnitTests.Infrastructure;

/// <summary>Just enough Bicep reading for consistency tests: comments stripped, brace blocks matched outside strings.</summary>
internal static partial class BicepText
{
    /// <summary>The text with <c>//</c> and <c>/* */</c> comments blanked (strings kept intact).</summary>
    public static string WithoutComments(string bicep)
    {
        var result = new StringBuilder(bicep.Length);
        for (var i = 0; i < bicep.Length; i++)
        {
            if (bicep[i] == '\'')
            {
                var end = EndOfString(bicep, i);
                result.Append(bicep, i, end - i + 1);
                i = end;
            }
            else if (bicep[i] == '/' && i + 1 < bicep.Length && bicep[i + 1] == '/')
            {
                while (i < bicep.Length && bicep[i] != '\n')
                    i++;
                result.Append('\n');
            }
            else if (bicep[i] == '/' && i + 1 < bicep.Length && bicep[i + 1] == '*')
            {
                i = bicep.IndexOf("*/", i + 2, StringComparison.Ordinal) + 1;
            }
            else
            {
                result.Append(bicep[i]);
            }
        }
        return result.ToString();
    }

    /// <summary>The text of the <c>{ ... }</c> block that starts at the first brace at or after <paramref name="start"/> (strings and // comments skipped).</summary>
    public static string BlockFrom(string bicep, int start)
    {
        var open = bicep.IndexOf('{', start);
        Assert.True(open >= 0, "no block after position " + start);
        var depth = 0;
        for (var i = open; i < bicep.Length; i++)
        {
            if (bicep[i] == '\'')
                i = EndOfString(bicep, i);
            else if (bicep[i] == '/' && i + 1 < bicep.Length && bicep[i + 1] == '/')
                i = bicep.IndexOf('\n', i) is var eol and >= 0 ? eol : bicep.Length;
            else if (bicep[i] == '{')
                depth++;
            else if (bicep[i] == '}' && --depth == 0)
                return bicep[open..(i + 1)];
        }
        throw new InvalidOperationException("unbalanced braces after position " + start);
    }

    /// <summary>The property names declared directly inside a block (depth 1), e.g. app setting keys.</summary>
    public static IReadOnlyList<string> TopLevelKeys(string block)
    {
        var keys = new List<string>();
        var depth = 0;
        foreach (var line in block.Split('\n'))
        {
            var match = depth == 1 ? KeyLine().Match(line) : Match.Empty;
            if (match.Success)
                keys.Add(match.Groups["key"].Value);
            depth += CountOutsideStrings(line, '{') + CountOutsideStrings(line, '[') - CountOutsideStrings(line, '}') - CountOutsideStrings(line, ']');
        }
        return keys;
    }

    private static int CountOutsideStrings(string line, char c)
    {
        var count = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\'')
                i = EndOfString(line, i);
            else if (line[i] == '/' && i + 1 < line.Length && line[i + 1] == '/')
                break;
            else if (line[i] == c)
                count++;
        }
        return count;
    }

    private static int EndOfString(string text, int quote)
    {
        for (var i = quote + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
                i++;
            else if (text[i] == '\'')
                return i;
        }
        return text.Length - 1;
    }

    [GeneratedRegex(@"^\s*(?:'(?<key>[^']+)'|(?<key>[A-Za-z_][A-Za-z0-9_]*))\s*:")]
    private static partial Regex KeyLine();
}
