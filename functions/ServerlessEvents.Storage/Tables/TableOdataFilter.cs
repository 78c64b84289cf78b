using System.Globalization;
using System.Text;
using Azure;

namespace ServerlessEvents.Storage.Tables;

/// <summary>
/// Formats OData filter literals the way Azure.Data.Tables does: strings quoted with every <c>'</c>
/// doubled, Int64 as <c>123L</c>, <c>guid'…'</c>, <c>datetime'…Z'</c> (UTC), <c>true/false</c>,
/// doubles with a decimal point, binary as <c>X'hex'</c>.
/// </summary>
internal static class TableOdataFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments();
        var literals = new object?[args.Length];
        for (var i = 0; i < args.Length; i++) literals[i] = Literal(args[i]);
        // Format placeholders ({0:x}) are replaced by the literal; their format specifiers are ignored.
        var format = System.Text.RegularExpressions.Regex.Replace(filter.Format, @"\{(\d+)(,[^:}]*)?(:[^}]*)?\}", "{$1}");
        return string.Format(CultureInfo.InvariantCulture, format, literals);
    }

    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        short s16 => s16.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => Double(d),
        float f => Double(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        Guid g => "guid'" + g.ToString("D") + "'",
        DateTimeOffset dto => FormatDateTime(dto.UtcDateTime),
        DateTime dt => FormatDateTime(dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : System.DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        byte[] bytes => "X'" + Convert.ToHexStringLower(bytes) + "'",
        BinaryData data => "X'" + Convert.ToHexStringLower(data.ToMemory().Span) + "'",
        ETag etag => Quote(etag.ToString()),
        Enum e => Quote(e.ToString()),
        IFormattable f => Quote(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Quote(value.ToString() ?? ""),
    };

    private static string Quote(string s) => new StringBuilder(s.Length + 2).Append('\'').Append(s.Replace("'", "''", StringComparison.Ordinal)).Append('\'').ToString();

    private static string Double(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny('.', 'E', 'e') < 0 && double.IsFinite(d) ? text + ".0" : text;
    }

    private static string FormatDateTime(DateTime utc) =>
        "datetime'" + utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'";
}
