using System.Text.RegularExpressions;

namespace ServerlessEvents.Functions.Tenancy;

/// <summary>Tenant ids: 2–63 characters, lower-case letters, digits and '-', starting with a letter or digit.</summary>
public static partial class TenantIds
{
    /// <summary>True when the id is well-formed (so it is safe inside table keys).</summary>
    public static bool IsValid(string? tenant) => tenant is not null && Pattern().IsMatch(tenant);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
