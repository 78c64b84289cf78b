using ServerlessEvents.Functions.Ingestion;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>The <c>format</c> checks the validator enforces; unknown formats are annotations only.</summary>
internal static class StringFormats
{
    /// <summary>Null when <paramref name="value"/> satisfies <paramref name="format"/>, otherwise the reason.</summary>
    public static string? Check(string format, string value) => format switch
    {
        "date-time" => Rfc3339.IsDateTime(value) ? null : "must be an RFC 3339 date-time such as 2024-05-01T12:00:00Z",
        "date" => Rfc3339.IsDate(value) ? null : "must be an RFC 3339 date such as 2024-05-01",
        "uuid" => Guid.TryParseExact(value, "D", out _) ? null : "must be a UUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        "email" => IsEmail(value) ? null : "must be an email address",
        "uri" => Uri.TryCreate(value, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Scheme) ? null : "must be an absolute URI",
        _ => null,
    };

    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1 || value.Length > 254)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"')
            {
                return false;
            }
        }
        var domain = value.AsSpan(at + 1);
        return domain.Contains('.') && domain[0] != '.' && domain[^1] != '.' && !domain.Contains("..", StringComparison.Ordinal);
    }
}
