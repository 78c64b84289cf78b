using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace ServerlessEvents.FunctionsHost.Tests;

[Collection(SampleHostCollection.Name)]
public sealed class HttpTriggerTests(SampleHostFixture fixture)
{
    [Fact]
    public async Task Route_values_reach_the_function_as_bound_parameters_through_the_workers_kestrel()
    {
        using var client = fixture.Host.CreateClient();
        using var response = await client.GetAsync("/api/orders/42/lines/abc?tag=blue");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body + fixture.Log);
        var json = JsonNode.Parse(body)!;
        Assert.Equal(42, json["id"]!.GetValue<int>());
        Assert.Equal("abc", json["line"]!.GetValue<string>());
        Assert.Equal("blue", json["tag"]!.GetValue<string>());
        Assert.Equal(fixture.Host.WorkerProcessId, json["processId"]!.GetValue<int>());
        var invocation = fixture.Host.Invocations.Last(i => i.Function == "GetOrderLine");
        Assert.True(invocation.Succeeded);
        Assert.Equal("httpTrigger", invocation.TriggerType);
    }

    [Fact]
    public async Task A_post_body_is_proxied_and_the_workers_status_is_relayed()
    {
        using var client = fixture.Host.CreateClient();
        using var response = await client.PostAsync("/api/reverse", new StringContent("stressed"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("desserts", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(3_000_000)] // beyond the 1 MB the front door holds while it waits for the outcome: streamed
    public async Task A_response_body_of_any_size_is_relayed_whole(int size)
    {
        using var client = fixture.Host.CreateClient();

        var body = await client.GetStringAsync($"/api/large/{size}");

        Assert.Equal(size, body.Length);
        Assert.True(body.All(c => c == 'x'));
    }

    [Fact]
    public async Task A_function_that_throws_answers_500_and_its_invocation_reports_the_exception()
    {
        using var client = fixture.Host.CreateClient();
        using var response = await client.GetAsync("/api/explode");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var invocation = fixture.Host.Invocations.Last(i => i.Function == "Explode");
        Assert.Equal(InvocationStatus.Failed, invocation.Status);
        Assert.Contains("Exploded on purpose.", invocation.ExceptionMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/orders/notanumber/lines/abc")] // the int constraint fails
    [InlineData("GET", "/api/nothing-here")]
    [InlineData("DELETE", "/api/reverse")] // wrong method
    [InlineData("GET", "/orders/42/lines/abc")] // no route prefix
    public async Task A_route_miss_is_404_at_once_and_never_invokes_the_worker(string method, string path)
    {
        using var client = fixture.Host.CreateClient();
        var before = HttpInvocations();
        var stopwatch = Stopwatch.StartNew();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}"); // a paired invocation would wait 15 s
        Assert.Equal(before, HttpInvocations());
    }

    private int HttpInvocations() => fixture.Host.Invocations.Count(i => i.TriggerType == "httpTrigger");
}
