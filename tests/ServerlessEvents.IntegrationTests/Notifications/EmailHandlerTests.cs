using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.Email;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Notifications;

[Collection(NotifyPipelineCollection.Name)]
public sealed class EmailHandlerTests(NotifyPipelineFixture pipeline)
{
    private const string NastyName = "<script>alert(\"x\")</script> & Co";

    private static string Address(TenantClient tenant, string who) => $"{who}-{tenant.Tenant}@example.com";

    [Fact]
    public async Task Order_confirmation_escapes_the_customer_name_in_html_and_keeps_it_verbatim_in_text()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var data = EventSamples.OrderCreatedData("o-77", Address(tenant, "ada"), 42.5m);
        data["customerName"] = NastyName;
        var published = await pipeline.IngestAsync(tenant, EventSamples.CloudEvent("mail-order-1", data: data));

        var outcomes = await pipeline.Host.DeliverToSubscribersAsync(published);

        Assert.True(outcomes.Single(o => o.Function == "email").Succeeded);
        var sent = Assert.Single(pipeline.Smtp.MessagesTo(Address(tenant, "ada")));
        Assert.Equal(NotifyPipelineFixture.SmtpUser, sent.AuthenticatedUser);
        Assert.NotNull(sent.TlsProtocol);
        Assert.Equal("events@example.com", sent.From);
        var mime = sent.Mime;
        Assert.Equal("Order o-77 confirmed", mime.Subject);
        Assert.Contains(NastyName, mime.Text);
        Assert.Contains("2 x Widget (SKU-1) at 21.25 EUR", mime.Text);
        Assert.Contains("Total: 42.50 EUR", mime.Text);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co", mime.Html);
        Assert.DoesNotContain("<script>", mime.Html);
        Assert.Contains("<strong>42.50 EUR</strong>", mime.Html);
    }

    [Fact]
    public async Task Shipping_notice_carries_the_tracking_number_in_both_parts()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        var data = EventSamples.DataFor("order.shipped", "5");
        data["customerEmail"] = Address(tenant, "ship");
        data["trackingNumber"] = "1Z999AA10123456784";
        var published = await pipeline.IngestAsync(tenant, EventSamples.CloudEvent("mail-ship-1", "order.shipped", data));

        await pipeline.Host.DeliverToSubscribersAsync(published);

        var mime = Assert.Single(pipeline.Smtp.MessagesTo(Address(tenant, "ship"))).Mime;
        Assert.Equal("Order o-5 has shipped", mime.Subject);
        Assert.Contains("Tracking number: 1Z999AA10123456784", mime.Text);
        Assert.Contains("<strong>1Z999AA10123456784</strong>", mime.Html);
    }

    [Fact]
    public async Task User_who_opted_out_of_email_for_a_type_gets_no_mail_of_that_type_but_still_gets_others()
    {
        using var tenant = await pipeline.CreateTenantAsync();
        using var put = await tenant.Http.PutAsJsonAsync("/api/users/u-opt/preferences",
            new JsonObject { ["preferences"] = new JsonObject { ["order.shipped"] = new JsonObject { ["email"] = false } } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var shipped = EventSamples.CloudEvent("mail-opt-ship", "order.shipped", EventSamples.DataFor("order.shipped", "9"));
        shipped["userid"] = "u-opt";
        shipped["data"]!["customerEmail"] = Address(tenant, "opt");
        var created = EventSamples.CloudEvent("mail-opt-order", data: EventSamples.OrderCreatedData("o-9", Address(tenant, "opt")));
        created["userid"] = "u-opt";

        var shippedOutcomes = await pipeline.Host.DeliverToSubscribersAsync(await pipeline.IngestAsync(tenant, shipped));
        await pipeline.Host.DeliverToSubscribersAsync(await pipeline.IngestAsync(tenant, created));

        Assert.True(shippedOutcomes.Single(o => o.Function == "email").Succeeded);
        var only = Assert.Single(pipeline.Smtp.MessagesTo(Address(tenant, "opt")));
        Assert.Equal("Order o-9 confirmed", only.Mime.Subject);
        Assert.Equal(1, await pipeline.Host.Services.GetRequiredService<EmailSendLog>().CountAsync(tenant.Tenant));
    }
}
