namespace ServerlessEvents.Functions.Webhooks;

/// <summary>
/// A webhook target was refused by the SSRF policy (scheme, userinfo, or an address that is not public).
/// Thrown before any connection is made. The message names the host and the rule, never credentials.
/// </summary>
public sealed class WebhookTargetRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WebhookTargetRefusedException(string target, string reason)
        : base($"Webhook target '{target}' refused: {reason}")
    {
        Target = target;
        Reason = reason;
    }

    /// <summary>The refused host (or URL without userinfo).</summary>
    public string Target { get; }

    /// <summary>The rule that refused it.</summary>
    public string Reason { get; }
}
