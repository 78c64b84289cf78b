using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.Email;

/// <summary>
/// Email settings (section <c>Email</c>). When <see cref="SmtpHost"/> is empty email is disabled: the
/// <c>email</c> function still runs, logs one line per event it skips, and sends nothing.
/// </summary>
public sealed class EmailOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Email";

    /// <summary>The SMTP server. Default empty: email is disabled (reported once at start-up).</summary>
    public string? SmtpHost { get; set; }

    /// <summary>The SMTP port. Default 587 (submission with STARTTLS).</summary>
    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>
    /// How the connection is protected. Default <see cref="SmtpTlsMode.StartTls"/> (port 587);
    /// <see cref="SmtpTlsMode.Implicit"/> for port 465; <see cref="SmtpTlsMode.None"/> only for a server on this machine
    /// when a password is set.
    /// </summary>
    public SmtpTlsMode SmtpTls { get; set; } = SmtpTlsMode.StartTls;

    /// <summary>
    /// The SHA-256 thumbprint (hex) of the one server certificate to trust instead of the platform's roots: for a
    /// relay with a self-signed certificate, such as the dev host's SMTP sink. Default empty: the platform decides.
    /// </summary>
    [RegularExpression("^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$", ErrorMessage = "Email:PinnedCertificateSha256 must be 64 hex digits (colons allowed).")]
    public string? PinnedCertificateSha256 { get; set; }

    /// <summary>SMTP login. Default empty: no authentication.</summary>
    public string? SmtpUsername { get; set; }

    /// <summary>SMTP password (a secret: never logged). Default empty.</summary>
    public string? SmtpPassword { get; set; }

    /// <summary>The sender address. Default <c>events@localhost</c>.</summary>
    [EmailAddress]
    public string FromAddress { get; set; } = "events@localhost";

    /// <summary>The sender's display name. Default <c>ServerlessEvents</c>.</summary>
    [MaxLength(100)]
    public string FromName { get; set; } = "ServerlessEvents";

    /// <summary>Comma-separated addresses that receive <c>product.low_stock</c> alerts (all tenants). Default empty: such events are recorded as failed.</summary>
    public string? ProcurementRecipients { get; set; }

    /// <summary>Timeout of one SMTP conversation, in seconds. Default 30.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>True when an SMTP server is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost);

    /// <summary>The procurement list, parsed.</summary>
    public IReadOnlyList<string> ProcurementList => EmailAddressList.Parse(ProcurementRecipients);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SmtpTls != SmtpTlsMode.Implicit && SmtpPort == 465)
        {
            yield return new ValidationResult($"Email:SmtpPort=465 speaks TLS from the first byte, so Email:SmtpTls={SmtpTls} would hang until the timeout; set Email:SmtpTls=Implicit.", [nameof(SmtpTls)]);
        }
        if (SmtpTls == SmtpTlsMode.Implicit && SmtpPort is 25 or 587)
        {
            yield return new ValidationResult($"Email:SmtpPort={SmtpPort} starts in plain text, so Email:SmtpTls=Implicit would fail the handshake; set Email:SmtpTls=StartTls (or port 465).", [nameof(SmtpTls)]);
        }
        if (SmtpTls == SmtpTlsMode.None && !string.IsNullOrEmpty(SmtpPassword) && Enabled && !IsLoopback(SmtpHost!))
        {
            yield return new ValidationResult($"Email:SmtpTls=None would send the SMTP password to '{SmtpHost}' in clear; use StartTls or Implicit (None is for a server on this machine).", [nameof(SmtpTls)]);
        }
        if (string.IsNullOrEmpty(SmtpUsername) != string.IsNullOrEmpty(SmtpPassword))
        {
            yield return new ValidationResult("Set both Email:SmtpUsername and Email:SmtpPassword, or neither.", [nameof(SmtpUsername)]);
        }
        foreach (var address in EmailAddressList.Split(ProcurementRecipients).Where(a => !EmailAddressList.IsValid(a)))
        {
            yield return new ValidationResult($"Email:ProcurementRecipients holds '{address}', which is not an email address.", [nameof(ProcurementRecipients)]);
        }
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));
}
