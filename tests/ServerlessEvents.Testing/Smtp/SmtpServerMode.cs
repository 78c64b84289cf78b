namespace ServerlessEvents.Testing.Smtp;

/// <summary>How the SMTP double behaves towards new conversations.</summary>
public enum SmtpServerMode
{
    /// <summary>Speaks SMTP and accepts mail.</summary>
    Accept,
    /// <summary>Accepts the TCP connection and closes it at once, without a greeting (the server is down).</summary>
    DropConnections,
    /// <summary>Greets with <c>421 Service not available</c> and closes (a server shutting down).</summary>
    ServiceUnavailable,
    /// <summary>Answers <c>451</c> to every <c>RCPT TO</c> (a temporary local error).</summary>
    TemporaryFailure,
}
