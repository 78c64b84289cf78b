namespace ServerlessEvents.Functions.Email;

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpTlsMode
{
    /// <summary>Plain text (a local test server only; never across a network).</summary>
    None,
    /// <summary>Plain connect, then <c>STARTTLS</c> before anything else is sent; refused when the server does not offer it (port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465). Not supported by the sender in use; refused at start-up.</summary>
    Implicit,
}
