using System.Net;
using System.Net.Mime;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.Http;
using ServerlessEvents.IntegrationTests.Webhooks;
using static ServerlessEvents.IntegrationTests.Ingestion.SdkEvents;

namespace ServerlessEvents.IntegrationTests.Ingestion;

/// <summary>A webhook body, as a loopback receiver gets it, is a structured-mode CloudEvent the CNCF SDK reads back unchanged.</summary>
[Collection(WebhookPipelineCollection.Name)]
public sealed class WebhookBodySdkTests(WebhookPipelineFixture pipeline)
{
    [Fact]
    public async Task Webhook_body_parses_with_the_sdk_into_the_event_that_was_ingested()
    {
        using var tenant = await pipeline.CreateTenantAsync("whsdk");
        await using var receiver = await ScriptedReceiver.AlwaysAsync(204);
        await WebhookApi.CreateAsync(tenant, receiver.Url("/sdk"), ["user.created"]);
        var sent = FullEvent("whsdk-" + Guid.NewGuid().ToString("N"));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = sent.ToHttpContent(ContentMode.Structured, Formatter) };
        using var response = await tenant.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await WebhookApi.WaitUntilAsync(() => Task.FromResult(receiver.Requests.Count >= 1), "the webhook called");
        var delivered = Assert.Single(receiver.Requests);
        var contentType = new ContentType(delivered.Header("Content-Type")!);
        Assert.Equal("application/cloudevents+json", contentType.MediaType);
        AssertSameEvent(sent, Formatter.DecodeStructuredModeMessage(delivered.Body, contentType, Extensions));
    }
}
