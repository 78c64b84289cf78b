using Microsoft.Extensions.Configuration;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.UnitTests.Ingestion;

namespace ServerlessEvents.UnitTests.Catalog;

public class CatalogResponsesTests
{
    [Fact]
    public async Task List_answers_every_type_with_version_and_schema_url()
    {
        var (status, contentType, body) = await Execute(CatalogResponses.List(ReaderFixture.Catalog));
        Assert.Equal(200, status);
        Assert.Equal("application/json", contentType);
        var items = JsonDocument.Parse(body).RootElement.EnumerateArray().ToArray();
        Assert.Equal(ReaderFixture.Catalog.Types.Count, items.Length);
        var order = items.Single(i => i.GetProperty("type").GetString() == "order.created");
        Assert.Equal("1.0", order.GetProperty("version").GetString());
        Assert.Equal("/api/event-types/order.created", order.GetProperty("schemaUrl").GetString());
    }

    [Theory]
    [InlineData("", "application/schema+json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/schema+json, application/json;q=0.5", "application/schema+json")]
    [InlineData("*/*", "application/schema+json")]
    public async Task Get_serves_the_schema_in_the_accepted_media_type(string accept, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Accept = accept;
        var (status, contentType, body) = await Execute(CatalogResponses.Get("order.shipped", context.Request, ReaderFixture.Catalog));
        Assert.Equal(200, status);
        Assert.Equal(expected, contentType);
        Assert.Equal("order.shipped", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void Get_of_an_unknown_type_is_a_404_problem_listing_known_types()
    {
        var problem = Assert.Throws<ApiProblemException>(() => CatalogResponses.Get("nope.nope", new DefaultHttpContext().Request, ReaderFixture.Catalog));
        Assert.Equal(404, problem.Status);
        Assert.Equal(ReaderFixture.Catalog.TypeNames, problem.Extensions["knownTypes"]);
    }

    [Fact]
    public void Module_registers_the_catalog()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCatalog(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        Assert.NotEmpty(provider.GetRequiredService<EventTypeCatalog>().Types);
    }

    private static async Task<(int Status, string? ContentType, byte[] Body)> Execute(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, context.Response.ContentType, body.ToArray());
    }
}
