using System.Net.Mail;

namespace ServerlessEvents.Functions.Email;

/// <summary>Parsing and checking of email addresses and comma-separated lists of them.</summary>
public static class EmailAddressList
{
    /// <summary>The trimmed, non-empty entries of a comma- or semicolon-separated list.</summary>
    public static IReadOnlyList<string> Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The valid, distinct (case-insensitive) addresses of a list.</summary>
    public static IReadOnlyList<string> Parse(string? list) => Split(list).Where(IsValid).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>True for a bare address (no display name) that SMTP can deliver to.</summary>
    public static bool IsValid(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Length > 254 || address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }
        return MailAddress.TryCreate(address, out var parsed) && parsed.Address == address && parsed.Host.Contains('.', StringComparison.Ordinal);
    }
}
