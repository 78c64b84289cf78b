using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ServerlessEvents.IntegrationTests.Reliability;

/// <summary>Reads back what a tenant has stored through the public API.</summary>
public static class StoredEvents
{
    /// <summary>Every event id GET /api/events lists for the tenant, following continuation tokens (repeats kept).</summary>
    public static async Task<List<string>> ListAllIdsAsync(HttpClient tenantHttp)
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            var url = "/api/events?limit=1000" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            using var response = await tenantHttp.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            ids.AddRange(page["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()));
            token = page["continuationToken"]?.GetValue<string>();
        }
        while (token is not null);
        return ids;
    }

    /// <summary>The ids among <paramref name="ids"/> that GET /api/events/{id} does not find (status kept for the message).</summary>
    public static async Task<List<string>> MissingAsync(HttpClient tenantHttp, IEnumerable<string> ids, int concurrency = 8)
    {
        var missing = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, ct) =>
        {
            using var response = await tenantHttp.GetAsync("/api/events/" + Uri.EscapeDataString(id), ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                missing.Add($"{id} ({(int)response.StatusCode})");
            }
        });
        return [.. missing];
    }
}
