using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.Email;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Notifications;

/// <summary>The default pipeline has no Email:SmtpHost: the email function exists and skips events on purpose.</summary>
[Collection(PipelineCollection.Name)]
public sealed class EmailDisabledTests(PipelineFixture pipeline)
{
    [Fact]
    public async Task Without_an_smtp_host_the_email_function_succeeds_and_records_no_send()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var e = EventSamples.CloudEvent("disabled-1");
        e["tenantid"] = tenant.Tenant;

        var outcome = await pipeline.Host.DeliverEventGridAsync("email", e);

        Assert.True(outcome.Succeeded);
        Assert.Equal(0, await pipeline.Host.Services.GetRequiredService<EmailSendLog>().CountAsync(tenant.Tenant));
    }

    [Fact]
    public async Task Without_a_signalr_connection_a_notification_is_not_pushed_but_is_still_listed_to_its_user()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var e = EventSamples.CloudEvent("nopush-1", "order.shipped", EventSamples.DataFor("order.shipped", "np"));
        e["tenantid"] = tenant.Tenant;
        e["userid"] = "u-np";

        var outcome = await pipeline.Host.DeliverEventGridAsync("notifications", e);
        var page = await tenant.PageAsync("u-np", unread: true, limit: 5);

        Assert.True(outcome.Succeeded);
        Assert.Contains(outcome.Logs, l => l.Contains("SignalR is not configured", StringComparison.Ordinal));
        var listed = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal("delivered", listed["status"]!.GetValue<string>());
    }
}
