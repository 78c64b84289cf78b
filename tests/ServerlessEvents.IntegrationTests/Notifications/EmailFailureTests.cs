using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.Email;
using ServerlessEvents.Testing;
using ServerlessEvents.Emulators.Smtp;

namespace ServerlessEvents.IntegrationTests.Notifications;

[Collection(NotifyPipelineCollection.Name)]
public sealed class EmailFailureTests(NotifyPipelineFixture pipeline)
{
    private EmailSendLog Sends => pipeline.Host.Services.GetRequiredService<EmailSendLog>();

    [Theory]
    [InlineData(SmtpServerMode.DropConnections)]
    [InlineData(SmtpServerMode.ServiceUnavailable)]
    [InlineData(SmtpServerMode.TemporaryFailure)]
    [InlineData(SmtpServerMode.DropDuringData)]
    public async Task Smtp_outage_fails_the_invocation_records_nothing_and_a_later_redelivery_sends_exactly_once(SmtpServerMode outage)
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var to = $"down-{tenant.Tenant}@example.com";
        var published = await pipeline.IngestAsync(tenant, EventSamples.CloudEvent("mail-down", data: EventSamples.OrderCreatedData("o-d", to)));
        try
        {
            pipeline.Smtp.Mode = outage;
            var failed = await pipeline.Host.DeliverEventGridAsync("email", published);
            Assert.False(failed.Succeeded);
            Assert.Empty(pipeline.Smtp.MessagesTo(to));
            Assert.Equal(0, await Sends.CountAsync(tenant.Tenant));
        }
        finally
        {
            pipeline.Smtp.Mode = SmtpServerMode.Accept;
        }

        var first = await pipeline.Host.DeliverEventGridAsync("email", published);
        var second = await pipeline.Host.DeliverEventGridAsync("email", published);

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Single(pipeline.Smtp.MessagesTo(to));
        Assert.Equal(1, await Sends.CountAsync(tenant.Tenant));
    }

    [Fact]
    public async Task Storage_down_before_the_send_fails_the_invocation_and_sends_nothing()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var to = $"nostore-{tenant.Tenant}@example.com";
        var published = await pipeline.IngestAsync(tenant, EventSamples.CloudEvent("mail-nostore", data: EventSamples.OrderCreatedData("o-ns", to)));
        InvocationOutcome failed;
        try
        {
            pipeline.SendLog.FailChecks = true;
            failed = await pipeline.Host.DeliverEventGridAsync("email", published);
        }
        finally
        {
            pipeline.SendLog.FailChecks = false;
        }

        Assert.False(failed.Succeeded);
        Assert.Empty(pipeline.Smtp.MessagesTo(to));
        Assert.True((await pipeline.Host.DeliverEventGridAsync("email", published)).Succeeded);
        Assert.Single(pipeline.Smtp.MessagesTo(to));
    }

    [Fact]
    public async Task Storage_down_between_send_and_record_fails_the_invocation_and_the_retry_sends_a_second_copy_then_no_more()
    {
        // The documented at-least-once window: the send happened but was not recorded, so the retry cannot know.
        using var tenant = await pipeline.CreateTenantAsync();
        var to = $"window-{tenant.Tenant}@example.com";
        var published = await pipeline.IngestAsync(tenant, EventSamples.CloudEvent("mail-window", data: EventSamples.OrderCreatedData("o-w", to)));
        InvocationOutcome failed;
        try
        {
            pipeline.SendLog.FailRecords = true;
            failed = await pipeline.Host.DeliverEventGridAsync("email", published);
        }
        finally
        {
            pipeline.SendLog.FailRecords = false;
        }
        Assert.False(failed.Succeeded);
        Assert.Equal(0, await Sends.CountAsync(tenant.Tenant));

        var retry = await pipeline.Host.DeliverEventGridAsync("email", published);
        var redelivery = await pipeline.Host.DeliverEventGridAsync("email", published);

        Assert.True(retry.Succeeded && redelivery.Succeeded);
        Assert.Equal(2, pipeline.Smtp.MessagesTo(to).Count);
        Assert.Equal(1, await Sends.CountAsync(tenant.Tenant));
    }

    [Fact]
    public async Task Order_without_a_usable_customer_email_is_not_retried_and_is_reported_as_a_system_error()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var data = EventSamples.OrderCreatedData("o-bad");
        data.Remove("customerEmail");
        var delivered = EventSamples.CloudEvent("mail-bad", data: data);
        delivered["tenantid"] = tenant.Tenant;
        var connectionsBefore = pipeline.Smtp.Connections;

        var outcome = await pipeline.Host.DeliverEventGridAsync("email", delivered);

        Assert.True(outcome.Succeeded, "a permanent failure must not be retried");
        Assert.Equal(connectionsBefore, pipeline.Smtp.Connections);
        using var response = await tenant.Http.GetAsync("/api/events?type=system.error");
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        var error = Assert.Single(errors)!["data"]!;
        Assert.Equal("mail-bad", error["originalEventId"]!.GetValue<string>());
        Assert.Equal("email", error["handler"]!.GetValue<string>());
        Assert.Equal("order.created", error["originalType"]!.GetValue<string>());
        Assert.Contains("customerEmail", error["reason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await Sends.CountAsync(tenant.Tenant));
    }

    [Fact]
    public async Task Low_stock_alert_goes_to_each_procurement_address_and_anomalies_to_the_tenant_admins_by_severity()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var admin = $"admin-{tenant.Tenant}@example.com";
        using (var put = await tenant.Http.PutAsJsonAsync("/api/settings/email", new JsonObject { ["adminEmails"] = new JsonArray(admin) }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        var stock = EventSamples.DataFor("product.low_stock", tenant.Tenant);
        var high = new JsonObject { ["anomalyId"] = "an-1", ["metric"] = "orders/min", ["severity"] = "high", ["description"] = "Orders < 10% of normal" };
        var low = new JsonObject { ["anomalyId"] = "an-2", ["metric"] = "orders/min", ["severity"] = "low", ["description"] = "A blip" };
        var before = pipeline.Smtp.Messages.Count;

        await pipeline.Host.DeliverToSubscribersAsync(await pipeline.IngestAsync(tenant, EventSamples.CloudEvent("mail-stock", "product.low_stock", stock)));
        await pipeline.Host.DeliverToSubscribersAsync(await pipeline.IngestAsync(tenant, EventSamples.CloudEvent("mail-an-high", "ai.anomaly_detected", high)));
        await pipeline.Host.DeliverToSubscribersAsync(await pipeline.IngestAsync(tenant, EventSamples.CloudEvent("mail-an-low", "ai.anomaly_detected", low)));

        var stockMails = pipeline.Smtp.Messages.Skip(before).Where(m => m.Mime.Subject.Contains("SKU-" + tenant.Tenant, StringComparison.Ordinal)).ToArray();
        Assert.Equal(NotifyPipelineFixture.Procurement.Order(), stockMails.SelectMany(m => m.Recipients).Order());
        var alert = Assert.Single(pipeline.Smtp.MessagesTo(admin));
        Assert.Equal("[high] Anomaly in orders/min", alert.Mime.Subject);
        Assert.Contains("Orders &lt; 10% of normal", alert.Mime.Html);
    }
}
