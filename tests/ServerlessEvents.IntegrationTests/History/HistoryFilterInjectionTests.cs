using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.History;

/// <summary>
/// History filters go into OData filters through <c>TableClient.CreateQueryFilter</c>: caller text is always a quoted
/// literal, so no value can widen a query to other rows or to another tenant, and none makes the API fail.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class HistoryFilterInjectionTests(PipelineFixture pipeline)
{
    private static readonly string[] Payloads =
    [
        "'",
        "''",
        "x' or 'a' eq 'a",
        "x' or PartitionKey ne '",
        "/a' or Source eq '/b",
        " or ",
        "eq",
        "PartitionKey",
        "PartitionKey eq PartitionKey",
        "') or (RowKey gt '",
        "x' or true or 'y",
        "%27 or 1 eq 1",
    ];

    [Fact]
    public async Task Type_source_and_subject_values_with_odata_syntax_never_widen_a_query_or_fail()
    {
        using var a = await pipeline.CreateTenantAsync("inja");
        using var b = await pipeline.CreateTenantAsync("injb");
        var aIds = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = $"inj-a-{i}";
            using var posted = await a.Http.PostCloudEventAsync(EventSamples.CloudEvent(id, source: "/a", subject: "orders/a"));
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            aIds.Add(id);
        }
        using (var quoted = await a.Http.PostCloudEventAsync(EventSamples.CloudEvent("inj-a-quoted", source: "/a'q", subject: "it's' or Subject eq 'orders/b")))
        {
            Assert.Equal(HttpStatusCode.Accepted, quoted.StatusCode);
        }
        aIds.Add("inj-a-quoted");
        for (var i = 0; i < 3; i++)
        {
            using var posted = await b.Http.PostCloudEventAsync(EventSamples.CloudEvent($"inj-b-{i}", source: "/b", subject: "orders/b"));
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        foreach (var parameter in new[] { "type", "source", "subject" })
        {
            foreach (var payload in Payloads)
            {
                var ids = await QueryAsync(a, $"{parameter}={Uri.EscapeDataString(payload)}", $"{parameter}={payload}");
                Assert.All(ids, id => Assert.Contains(id, aIds));
                Assert.Empty(ids);
            }
        }

        // Control: the same quoting matches a stored value that contains the syntax exactly, and nothing else.
        Assert.Equal(["inj-a-quoted"], await QueryAsync(a, "source=" + Uri.EscapeDataString("/a'q"), "quoted source"));
        Assert.Equal(["inj-a-quoted"], await QueryAsync(a, "subject=" + Uri.EscapeDataString("it's' or Subject eq 'orders/b"), "quoted subject"));
        Assert.Empty(await QueryAsync(a, "subject=" + Uri.EscapeDataString("it's"), "a prefix of the quoted subject"));
        Assert.Equal(3, (await QueryAsync(a, "source=%2Fa", "plain source")).Count);
        Assert.Empty(await QueryAsync(a, "source=%2Fb", "the other tenant's source"));
    }

    private static async Task<List<string>> QueryAsync(TenantClient tenant, string query, string label)
    {
        using var response = await tenant.Http.GetAsync("/api/events?limit=100&" + query);
        var status = (int)response.StatusCode;
        Assert.True(status == 200 || (status >= 400 && status < 500), $"{label}: {status} {await response.Content.ReadAsStringAsync()}");
        if (status != 200)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return [];
        }
        var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return page["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()).ToList();
    }
}
