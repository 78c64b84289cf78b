namespace ServerlessEvents.Emulators.Smtp;

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
    /// <summary>Answers <c>550</c> to every <c>RCPT TO</c> (no such mailbox: a permanent refusal).</summary>
    RejectRecipients,
    /// <summary>Answers <c>354</c> to <c>DATA</c>, reads the first line of the message and closes the connection.</summary>
    DropDuringData,
    /// <summary>Accepts the message (<c>250</c>) and closes the connection at once, before the client's QUIT.</summary>
    CloseAfterAccepting,
    /// <summary>Accepts the TCP connection and says nothing, ever (a hung server: the client must time out).</summary>
    Silent,
}
