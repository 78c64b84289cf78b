namespace ServerlessEvents.Emulators.Smtp;

/// <summary>One message the SMTP double accepted: the envelope and the raw DATA (dot-stuffing removed).</summary>
/// <param name="From">The MAIL FROM address.</param>
/// <param name="Recipients">The RCPT TO addresses.</param>
/// <param name="Raw">The message as transmitted (headers and body, CRLF line ends).</param>
/// <param name="AuthenticatedUser">The user that authenticated on the connection, if any.</param>
/// <param name="TlsProtocol">The TLS version the message arrived over; null when it came in plain text.</param>
public sealed record SmtpReceivedMessage(string From, IReadOnlyList<string> Recipients, string Raw, string? AuthenticatedUser, System.Security.Authentication.SslProtocols? TlsProtocol)
{
    /// <summary>The parsed MIME message.</summary>
    public MimeMessage Mime => MimeMessage.Parse(Raw);
}
