using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.Tenancy;

/// <summary>Caller authentication settings (section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Auth";

    /// <summary>
    /// The admin key that guards <c>/api/management/...</c>. Default: none, which disables the management
    /// endpoints (they answer 401). Use at least 32 random characters; keep it in Key Vault or app settings.
    /// </summary>
    [MinLength(16)]
    public string? AdminKey { get; set; }

    /// <summary>
    /// How long a resolved API key is cached, in seconds. Default 30. A revocation takes effect at once on the
    /// instance that revoked it and within this time on other instances. 0 disables the cache.
    /// </summary>
    [Range(0, 3600)]
    public int KeyCacheSeconds { get; set; } = 30;
}
