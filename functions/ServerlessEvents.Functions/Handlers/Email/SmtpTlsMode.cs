namespace ServerlessEvents.Functions.Email;

/// <summary>How the SMTP connection is protected (<c>Email__SmtpTls</c>).</summary>
public enum SmtpTlsMode
{
    /// <summary>Plain text (a local test server only; never across a network).</summary>
    None,
    /// <summary>Plain connect, then <c>STARTTLS</c> before anything else is sent; refused when the server does not offer it (port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte, "SMTPS" / submissions (port 465).</summary>
    Implicit,
}
