using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.Http;
using ServerlessEvents.IntegrationTests.Operations;
using static ServerlessEvents.IntegrationTests.Ingestion.SdkEvents;

namespace ServerlessEvents.IntegrationTests.Ingestion;

/// <summary>Every item of a consumer feed page is a CloudEvent the CNCF SDK reads back unchanged.</summary>
[Collection(OperationsCollection.Name)]
public sealed class ConsumerFeedSdkTests(OperationsFixture pipeline)
{
    [Fact]
    public async Task Consumer_feed_items_parse_with_the_sdk_into_the_events_that_were_ingested()
    {
        using var tenant = await pipeline.CreateTenantAsync("cfsdk");
        using (var put = await tenant.Http.PutAsJsonAsync("/api/consumers/sdk", new JsonObject { ["eventTypes"] = new JsonArray("user.created"), ["startAt"] = "earliest" }))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }
        var sent = new[] { FullEvent("cfsdk-1"), FullEvent("cfsdk-2") };
        foreach (var e in sent)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = e.ToHttpContent(ContentMode.Binary, Formatter) };
            using var response = await tenant.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var received = new Dictionary<string, CloudEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (received.Count < sent.Length)
        {
            Assert.False(timeout.IsCancellationRequested, $"the feed gave {received.Count} of {sent.Length} events");
            using var page = await tenant.Http.GetAsync("/api/consumers/sdk/events?limit=10");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var body = await page.Content.ReadFromJsonAsync<JsonElement>();
            foreach (var item in body.GetProperty("items").EnumerateArray())
            {
                var e = Formatter.ConvertFromJsonElement(item, Extensions);
                received[e.Id!] = e;
            }
            using var ack = await tenant.Http.PostAsJsonAsync("/api/consumers/sdk/ack", new JsonObject { ["cursor"] = body.GetProperty("cursor").GetString() });
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            await Task.Delay(200);
        }
        foreach (var e in sent)
        {
            AssertSameEvent(e, received[e.Id!]);
        }
    }
}
