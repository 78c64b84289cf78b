using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ServerlessEvents.Functions.Email;

/// <summary>
/// Sends mail with MailKit: one connection per message; <c>STARTTLS</c> (refused when the server does not offer
/// it), TLS from the first byte, or plain text as <see cref="EmailOptions.SmtpTls"/> says; AUTH when a username is
/// set; a multipart/alternative body (text first, then HTML). The server certificate must validate
/// (<see cref="ValidateServerCertificate"/>, revocation checked). A 5xx refusal of the recipient throws
/// <see cref="EmailRejectedException"/>; every other failure is logged with its cause and thrown as
/// <see cref="EmailDeliveryException"/> (or <see cref="TimeoutException"/>), so the invocation fails and Event Grid retries.
/// </summary>
public partial class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger)
{
    private readonly string? _pinned = options.Value.PinnedCertificateSha256?.Replace(":", "", StringComparison.Ordinal);

    /// <summary>Sends one message.</summary>
    public virtual async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var host = settings.SmtpHost is { Length: > 0 } configured ? configured : throw new InvalidOperationException("Email is disabled: Email:SmtpHost is not set.");
        using var mime = Compose(settings, message);
        using var client = new SmtpClient
        {
            Timeout = settings.TimeoutSeconds * 1000,
            CheckCertificateRevocation = true,
            ServerCertificateValidationCallback = (_, certificate, chain, errors) => ValidateServerCertificate(certificate, chain, errors),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        var stage = "connect";
        try
        {
            await client.ConnectAsync(host, settings.SmtpPort, Security(settings.SmtpTls), timeout.Token);
            if (!string.IsNullOrEmpty(settings.SmtpUsername))
            {
                stage = "authenticate";
                await client.AuthenticateAsync(settings.SmtpUsername, settings.SmtpPassword ?? "", timeout.Token);
            }
            stage = "send";
            await client.SendAsync(mime, timeout.Token);
        }
        catch (SmtpCommandException refused) when (refused.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)refused.StatusCode is >= 500 and < 600)
        {
            LogRecipientRefused(logger, host, settings.SmtpPort, (int)refused.StatusCode, refused.Message);
            throw new EmailRejectedException($"The SMTP server refused the recipient ({(int)refused.StatusCode}).", refused);
        }
        catch (Exception expired) when (!cancellationToken.IsCancellationRequested && (timeout.IsCancellationRequested || IsTimeout(expired)))
        {
            LogTimedOut(logger, host, settings.SmtpPort, stage, settings.TimeoutSeconds);
            throw new TimeoutException($"The SMTP conversation with {host}:{settings.SmtpPort} took longer than {settings.TimeoutSeconds} s (at {stage}).");
        }
        catch (Exception failure) when (Describe(failure, host, settings.SmtpTls) is { } reason)
        {
            LogFailed(logger, host, settings.SmtpPort, stage, reason);
            throw new EmailDeliveryException($"Sending through {host}:{settings.SmtpPort} failed at {stage}: {reason}", failure);
        }
        await QuitAsync(client, host, settings.SmtpPort, timeout.Token);
    }

    /// <summary>Says QUIT. The server has accepted the mail by now, so a failure here must not fail (and repeat) the send.</summary>
    private async Task QuitAsync(SmtpClient client, string host, int port, CancellationToken cancellationToken)
    {
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception failure) when (failure is IOException or SocketException or OperationCanceledException or TimeoutException or ProtocolException or CommandException)
        {
            LogQuitFailed(logger, host, port, failure.Message);
        }
    }

    /// <summary>
    /// Whether to trust the server's certificate. The default accepts exactly what the platform accepts (a chain to
    /// a trusted root, the host name matching, not revoked); tests override it to pin their throw-away certificate.
    /// </summary>
    protected virtual bool ValidateServerCertificate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (string.IsNullOrEmpty(_pinned))
        {
            return errors == SslPolicyErrors.None;
        }
        // A pinned certificate stands in for the chain; the host name must still match it.
        return certificate is not null && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                Convert.FromHexString(_pinned), System.Security.Cryptography.SHA256.HashData(certificate.GetRawCertData()));
    }

    /// <summary>MailKit reports its own socket timeout as a <see cref="TimeoutException"/>, sometimes wrapped (e.g. in the TLS handshake).</summary>
    private static bool IsTimeout(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            if (failure is TimeoutException)
            {
                return true;
            }
        }
        return false;
    }

    private static SecureSocketOptions Security(SmtpTlsMode mode) => mode switch
    {
        SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
        SmtpTlsMode.Implicit => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };

    private static MimeMessage Compose(EmailOptions settings, EmailMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        return mime;
    }

    /// <summary>The cause of a failure in words, or null for an exception that is not about the conversation.</summary>
    private static string? Describe(Exception failure, string host, SmtpTlsMode tls) => failure switch
    {
        SslHandshakeException => $"the TLS handshake failed (is the certificate trusted and issued for '{host}'?): {(failure.InnerException ?? failure).Message}",
        AuthenticationException => "the server refused the login (check Email__SmtpUsername and Email__SmtpPassword)",
        SmtpCommandException command => $"the server answered {(int)command.StatusCode} to {command.ErrorCode}: {command.Message}",
        SmtpProtocolException or ServiceNotConnectedException => $"the server broke off the conversation: {failure.Message}",
        NotSupportedException when tls == SmtpTlsMode.StartTls => $"the server does not offer STARTTLS, and mail is not sent in clear: {failure.Message}",
        SocketException socket => $"cannot connect ({socket.SocketErrorCode}): {failure.Message}",
        IOException => $"the connection failed: {failure.Message}",
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP {Host}:{Port} failed at {Stage}: {Reason}; the delivery will be retried")]
    private static partial void LogFailed(ILogger logger, string host, int port, string stage, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP {Host}:{Port} did not complete {Stage} within {TimeoutSeconds} s; the delivery will be retried")]
    private static partial void LogTimedOut(ILogger logger, string host, int port, string stage, int timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMTP {Host}:{Port} accepted the mail but QUIT failed ({Reason}); the mail counts as sent")]
    private static partial void LogQuitFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP {Host}:{Port} refused the recipient for good ({StatusCode}): {Reason}")]
    private static partial void LogRecipientRefused(ILogger logger, string host, int port, int statusCode, string reason);
}
