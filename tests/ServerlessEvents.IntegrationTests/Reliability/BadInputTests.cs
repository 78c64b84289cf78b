using System.Net;
using System.Text;
using ServerlessEvents.Testing;
using Xunit.Abstractions;

namespace ServerlessEvents.IntegrationTests.Reliability;

[Collection(ReliabilityCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class BadInputTests(ReliabilityFixture pipeline, ITestOutputHelper output)
{
    [Fact]
    public async Task Malformed_requests_to_every_endpoint_never_get_a_5xx_and_the_handler_stays_healthy()
    {
        using var tenant = await pipeline.CreateTenantAsync("bad");
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = "bad-input-existing", ["type"] = "order.created", ["tenant"] = tenant.Tenant, ["keyId"] = tenant.KeyId,
        };
        using (var seeded = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("bad-input-existing")))
        {
            Assert.Equal(HttpStatusCode.Accepted, seeded.StatusCode);
        }
        var endpoints = ApiEndpoint.All(pipeline.Host);
        // Latin-1 header encoding so abusive non-ASCII header values are really sent.
        using var handlerClient = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1 })
        {
            BaseAddress = pipeline.Host.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(100),
        };
        var tally = new StatusTally();
        var sent = 0;

        foreach (var endpoint in endpoints)
        {
            // Management endpoints take the admin key; the rest a tenant key. Either way the request reaches the code.
            var key = endpoint.RouteTemplate.StartsWith("management/", StringComparison.Ordinal) ? PipelineFixture.AdminKey : tenant.Key;
            var client = handlerClient;
            var cases = BadInputCorpus.For(endpoint, name => values.GetValueOrDefault(name, "x"), key).ToArray();
            await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (bad, ct) =>
            {
                using var request = bad.Build();
                try
                {
                    using var response = await client.SendAsync(request, ct);
                    tally.Add((int)response.StatusCode, bad.Name);
                }
                catch (HttpRequestException)
                {
                    tally.Add(0, bad.Name); // the server closed the connection without an answer (e.g. Kestrel refusing the framing)
                }
                Interlocked.Increment(ref sent);
            });
            if (endpoint.Method == "POST")
            {
                foreach (var (name, bytes, halfClose) in RawHttp.Cases(endpoint.Path(n => values.GetValueOrDefault(n, "x")), "127.0.0.1", key))
                {
                    tally.Add(await RawHttp.SendAsync(pipeline.Host.Client.BaseAddress!, bytes, halfClose), $"{endpoint}: raw {name}");
                    sent++;
                }
            }
        }
        using var health = await pipeline.Host.Client.GetAsync("/api/health");

        output.WriteLine($"endpoints {endpoints.Count}: {string.Join("; ", endpoints)}");
        output.WriteLine($"malformed requests sent {sent}; statuses {tally}; 5xx {tally.ServerErrors}; health afterwards {(int)health.StatusCode}");
        Assert.True(sent >= 500, $"only {sent} requests");
        Assert.True(tally.ServerErrors == 0, tally.ServerErrorSamples);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
