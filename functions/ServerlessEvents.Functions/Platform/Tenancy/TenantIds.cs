using System.Text.RegularExpressions;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Tenancy;

/// <summary>Tenant ids: 2–63 characters, lower-case letters, digits and '-', starting with a letter or digit.</summary>
public static partial class TenantIds
{
    /// <summary>True when the id is well-formed (so it is safe inside table keys).</summary>
    public static bool IsValid(string? tenant) => tenant is not null && Pattern().IsMatch(tenant);

    /// <summary>Throws the 400 problem for a malformed tenant id in a route.</summary>
    public static void EnsureValid(string tenant)
    {
        if (!IsValid(tenant))
        {
            throw ApiProblemException.BadRequest("Tenant ids are 2-63 characters: lower-case letters, digits and '-'.", new FieldError("tenant", "is not a valid tenant id"));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
