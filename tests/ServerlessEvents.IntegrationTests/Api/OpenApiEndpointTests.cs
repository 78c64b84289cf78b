using System.Net;
using System.Net.Http.Headers;
using ServerlessEvents.IntegrationTests.Hosting;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Api;

/// <summary><c>GET /api/openapi.json</c> through the real worker: what the build declares, readable by Microsoft.OpenApi, cacheable.</summary>
[Collection(PipelineCollection.Name)]
public sealed class OpenApiEndpointTests(PipelineFixture pipeline)
{
    [Fact]
    public async Task The_document_is_anonymous_cacheable_and_lists_exactly_the_HTTP_functions_of_the_build()
    {
        using var response = await pipeline.Host.Client.GetAsync("/api/openapi.json");
        var json = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl?.MaxAge);
        var (document, errors, _, _) = OpenApiReading.Read(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var described = document!.Paths.SelectMany(p => p.Value.Operations!.Select(o => (o.Key.Method.ToUpperInvariant(), p.Key["/api/".Length..], o.Value.OperationId)))
            .Order().ToArray();
        var built = FunctionAppBuildOutputTests.HttpSurface.Select(s => (s.Method, s.Route)).Order().ToArray();
        Assert.Equal(built, described.Select(d => (d.Item1, d.Item2)).ToArray());
        Assert.All(described, d => Assert.StartsWith(FunctionAppBuildOutputTests.HttpSurface.Single(s => s.Method == d.Item1 && s.Route == d.Item2).Function, d.OperationId!, StringComparison.Ordinal));

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/openapi.json");
        again.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(response.Headers.ETag!.ToString()));
        using var notModified = await pipeline.Host.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }
}
