using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Ingestion;

/// <summary>Filters and paging of <c>GET /api/events</c> over 2,500 events spread across three days.</summary>
[Collection(PipelineCollection.Name)]
public sealed class HistoryQueryTests(PipelineFixture pipeline)
{
    private static readonly string[] Types = ["order.created", "order.shipped", "user.created", "product.low_stock"];
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed record Posted(string Id, string Type, string Source, string Subject, string User, string Correlation, DateTimeOffset Time);

    private static List<Posted> Generate(int count) => Enumerable.Range(0, count).Select(i => new Posted(
        $"h-{i}", Types[i % Types.Length], $"/s/{i % 5}", $"sub-{i % 7}", $"user-{i % 3}", $"corr-{i % 11}", Start.AddSeconds(i * 97))).ToList();

    private static JsonObject ToCloudEvent(Posted p)
    {
        var e = EventSamples.CloudEvent(p.Id, p.Type, EventSamples.DataFor(p.Type, p.Id), p.Source, p.Subject, p.Time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        e["userid"] = p.User;
        e["correlationid"] = p.Correlation;
        return e;
    }

    private static async Task<List<JsonObject>> ReadAllAsync(TenantClient tenant, string query, int limit)
    {
        var all = new List<JsonObject>();
        string? token = null;
        do
        {
            var url = $"/api/events?limit={limit}{query}" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            using var response = await tenant.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            var items = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
            Assert.True(items.Count <= limit);
            all.AddRange(items);
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);
        return all;
    }

    [Fact]
    public async Task Filters_and_paging_are_exact_over_2500_events()
    {
        using var tenant = await pipeline.CreateTenantAsync("hist");
        var posted = Generate(2_500);
        foreach (var chunk in posted.Chunk(500))
        {
            using var response = await tenant.Http.PostBatchAsync(chunk.Select(ToCloudEvent));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(500, (await response.Content.ReadFromJsonAsync<JsonObject>())!["accepted"]!.GetValue<int>());
        }

        var everything = await ReadAllAsync(tenant, "", 1000);
        Assert.Equal(posted.Select(p => p.Id).OrderBy(x => x).ToArray(), everything.Select(e => e["id"]!.GetValue<string>()).OrderBy(x => x).ToArray());
        var times = everything.Select(e => DateTimeOffset.Parse(e["time"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToArray();
        Assert.True(times.Zip(times.Skip(1)).All(pair => pair.First >= pair.Second), "newest first");

        var from = Start.AddHours(20);
        var to = Start.AddHours(50);
        var cases = new (string Query, Func<Posted, bool> Expected, int Limit)[]
        {
            ("&type=user.created", p => p.Type == "user.created", 1000),
            ("&type=order.*", p => p.Type.StartsWith("order.", StringComparison.Ordinal), 137),
            ("&source=/s/3", p => p.Source == "/s/3", 1000),
            ("&subject=sub-4", p => p.Subject == "sub-4", 50),
            ("&userId=user-2", p => p.User == "user-2", 1000),
            ("&correlationId=corr-7", p => p.Correlation == "corr-7", 9),
            ($"&from={Iso(from)}&to={Iso(to)}", p => p.Time >= from && p.Time < to, 333),
            ($"&type=order.shipped&from={Iso(from)}&source=/s/1", p => p.Type == "order.shipped" && p.Time >= from && p.Source == "/s/1", 1000),
        };
        foreach (var (query, expected, limit) in cases)
        {
            var got = await ReadAllAsync(tenant, query, limit);
            var ids = got.Select(e => e["id"]!.GetValue<string>()).ToArray();
            Assert.True(ids.Length == ids.Distinct().Count(), $"{query}: repeated items across pages");
            Assert.True(posted.Where(expected).Select(p => p.Id).ToHashSet().SetEquals(ids), $"{query}: expected {posted.Count(expected)} events, got {ids.Length}");
        }
    }

    [Fact]
    public async Task Bad_paging_parameters_are_client_errors()
    {
        using var tenant = await pipeline.CreateTenantAsync("hist");
        using var tooMany = await tenant.Http.GetAsync("/api/events?limit=1001");
        using var badToken = await tenant.Http.GetAsync("/api/events?continuationToken=garbage");
        using var badTime = await tenant.Http.GetAsync("/api/events?from=last-week");

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
    }

    [Fact]
    public async Task Stats_count_events_by_type_with_minute_buckets()
    {
        using var tenant = await pipeline.CreateTenantAsync("stats");
        var posted = Generate(60).Select(p => p with { Id = "st-" + p.Id, Time = Start.AddSeconds(int.Parse(p.Id[2..], CultureInfo.InvariantCulture) * 20) }).ToList();
        using (var response = await tenant.Http.PostBatchAsync(posted.Select(ToCloudEvent)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var stats = (await tenant.Http.GetFromJsonAsync<JsonObject>($"/api/events/stats?from={Iso(Start)}&to={Iso(Start.AddMinutes(30))}"))!;

        Assert.Equal(60, stats["total"]!.GetValue<long>());
        foreach (var type in Types)
        {
            Assert.Equal(posted.Count(p => p.Type == type), stats["byType"]![type]!.GetValue<long>());
        }
        var minutes = stats["minutes"]!.AsArray();
        Assert.Equal(20, minutes.Count);
        Assert.All(minutes, m => Assert.Equal(3, m!["total"]!.GetValue<long>()));
    }

    private static string Iso(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
