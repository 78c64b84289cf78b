using System.Net;
using Microsoft.Extensions.Options;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// The static SSRF rules for a webhook URL, applied at registration and before each attempt: absolute,
/// <c>https</c> only (or <c>http</c>/<c>https</c> to loopback when <see cref="WebhookOptions.AllowLoopbackTargets"/> is on),
/// a host, no userinfo, no control characters anywhere in the URL, and literal IP hosts must be public. A host is compared
/// without its trailing dot(s) and case-insensitively, so <c>LOCALHOST.</c> is <c>localhost</c>.
/// <see cref="SsrfGuard"/> re-checks the resolved addresses at connect time.
/// </summary>
public sealed class WebhookTargetPolicy
{
    /// <summary>Longest URL accepted.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Creates the policy from options.</summary>
    public WebhookTargetPolicy(IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        AllowLoopback = options.Value.AllowLoopbackTargets;
    }

    /// <summary>Whether loopback targets are allowed (development only).</summary>
    public bool AllowLoopback { get; }

    /// <summary>Parses and checks a URL given at registration; throws <see cref="WebhookTargetRefusedException"/> when refused.</summary>
    public Uri ValidateUrl(string url)
    {
        if (url is not null && HasControlCharacter(url))
        {
            throw new WebhookTargetRefusedException("(invalid)", ControlCharacterRefusal);
        }

        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new WebhookTargetRefusedException("(invalid)", $"not an absolute URL of at most {MaxUrlLength} characters");
        }

        Validate(uri);
        return uri;
    }

    /// <summary>Checks a URL; throws <see cref="WebhookTargetRefusedException"/> when refused.</summary>
    public void Validate(Uri url)
    {
        if (!TryValidate(url, out var reason))
        {
            throw new WebhookTargetRefusedException(url is { IsAbsoluteUri: true } ? url.IdnHost : "(invalid)", reason);
        }
    }

    /// <summary>Checks a URL; false with the rule that refuses it.</summary>
    public bool TryValidate(Uri url, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? reason)
    {
        reason = Check(url);
        return reason is null;
    }

    /// <summary>Null when a connection to <paramref name="address"/> is allowed, otherwise the rule that refuses it.</summary>
    public string? GetAddressRefusal(IPAddress address) => WebhookAddressClassifier.GetRefusal(address, AllowLoopback);

    /// <summary>
    /// The host as the policy compares it: the IDN (punycode) host without IPv6 brackets and without trailing dots
    /// (<c>localhost.</c> and <c>127.0.0.1.</c> name the same host as <c>localhost</c> and <c>127.0.0.1</c>).
    /// </summary>
    public static string NormalizeHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Trim('[', ']').TrimEnd('.');
    }

    private const string ControlCharacterRefusal = "the URL contains a control character";

    private static bool HasControlCharacter(string value) => value.AsSpan().ContainsAnyInRange('\u0000', '\u001F') || value.AsSpan().ContainsAnyInRange('\u007F', '\u009F');

    private string? Check(Uri url)
    {
        if (url is null || !url.IsAbsoluteUri || url.OriginalString.Length > MaxUrlLength)
        {
            return "not an absolute URL";
        }

        if (HasControlCharacter(url.OriginalString) || HasControlCharacter(url.AbsoluteUri) || HasControlCharacter(Uri.UnescapeDataString(url.Host)))
        {
            return ControlCharacterRefusal;
        }

        var https = url.Scheme == Uri.UriSchemeHttps;
        if (!https && url.Scheme != Uri.UriSchemeHttp)
        {
            return $"scheme '{url.Scheme}' is not allowed; use https";
        }

        if (url.UserInfo.Length > 0)
        {
            return "credentials (userinfo) in the URL are not allowed";
        }

        var host = NormalizeHost(url.IdnHost);
        if (string.IsNullOrEmpty(host))
        {
            return "the URL has no host";
        }

        bool loopback;
        if (IPAddress.TryParse(host, out var literal))
        {
            if (GetAddressRefusal(literal) is { } refusal)
            {
                return $"{literal} is {refusal}";
            }

            loopback = IPAddress.IsLoopback(WebhookAddressClassifier.Normalize(literal));
        }
        else
        {
            loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
            if (loopback && !AllowLoopback)
            {
                return "localhost is loopback";
            }
        }

        return https || loopback ? null : "plain http is only allowed to loopback in development; use https";
    }
}
