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
    public async Task Malformed_requests_to_every_endpoint_get_no_5xx_only_problem_4xx_and_nothing_that_must_be_refused_is_accepted()
    {
        using var tenant = await pipeline.CreateTenantAsync("bad");
        // The revoke endpoint gets a spare key of the tenant, so the corpus never revokes the key it calls with.
        using var spare = await pipeline.CreateKeyAsync(tenant.Tenant);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = "bad-input-existing", ["type"] = "order.created", ["tenant"] = tenant.Tenant, ["keyId"] = spare.KeyId,
        };
        using (var seeded = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("bad-input-existing")))
        {
            Assert.Equal(HttpStatusCode.Accepted, seeded.StatusCode);
        }
        var endpoints = ApiEndpoint.All(pipeline.Host);
        // Which endpoints read a JSON body: the OpenAPI document the build serves says so (requestBody).
        var document = System.Text.Json.Nodes.JsonNode.Parse(await pipeline.Host.Client.GetByteArrayAsync("/api/openapi.json"))!;
        bool ReadsBody(ApiEndpoint e) => document["paths"]?[$"/api/{e.RouteTemplate}"]?[e.Method.ToLowerInvariant()]?["requestBody"] is not null;
        Assert.Contains(endpoints, ReadsBody);
        var accepted = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var notProblem = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var byEndpoint = new System.Collections.Concurrent.ConcurrentDictionary<string, StatusTally>();
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
            var cases = BadInputCorpus.For(endpoint, name => values.GetValueOrDefault(name, "x"), key, ReadsBody(endpoint)).ToArray();
            var mine = byEndpoint.GetOrAdd(endpoint.ToString(), _ => new StatusTally());
            await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (bad, ct) =>
            {
                using var request = bad.Build();
                try
                {
                    using var response = await client.SendAsync(request, ct);
                    var status = (int)response.StatusCode;
                    tally.Add(status, bad.Name);
                    mine.Add(status, bad.Name);
                    if (bad.MustReject && status is >= 200 and < 300)
                    {
                        accepted.Enqueue($"{status} {bad.Name}");
                    }
                    // Every 4xx the app writes is problem+json; the host's own route misses (404 with no body) are not the app's.
                    var bodyLength = (await response.Content.ReadAsByteArrayAsync(ct)).Length;
                    if (status is >= 400 and < 500 && bodyLength > 0 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        notProblem.Enqueue($"{status} {response.Content.Headers.ContentType} {bad.Name}");
                    }
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
        foreach (var (endpoint, counts) in byEndpoint.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {endpoint}: {counts.Total} requests; {counts}");
        }
        Assert.True(accepted.IsEmpty, "Accepted what must be refused:\n" + string.Join("\n", accepted.Take(20)));
        Assert.True(notProblem.IsEmpty, "4xx answers that are not problem+json:\n" + string.Join("\n", notProblem.Take(20)));
        Assert.True(sent >= 500, $"only {sent} requests");
        Assert.True(tally.ServerErrors == 0, tally.ServerErrorSamples);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
