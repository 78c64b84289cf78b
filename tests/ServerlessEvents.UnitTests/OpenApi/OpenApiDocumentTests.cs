using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.OpenApi;
using ServerlessEvents.Functions.Tenancy;
using ServerlessEvents.Testing;

namespace ServerlessEvents.UnitTests.OpenApi;

public sealed class OpenApiDocumentTests
{
    private static readonly EventTypeCatalog Catalog = new();
    private static readonly OpenApiDocumentBuilder Builder = new(Catalog);
    private static JsonObject Document => JsonNode.Parse(Builder.Json)!.AsObject();

    [Fact]
    public void Microsoft_OpenApi_reads_the_document_as_3_1_without_errors()
    {
        var (document, errors, _, version) = OpenApiReading.Read(Builder.Json);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_1, version);
        Assert.NotNull(document);
        Assert.Equal(OpenApiDocumentBuilder.HttpFunctions().Sum(f => f.Methods.Length), document!.Paths.Sum(p => p.Value.Operations!.Count));
        Assert.Equal(Catalog.TypeNames.Count, document.Webhooks!.Count);
    }

    [Fact]
    public void Every_HTTP_function_is_described_once_per_method_and_nothing_else()
    {
        var expected = OpenApiDocumentBuilder.HttpFunctions().SelectMany(f => f.Methods.Select(m => $"{m.ToLowerInvariant()} /api/{f.Route}")).Order(StringComparer.Ordinal);
        var described = Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key} {p.Key}")).Order(StringComparer.Ordinal);

        Assert.Equal(expected, described);
        Assert.True(OpenApiDocumentBuilder.HttpFunctions().Count >= 40);
        var keys = OpenApiDocumentBuilder.HttpFunctions().SelectMany(f => f.Methods.Length > 1 ? f.Methods.Select(m => $"{f.Function} {m}") : [f.Function]).Order(StringComparer.Ordinal);
        Assert.Equal(keys, ApiOperations.All.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Protected_operations_name_both_auth_schemes_and_the_401_while_public_ones_need_none()
    {
        foreach (var (function, methods, route, access) in OpenApiDocumentBuilder.HttpFunctions())
        {
            foreach (var method in methods)
            {
                var operation = Document["paths"]![$"/api/{route}"]![method.ToLowerInvariant()]!.AsObject();
                var security = operation["security"]!.AsArray();
                if (access is null)
                {
                    Assert.Empty(security);
                    Assert.Null(operation["responses"]!["401"]);
                }
                else
                {
                    Assert.Equal(["bearerKey", "apiKeyHeader"], security.Select(s => s!.AsObject().Single().Key));
                    Assert.Equal("#/components/schemas/Problem", operation["responses"]!["401"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
                }
                Assert.Equal(access is CallerAccess.Admin, operation["description"]?.GetValue<string>() == "Administrator key only.");
            }
        }
    }

    [Fact]
    public void Path_parameters_follow_the_route_and_ingest_takes_cloudevents()
    {
        var get = Document["paths"]!["/api/webhooks/{id}/deliveries/{deliveryId}/retry"]!["post"]!;
        Assert.Equal(["id", "deliveryId"], get["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == "path").Select(p => p!["name"]!.GetValue<string>()));

        var ingest = Document["paths"]!["/api/events"]!["post"]!;
        Assert.Equal("#/components/schemas/CloudEvent", ingest["requestBody"]!["content"]!["application/cloudevents+json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(ingest["responses"]!["202"]);
        Assert.NotNull(ingest["responses"]!["429"]);
        Assert.Contains(Document["paths"]!["/api/events"]!["get"]!["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "continuationToken");
    }

    [Fact]
    public void Each_event_type_has_its_data_schema_as_a_component_and_a_signed_webhook_entry()
    {
        var schemas = Document["components"]!["schemas"]!.AsObject();
        foreach (var type in Catalog.Types)
        {
            var component = schemas["data." + type.Type]!.AsObject();
            var served = JsonNode.Parse(type.SchemaText)!.AsObject();
            Assert.Equal(served["properties"]!.ToJsonString(), component["properties"]!.ToJsonString());
            Assert.Null(component["$id"]);

            var webhook = Document["webhooks"]![type.Type]!["post"]!;
            Assert.Equal(["webhook-id", "webhook-timestamp", "webhook-signature"], webhook["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
            var body = webhook["requestBody"]!["content"]!["application/cloudevents+json"]!["schema"]!["allOf"]![1]!;
            Assert.Equal(type.Type, body["properties"]!["type"]!["const"]!.GetValue<string>());
            Assert.Equal("#/components/schemas/data." + type.Type, body["properties"]!["data"]!["$ref"]!.GetValue<string>());
        }
    }

    [Fact]
    public void The_document_and_its_etag_are_built_once_and_stable()
    {
        var again = new OpenApiDocumentBuilder(Catalog);

        Assert.Equal(Builder.ETag, again.ETag);
        Assert.Same(Builder.Json, Builder.Json);
        Assert.Matches("^\"[0-9a-f]{32}\"$", Builder.ETag);
    }
}
