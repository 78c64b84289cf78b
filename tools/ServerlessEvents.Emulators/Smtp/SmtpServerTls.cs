namespace ServerlessEvents.Emulators.Smtp;

/// <summary>How the SMTP double protects its conversations.</summary>
public enum SmtpServerTls
{
    /// <summary>Plain text; no STARTTLS offered.</summary>
    None,
    /// <summary>Plain greeting, STARTTLS offered and required before AUTH and MAIL (a submission server, port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte, before the greeting (port 465).</summary>
    Implicit,
}
