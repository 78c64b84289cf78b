using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Email;

namespace ServerlessEvents.Emulators.Smtp;

/// <summary>
/// The product sender, trusting exactly one certificate (the SMTP double's throw-away one) in place of the
/// platform's roots: any other certificate, self-signed or not, still fails the handshake. Test code only.
/// </summary>
public sealed class PinnedCertificateSmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger, X509Certificate2 pinned)
    : SmtpEmailSender(options, logger)
{
    /// <summary>How many certificates were checked (a test can see that TLS really happened).</summary>
    public int Checks => Volatile.Read(ref _checks);

    private int _checks;

    /// <inheritdoc />
    protected override bool ValidateServerCertificate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        Interlocked.Increment(ref _checks);
        return certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinned.RawData);
    }
}
