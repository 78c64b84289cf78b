using System.Net;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Events;
using ServerlessEvents.Testing;
using ServerlessEvents.Testing.Seams;
using ServerlessEvents.Emulators.SignalR;
using ServerlessEvents.Emulators.Smtp;

namespace ServerlessEvents.IntegrationTests.Notifications;

/// <summary>
/// The pipeline with email pointed at a real SMTP conversation on loopback (STARTTLS with the double's throw-away
/// certificate, which the test worker's sender pins; then AUTH), a procurement list, and SignalR Service's REST API on loopback
/// (a strict double) so notifications are pushed. Event Grid is not connected: tests deliver the events
/// the sink received themselves, so they control how often each is delivered.
/// </summary>
public sealed class NotifyPipelineFixture : PipelineFixture
{
    /// <summary>The SMTP login the handler is configured with.</summary>
    public const string SmtpUser = "mailer", SmtpPassword = "smtp-secret-123";

    /// <summary>The procurement list.</summary>
    public static readonly string[] Procurement = ["buyer@example.com", "stock@example.com"];

    /// <summary>The SMTP server.</summary>
    public LocalSmtpServer Smtp { get; } = LocalSmtpServer.Start();

    /// <summary>SignalR Service.</summary>
    public LocalSignalRService SignalR { get; private set; } = null!;

    /// <inheritdoc />
    public override async Task InitializeAsync()
    {
        ServerlessEvents.Testing.Logs.LogCanaries.Register("the SMTP password", SmtpPassword);
        SignalR = await LocalSignalRService.StartAsync();
        await base.InitializeAsync();
        SendLog.Attach(Host.Client);
    }

    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings()
    {
        Smtp.RequiredCredentials = (SmtpUser, SmtpPassword);
        Smtp.Tls = SmtpServerTls.StartTls;
        var settings = base.Settings();
        settings["Email:SmtpHost"] = "127.0.0.1";
        settings["Email:SmtpPort"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Email:SmtpTls"] = "StartTls";
        settings["Email:SmtpUsername"] = SmtpUser;
        settings["Email:SmtpPassword"] = SmtpPassword;
        settings["Email:FromAddress"] = "events@example.com";
        settings["Email:ProcurementRecipients"] = string.Join(", ", Procurement);
        settings["Email:TimeoutSeconds"] = "10";
        settings["AzureSignalRConnectionString"] = SignalR.ConnectionString;
        settings[TestSeams.SwitchableEmailLog] = "true";
        settings[TestSeams.SmtpCertificate] = Convert.ToBase64String(Smtp.Certificate.RawData);
        return settings;
    }

    /// <summary>The worker's send log's outage switches.</summary>
    public RemoteEmailLog SendLog { get; } = new();

    /// <inheritdoc />
    protected override string WorkerApp => RepositoryPaths.TestWorker;

    /// <summary>Ingests one event for the tenant and returns it as Event Grid received it (with the tenantid extension).</summary>
    public async Task<JsonObject> IngestAsync(TenantClient tenant, JsonObject cloudEvent)
    {
        using var response = await tenant.Http.PostCloudEventAsync(cloudEvent);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await PublishedAsync(tenant, cloudEvent["id"]!.GetValue<string>());
    }

    /// <summary>The published copy of an event of the tenant, waiting (bounded) for it to reach the sink.</summary>
    public async Task<JsonObject> PublishedAsync(TenantClient tenant, string id)
    {
        for (var attempt = 0; attempt < 400; attempt++)
        {
            var found = EventGrid.Events.FirstOrDefault(e => e["id"]?.GetValue<string>() == id
                && e[CanonicalEvent.TenantExtension]?.GetValue<string>() == tenant.Tenant);
            if (found is not null)
            {
                return (JsonObject)found.DeepClone();
            }
            await Task.Delay(25);
        }
        throw new TimeoutException($"Event {id} of {tenant.Tenant} was not published within 10 s.");
    }

    /// <inheritdoc />
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        await SignalR.DisposeAsync();
    }
}
