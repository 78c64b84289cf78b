using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace ServerlessEvents.Functions.Email;

/// <summary>
/// Sends mail with the BCL's <see cref="SmtpClient"/>: one connection per message (the client is not
/// thread-safe), STARTTLS when configured (EnableSsl refuses a server that does not offer it), AUTH when a
/// username is set, and a multipart/alternative body (text first, then HTML). A 5xx refusal of the recipient
/// throws <see cref="EmailRejectedException"/>; every other failure (connection refused, 4xx, timeout) throws
/// as is, so the invocation fails and Event Grid retries.
/// </summary>
public class SmtpEmailSender(IOptions<EmailOptions> options)
{
    /// <summary>Sends one message.</summary>
    public virtual async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var mail = new MailMessage
        {
            From = new MailAddress(settings.FromAddress, settings.FromName, Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.Text,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
            IsBodyHtml = false,
        };
        mail.To.Add(new MailAddress(message.To));
        var html = AlternateView.CreateAlternateViewFromString(message.Html, Encoding.UTF8, MediaTypeNames.Text.Html);
        html.TransferEncoding = TransferEncoding.QuotedPrintable;
        mail.AlternateViews.Add(html);

        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort)
        {
            EnableSsl = settings.SmtpTls == SmtpTlsMode.StartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            UseDefaultCredentials = false,
            Timeout = settings.TimeoutSeconds * 1000,
        };
        if (!string.IsNullOrEmpty(settings.SmtpUsername))
        {
            client.Credentials = new NetworkCredential(settings.SmtpUsername, settings.SmtpPassword);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            await client.SendMailAsync(mail, timeout.Token);
        }
        catch (SmtpFailedRecipientException refused) when ((int)refused.StatusCode is >= 500 and < 600)
        {
            throw new EmailRejectedException($"The SMTP server refused the recipient ({(int)refused.StatusCode}).", refused);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMTP conversation took longer than {settings.TimeoutSeconds} s.");
        }
    }
}
