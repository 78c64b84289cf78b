using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.EventLog;
using ServerlessEvents.Functions.Metrics;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Metrics;

[Collection(LiveEventGridCollection.Name)]
public sealed class MetricsCountingTests(LiveEventGridFixture pipeline)
{
    [Fact]
    public async Task Same_event_delivered_three_times_is_counted_once()
    {
        using var tenant = await pipeline.CreateTenantAsync("m");
        using (var posted = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("m-once-1")))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }
        var published = pipeline.Published(tenant.Tenant, "m-once-1");

        for (var redelivery = 0; redelivery < 2; redelivery++)
        {
            Assert.True((await pipeline.Host.DeliverEventGridAsync("metrics", published)).Succeeded);
        }
        var recorder = pipeline.Host.Services.GetRequiredService<MetricsRecorder>();
        var stored = Assert.Single(await pipeline.Host.Services.GetRequiredService<EventLookup>().FindByIdAsync(tenant.Tenant, "m-once-1"));
        // As a sweeper repeating a publication whose outcome was not recorded would: a second publication is a second sample.
        await recorder.RecordPublishedAsync([stored], DateTimeOffset.UtcNow);

        var metrics = await Exposition.ScrapeAsync(tenant.Http);
        var t = tenant.Tenant;
        Assert.Equal(1, metrics.Value($"serverlessevents_events_ingested_total{{tenant=\"{t}\",type=\"order.created\"}}"));
        Assert.Equal(2, metrics.Value($"serverlessevents_publish_lag_seconds_count{{tenant=\"{t}\"}}"));
        // Invocations are counted honestly: three deliveries are three invocations.
        Assert.Equal(3, metrics.Value($"serverlessevents_handler_invocations_total{{tenant=\"{t}\",handler=\"metrics\",outcome=\"succeeded\"}}"));
        Assert.Empty(pipeline.EventGrid.ForwardFailures);
    }

    [Fact]
    public async Task Scrape_passes_promtool_and_equals_the_counts_of_a_known_mix()
    {
        using var tenant = await pipeline.CreateTenantAsync("m");
        var events = new[] { "a", "b", "c" }.Select(s => EventSamples.CloudEvent("mix-o-" + s, data: EventSamples.DataFor("order.created", s)))
            .Concat(new[] { "a", "b" }.Select(s => EventSamples.CloudEvent("mix-u-" + s, "user.created", EventSamples.DataFor("user.created", s))))
            .ToArray();
        foreach (var e in events)
        {
            using var response = await tenant.Http.PostCloudEventAsync(e);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        using (var duplicate = await tenant.Http.PostCloudEventAsync(events[0]))
        {
            Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        }
        using (var unknown = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("mix-x", "no.such_type")))
        {
            Assert.False(unknown.IsSuccessStatusCode);
        }
        using (var invalid = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("mix-y", data: new JsonObject { ["orderId"] = 5 })))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        }
        await pipeline.Host.Services.GetRequiredService<MetricsRecorder>().RecordWebhookDeliveryAsync(tenant.Tenant, "odd \"out\\come\"\nline");

        var metrics = await Exposition.ScrapeAsync(tenant.Http);

        var (exitCode, output) = await Promtool.CheckMetricsAsync(metrics.Text);
        Assert.True(exitCode == 0, $"promtool check metrics failed ({exitCode}): {output}\n{metrics.Text}");
        var t = tenant.Tenant;
        Assert.Equal(3, metrics.Value($"serverlessevents_events_ingested_total{{tenant=\"{t}\",type=\"order.created\"}}"));
        Assert.Equal(2, metrics.Value($"serverlessevents_events_ingested_total{{tenant=\"{t}\",type=\"user.created\"}}"));
        Assert.Equal(1, metrics.Value($"serverlessevents_events_duplicate_total{{tenant=\"{t}\"}}"));
        Assert.Equal(1, metrics.Value($"serverlessevents_events_rejected_total{{tenant=\"{t}\",reason=\"unknown_type\"}}"));
        Assert.Equal(1, metrics.Value($"serverlessevents_events_rejected_total{{tenant=\"{t}\",reason=\"invalid_data\"}}"));
        Assert.Equal(5, metrics.Value($"serverlessevents_publish_lag_seconds_count{{tenant=\"{t}\"}}"));
        Assert.True(metrics.Value($"serverlessevents_publish_lag_seconds_sum{{tenant=\"{t}\"}}") >= 0);
        Assert.Equal(5, metrics.Value($"serverlessevents_handler_invocations_total{{tenant=\"{t}\",handler=\"metrics\",outcome=\"succeeded\"}}"));
        Assert.Equal(1, metrics.Value($"serverlessevents_webhook_deliveries_total{{tenant=\"{t}\",outcome=\"odd \\\"out\\\\come\\\"\\nline\"}}"));
        Assert.Contains("# TYPE serverlessevents_publish_lag_seconds summary\n", metrics.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_sees_only_its_own_series_and_the_administrator_sees_every_tenant_labelled()
    {
        using var a = await pipeline.CreateTenantAsync("ma");
        using var b = await pipeline.CreateTenantAsync("mb");
        using (var response = await a.Http.PostCloudEventAsync(EventSamples.CloudEvent("iso-a")))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        using (var response = await b.Http.PostCloudEventAsync(EventSamples.CloudEvent("iso-b", "user.created", EventSamples.DataFor("user.created"))))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var seenByB = await Exposition.ScrapeAsync(b.Http);
        using var admin = pipeline.AdminClient();
        var seenByAdmin = await Exposition.ScrapeAsync(admin);
        using var anonymous = new HttpClient { BaseAddress = new Uri(pipeline.Host.BaseUrl) };
        using var unauthenticated = await anonymous.GetAsync("/api/metrics");

        Assert.DoesNotContain(a.Tenant, seenByB.Text, StringComparison.Ordinal);
        Assert.Equal(1, seenByB.Value($"serverlessevents_events_ingested_total{{tenant=\"{b.Tenant}\",type=\"user.created\"}}"));
        Assert.Equal(1, seenByAdmin.Value($"serverlessevents_events_ingested_total{{tenant=\"{a.Tenant}\",type=\"order.created\"}}"));
        Assert.Equal(1, seenByAdmin.Value($"serverlessevents_events_ingested_total{{tenant=\"{b.Tenant}\",type=\"user.created\"}}"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }
}
