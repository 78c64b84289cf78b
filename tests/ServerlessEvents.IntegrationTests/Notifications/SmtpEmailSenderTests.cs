using System.Diagnostics;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Email;
using ServerlessEvents.Emulators.Smtp;

namespace ServerlessEvents.IntegrationTests.Notifications;

/// <summary>
/// The MailKit sender against the SMTP double on loopback: STARTTLS and TLS from the first byte with a throw-away
/// self-signed certificate that only these tests trust (by pinning it), AUTH, and each failure a clear, logged,
/// retryable error.
/// </summary>
public sealed class SmtpEmailSenderTests : IAsyncLifetime
{
    private const string User = "mailer", Password = "smtp-secret-456";
    private static readonly EmailMessage Mail = new("ada@example.com", "Grüße: order o-1", "Hello Ada,\n.\nTotal: 42.50 EUR", "<p>Hello <b>Ada</b> &amp; co</p>");

    private readonly LocalSmtpServer _smtp = LocalSmtpServer.Start();
    private readonly RecordingLogger<SmtpEmailSender> _log = new();

    public Task InitializeAsync()
    {
        _smtp.RequiredCredentials = (User, Password);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private EmailOptions Settings(SmtpTlsMode tls, string password = Password, int timeoutSeconds = 10) => new()
    {
        SmtpHost = "127.0.0.1",
        SmtpPort = _smtp.Port,
        SmtpTls = tls,
        SmtpUsername = User,
        SmtpPassword = password,
        FromAddress = "events@example.com",
        FromName = "Serverless Events",
        TimeoutSeconds = timeoutSeconds,
    };

    private PinnedCertificateSmtpEmailSender Pinned(EmailOptions settings) => new(Options.Create(settings), _log, _smtp.Certificate);

    private string Logged => string.Join("\n", _log.Entries.Select(e => $"{e.Level}: {e.Message}"));

    [Theory]
    [InlineData(SmtpServerTls.StartTls, SmtpTlsMode.StartTls)]
    [InlineData(SmtpServerTls.Implicit, SmtpTlsMode.Implicit)]
    public async Task Mail_goes_over_tls_to_a_server_whose_pinned_certificate_is_trusted_and_logs_in_inside_tls(SmtpServerTls server, SmtpTlsMode client)
    {
        _smtp.Tls = server;
        var sender = Pinned(Settings(client));

        await sender.SendAsync(Mail);

        var received = Assert.Single(_smtp.Messages);
        Assert.True(received.TlsProtocol is SslProtocols.Tls12 or SslProtocols.Tls13, $"arrived over {received.TlsProtocol?.ToString() ?? "plain text"}");
        Assert.Equal(User, received.AuthenticatedUser);
        Assert.Equal("events@example.com", received.From);
        Assert.Equal(["ada@example.com"], received.Recipients);
        Assert.True(sender.Checks > 0);
        var mime = received.Mime;
        Assert.Equal("Grüße: order o-1", mime.Subject);
        Assert.Equal("Hello Ada,\n.\nTotal: 42.50 EUR", mime.Text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
        Assert.Contains("<p>Hello <b>Ada</b> &amp; co</p>", mime.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, Logged, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SmtpServerTls.StartTls, SmtpTlsMode.StartTls)]
    [InlineData(SmtpServerTls.Implicit, SmtpTlsMode.Implicit)]
    public async Task A_self_signed_certificate_the_platform_does_not_trust_fails_the_send_with_a_logged_tls_error(SmtpServerTls server, SmtpTlsMode client)
    {
        _smtp.Tls = server;
        var sender = new SmtpEmailSender(Options.Create(Settings(client)), _log);

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Mail));

        Assert.Contains("TLS handshake failed", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_smtp.Messages);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("TLS handshake failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Starttls_against_a_server_that_does_not_offer_it_fails_instead_of_sending_in_clear()
    {
        _smtp.Tls = SmtpServerTls.None;

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => Pinned(Settings(SmtpTlsMode.StartTls)).SendAsync(Mail));

        Assert.Contains("does not offer STARTTLS", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task A_refused_login_fails_with_a_logged_authentication_error_that_does_not_carry_the_password()
    {
        _smtp.Tls = SmtpServerTls.StartTls;

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => Pinned(Settings(SmtpTlsMode.StartTls, password: "wrong-secret-789")).SendAsync(Mail));

        Assert.Contains("refused the login", failure.Message, StringComparison.Ordinal);
        Assert.Contains("at authenticate", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_smtp.Messages);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("refused the login", StringComparison.Ordinal));
        Assert.DoesNotContain("wrong-secret-789", Logged + failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_after_the_configured_seconds()
    {
        _smtp.Tls = SmtpServerTls.Implicit;
        _smtp.Mode = SmtpServerMode.Silent;
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<TimeoutException>(() => Pinned(Settings(SmtpTlsMode.Implicit, timeoutSeconds: 1)).SendAsync(Mail));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
        Assert.Contains("longer than 1 s", failure.Message, StringComparison.Ordinal);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("within 1 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_drops_the_connection_in_the_middle_of_the_message_fails_the_send_with_a_logged_error()
    {
        _smtp.Tls = SmtpServerTls.StartTls;
        _smtp.Mode = SmtpServerMode.DropDuringData;

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => Pinned(Settings(SmtpTlsMode.StartTls)).SendAsync(Mail));

        Assert.Contains("at send", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_smtp.Messages);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("will be retried", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_closes_after_accepting_the_mail_counts_as_sent_so_the_mail_is_not_sent_twice()
    {
        _smtp.Tls = SmtpServerTls.Implicit;
        _smtp.Mode = SmtpServerMode.CloseAfterAccepting;

        await Pinned(Settings(SmtpTlsMode.Implicit)).SendAsync(Mail);

        Assert.Single(_smtp.Messages);
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_5xx_refusal_of_the_recipient_is_a_permanent_rejection()
    {
        _smtp.Tls = SmtpServerTls.StartTls;
        _smtp.Mode = SmtpServerMode.RejectRecipients;

        var rejected = await Assert.ThrowsAsync<EmailRejectedException>(() => Pinned(Settings(SmtpTlsMode.StartTls)).SendAsync(Mail));

        Assert.Contains("550", rejected.Message, StringComparison.Ordinal);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task Plain_text_to_a_local_server_still_works()
    {
        _smtp.Tls = SmtpServerTls.None;

        await Pinned(Settings(SmtpTlsMode.None)).SendAsync(Mail);

        var received = Assert.Single(_smtp.Messages);
        Assert.Null(received.TlsProtocol);
        Assert.Equal(User, received.AuthenticatedUser);
    }
}
