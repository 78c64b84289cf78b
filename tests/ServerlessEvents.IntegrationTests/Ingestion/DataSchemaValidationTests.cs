using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Ingestion;

/// <summary>
/// Event data is validated with JsonSchema.Net against the schema the catalog serves: through the host, an invalid
/// event gets a 422 problem+json naming each field, and the served schema, built with JsonSchema.Net here, judges
/// the same data the same way.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class DataSchemaValidationTests(PipelineFixture pipeline)
{
    private static JsonObject InvalidOrder()
    {
        var data = EventSamples.OrderCreatedData("o-schema");
        data["customerEmail"] = "not-an-email";
        data["currency"] = "eur";
        data["colour"] = "red";
        data.Remove("customerId");
        data["items"] = new JsonArray(
            new JsonObject { ["sku"] = "S1", ["name"] = "Mug", ["quantity"] = 1, ["unitPrice"] = 2.5m },
            new JsonObject { ["sku"] = "S2", ["name"] = "Cup", ["quantity"] = 1.0m, ["unitPrice"] = 1m },
            new JsonObject { ["name"] = "Lid", ["quantity"] = 0, ["unitPrice"] = 1m, ["gift"] = true });
        return data;
    }

    [Fact]
    public async Task Invalid_data_is_a_422_problem_with_one_error_per_field_in_path_notation()
    {
        using var tenant = await pipeline.CreateTenantAsync("schema");

        using var response = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("schema-bad-1", data: InvalidOrder()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray()
            .ToDictionary(e => e!["field"]!.GetValue<string>(), e => e!["message"]!.GetValue<string>());
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["data.customerId"] = "is required",
                ["data.customerEmail"] = "must be an email address",
                ["data.currency"] = "must match the pattern ^[A-Z]{3}$",
                ["data.colour"] = "is not a known member of this event type",
                ["data.items[1].quantity"] = "must be an integer written without a fraction or exponent that fits int32, not 1.0",
                ["data.items[2].sku"] = "is required",
                ["data.items[2].quantity"] = "must be at least 1",
                ["data.items[2].gift"] = "is not a known member of this event type",
            }.OrderBy(p => p.Key),
            errors.OrderBy(p => p.Key));
        using var list = await tenant.Http.GetAsync("/api/events");
        Assert.Equal(0, (await list.Content.ReadFromJsonAsync<JsonObject>())!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_served_schema_built_with_JsonSchema_Net_agrees_with_the_ingest_path()
    {
        using var tenant = await pipeline.CreateTenantAsync("schema");
        var served = await pipeline.Host.Client.GetStringAsync("/api/event-types/order.created");
        var schema = JsonSchema.FromText(served, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var options = new EvaluationOptions { RequireFormatValidation = true, OutputFormat = OutputFormat.List };
        var good = EventSamples.OrderCreatedData("o-schema-good");
        var bad = InvalidOrder();

        var goodVerdict = schema.Evaluate(JsonSerializer.SerializeToElement(good), options);
        var badVerdict = schema.Evaluate(JsonSerializer.SerializeToElement(bad), options);
        using var accepted = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("schema-good-1", data: good));
        using var refused = await tenant.Http.PostCloudEventAsync(EventSamples.CloudEvent("schema-bad-2", data: bad));

        Assert.True(goodVerdict.IsValid);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.False(badVerdict.IsValid);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var failedPointers = badVerdict.Details!.Where(d => d.Errors is { Count: > 0 }).Select(d => d.InstanceLocation.ToString()).ToHashSet();
        Assert.Superset(new HashSet<string> { "/customerEmail", "/currency", "/colour", "/items/2" }, failedPointers);
    }
}
