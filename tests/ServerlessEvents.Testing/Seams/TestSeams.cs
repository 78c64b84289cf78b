using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessEvents.Functions.Email;
using ServerlessEvents.Functions.Ingestion;
using ServerlessEvents.Functions.Publishing;
using ServerlessEvents.Functions.Webhooks;
using ServerlessEvents.Emulators.Smtp;

namespace ServerlessEvents.Testing.Seams;

/// <summary>
/// The test worker's way in: each seam replaces one product service, and is switched on by a setting under
/// <c>Testing:</c> that a fixture passes as an app setting. Without any of them the test worker is the product app.
/// </summary>
public static class TestSeams
{
    /// <summary>"true": the clock is a <see cref="TestClock"/> that tests shift through the <c>testing/clock</c> function.</summary>
    public const string ControlledClock = "Testing:ControlledClock";

    /// <summary>Section of host name → IP address: the webhook DNS resolver answers only these (<see cref="StaticDnsResolver"/>).</summary>
    public const string Dns = "Testing:Dns";

    /// <summary>"true": an ingestion and a publish observer that always throw are added.</summary>
    public const string ThrowingObservers = "Testing:ThrowingObservers";

    /// <summary>"true": the email send log is an <see cref="OutageEmailSendLog"/>, switched through the <c>testing/email-log</c> function.</summary>
    public const string SwitchableEmailLog = "Testing:SwitchableEmailLog";

    /// <summary>Base64 DER certificate: the SMTP sender trusts exactly this one (<see cref="PinnedCertificateSmtpEmailSender"/>).</summary>
    public const string SmtpCertificate = "Testing:SmtpCertificate";

    /// <summary>Replaces the services the <c>Testing:</c> settings ask for; call after the product's registrations.</summary>
    public static IServiceCollection AddTestSeams(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(ControlledClock))
        {
            var clock = new TestClock();
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            services.AddSingleton(clock);
        }
        var dns = configuration.GetSection(Dns).GetChildren().ToDictionary(c => c.Key, c => new[] { IPAddress.Parse(c.Value!) }, StringComparer.OrdinalIgnoreCase);
        if (dns.Count > 0)
        {
            services.Replace(ServiceDescriptor.Singleton<IWebhookDnsResolver>(new StaticDnsResolver(dns)));
        }
        if (configuration.GetValue<bool>(ThrowingObservers))
        {
            services.AddSingleton<IIngestionObserver, ThrowingObserver>();
            services.AddSingleton<IPublishObserver, ThrowingObserver>();
        }
        if (configuration.GetValue<bool>(SwitchableEmailLog))
        {
            services.Replace(ServiceDescriptor.Singleton<EmailSendLog, OutageEmailSendLog>());
            services.AddSingleton(sp => (OutageEmailSendLog)sp.GetRequiredService<EmailSendLog>());
        }
        if (configuration[SmtpCertificate] is { Length: > 0 } certificate)
        {
            var pinned = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(certificate));
            services.Replace(ServiceDescriptor.Singleton<SmtpEmailSender>(sp => new PinnedCertificateSmtpEmailSender(
                sp.GetRequiredService<IOptions<EmailOptions>>(), sp.GetRequiredService<ILogger<SmtpEmailSender>>(), pinned)));
        }
        return services;
    }
}
