using ServerlessEvents.Functions.Hosting;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ServerlessEvents.Functions.Ingestion;
using static ServerlessEvents.UnitTests.Ingestion.ReaderFixture;

namespace ServerlessEvents.UnitTests.Ingestion;

public class WireFormatTests
{
    private const string StructuredOrder =
        $$"""{"specversion":"1.0","id":"e-1","source":"/shop","type":"order.created","subject":"orders/o-1","time":"2024-05-01T12:00:00+02:00","datacontenttype":"application/json","tenant":"acme","priority":5,"urgent":true,"data":{{OrderData}}}""";

    [Fact]
    public void Structured_cloud_event_keeps_every_attribute_and_extension()
    {
        var e = Single("application/cloudevents+json; charset=utf-8", StructuredOrder);
        Assert.Equal(("e-1", "/shop", "order.created", "orders/o-1", "2024-05-01T12:00:00+02:00"), (e.Id, e.Source, e.Type, e.Subject, e.Time));
        Assert.Equal("application/json", e.DataContentType);
        Assert.Equal("acme", e.StringExtension("tenant"));
        Assert.Equal(5, e.Extensions["priority"].GetInt32());
        Assert.True(e.Extensions["urgent"].GetBoolean());
        Assert.Equal("o-1", e.Data!.Value.GetProperty("orderId").GetString());
        Assert.False(e.IdGenerated);
        Assert.False(e.TimeGenerated);
    }

    [Fact]
    public void Structured_cloud_event_without_time_gets_the_current_utc_time()
    {
        var e = Single("application/cloudevents+json", """{"specversion":"1.0","id":"e","source":"/s","type":"user.created","data":{"userId":"u","email":"u@x.io"}}""");
        Assert.Equal(NowText, e.Time);
        Assert.True(e.TimeGenerated);
    }

    [Fact]
    public void Cloud_event_in_application_json_is_detected_by_specversion()
    {
        Assert.Equal("e-1", Single("application/json", StructuredOrder).Id);
    }

    [Fact]
    public void Batch_reads_each_cloud_event_with_its_index()
    {
        var second = StructuredOrder.Replace("\"e-1\"", "\"e-2\"", StringComparison.Ordinal);
        var results = Read("application/cloudevents-batch+json", $"[{StructuredOrder},{second}]", batch: true);
        Assert.Equal([0, 1], results.Select(r => r.Index));
        Assert.Equal(["e-1", "e-2"], results.Select(r => r.Event!.Id));
    }

    [Fact]
    public void Json_batch_may_mix_envelopes_and_reports_items_separately()
    {
        var body = $$$"""[{{{StructuredOrder}}},{"type":"user.created","data":{"userId":"u","email":"u@x.io"}},{"type":"user.created","data":{}}]""";
        var results = Read("application/json", body, batch: true);
        Assert.True(results[0].IsValid);
        Assert.True(results[1].IsValid);
        Assert.Equal(422, results[2].Status);
        Assert.Contains(results[2].Errors, e => e.Field == "data.userId");
    }

    [Fact]
    public void Simple_envelope_gets_generated_id_time_default_source_and_user_and_correlation_extensions()
    {
        var e = Single("application/json",
            """{"type":"user.created","data":{"userId":"u-1","email":"u@x.io"},"userId":"u-1","correlationId":"corr-9","metadata":{ "ip" : "10.0.0.1", "tries": 2 }}""");
        Assert.Equal(("gen-1", "/serverlessevents/producer", NowText), (e.Id, e.Source, e.Time));
        Assert.True(e.IdGenerated && e.TimeGenerated);
        Assert.Equal("u-1", e.UserId);
        Assert.Equal("corr-9", e.CorrelationId);
        Assert.Equal("""{"ip":"10.0.0.1","tries":2}""", e.StringExtension("metadata"));
        Assert.Equal("application/json", e.DataContentType);
    }

    [Fact]
    public void Simple_envelope_keeps_the_id_source_subject_and_time_it_sends()
    {
        var e = Single("application/json",
            """{"type":"webhook.test","id":"mine","source":"https://shop.example.com","subject":"w-1","time":"2024-01-01T00:00:00Z","data":{"webhookId":"w-1"}}""");
        Assert.Equal(("mine", "https://shop.example.com", "w-1", "2024-01-01T00:00:00Z"), (e.Id, e.Source, e.Subject, e.Time));
    }

    [Fact]
    public void Legacy_envelope_maps_to_cloud_event_attributes_and_dataversion()
    {
        var e = Single("application/json",
            """{"event_id":"L-1","event_type":"product.low_stock","source":"/warehouse","timestamp":"2023-12-31T23:59:59.999Z","version":"2.1","payload":{"productId":"p","sku":"s","name":"n","quantity":1,"threshold":5}}""");
        Assert.Equal(("L-1", "product.low_stock", "/warehouse", "2023-12-31T23:59:59.999Z"), (e.Id, e.Type, e.Source, e.Time));
        Assert.Equal("2.1", e.StringExtension("dataversion"));
        Assert.Equal(1, e.Data!.Value.GetProperty("quantity").GetInt32());
    }

    [Fact]
    public void Legacy_envelope_without_id_source_or_time_gets_defaults_and_numeric_version_becomes_text()
    {
        var e = Single("application/json", """{"event_type":"webhook.test","version":3,"payload":{"webhookId":"w"}}""");
        Assert.Equal(("gen-1", "/serverlessevents/producer", NowText, "3"), (e.Id, e.Source, e.Time, e.StringExtension("dataversion")));
    }

    [Fact]
    public void Binary_mode_with_json_content_makes_the_body_data_and_ce_headers_attributes()
    {
        var headers = new HeaderDictionary
        {
            ["ce-specversion"] = "1.0", ["ce-id"] = "b-1", ["ce-source"] = "/shop", ["ce-type"] = "user.created",
            ["ce-subject"] = "users%2Fu-1", ["ce-time"] = "2024-05-01T00:00:00Z", ["ce-traceparent"] = "00-abc", ["Accept"] = "*/*",
        };
        var e = Single("application/json; charset=UTF-8", """{"userId":"u-1","email":"u@x.io"}""", headers);
        Assert.Equal(("b-1", "/shop", "user.created", "users/u-1", "2024-05-01T00:00:00Z"), (e.Id, e.Source, e.Type, e.Subject, e.Time));
        Assert.Equal("application/json; charset=UTF-8", e.DataContentType);
        Assert.Equal("00-abc", e.StringExtension("traceparent"));
        Assert.Equal("u-1", e.Data!.Value.GetProperty("userId").GetString());
        Assert.Null(e.DataBase64);
    }

    [Fact]
    public void Binary_mode_with_non_json_content_normalises_to_data_base64()
    {
        var headers = new HeaderDictionary { ["ce-specversion"] = "1.0", ["ce-id"] = "b-2", ["ce-source"] = "/cam", ["ce-type"] = "user.created" };
        var bytes = new byte[] { 0, 1, 2, 250, 255 };
        var draft = BinaryModeParser.Read("application/octet-stream", false, headers, bytes);
        Assert.Equal(Convert.ToBase64String(bytes), draft.DataBase64);
        Assert.Null(draft.Data);
        Assert.Equal("application/octet-stream", draft.DataContentType);
        // Catalog types carry JSON objects, so binary data for one is refused on "data".
        var result = Assert.Single(Reader().Read("application/octet-stream", headers, bytes, false));
        Assert.Equal(422, result.Status);
        Assert.Equal("data", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Binary_mode_without_content_type_reads_a_json_body_as_json_data_and_leaves_datacontenttype_absent()
    {
        var headers = new HeaderDictionary { ["ce-specversion"] = "1.0", ["ce-id"] = "b-3", ["ce-source"] = "/shop", ["ce-type"] = "user.created" };
        var result = Assert.Single(Reader().Read(null, headers, Encoding.UTF8.GetBytes("""{"userId":"u-3","email":"u@x.io"}"""), false));
        Assert.Equal(200, result.Status);
        Assert.Equal("u-3", result.Event!.Data!.Value.GetProperty("userId").GetString());
        Assert.Null(result.Event.DataBase64);
        Assert.Null(result.Event.DataContentType);
    }

    [Fact]
    public void Binary_mode_without_content_type_keeps_a_body_that_is_not_json_as_bytes()
    {
        var headers = new HeaderDictionary { ["ce-specversion"] = "1.0", ["ce-id"] = "b-4", ["ce-source"] = "/cam", ["ce-type"] = "user.created" };
        var bytes = new byte[] { 0x7B, 0xFF, 0x00 };
        var draft = BinaryModeParser.Read(null, false, headers, bytes);
        Assert.Equal(Convert.ToBase64String(bytes), draft.DataBase64);
        Assert.Null(draft.Data);
        Assert.Null(draft.DataContentType);
        Assert.Null(BinaryModeParser.Read(null, false, headers, """{"userId":"""u8).Data);
    }

    [Fact]
    public void Data_base64_in_structured_mode_is_read_but_refused_for_a_type_that_requires_json()
    {
        Assert.Equal("AAEC", StructuredEventParser.Read(JsonElement.Parse("""{"data_base64":"AAEC"}""")).DataBase64);
        var result = Assert.Single(Read("application/cloudevents+json", """{"specversion":"1.0","id":"x","source":"/s","type":"system.error","data_base64":"AAEC"}"""));
        Assert.Equal(422, result.Status);
        Assert.Equal("data", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Events_outlive_the_request_buffer()
    {
        var body = Encoding.UTF8.GetBytes(StructuredOrder);
        var e = Reader().Read("application/cloudevents+json", new HeaderDictionary(), body, false)[0].Event!;
        Array.Clear(body);
        Assert.Equal("o-1", e.Data!.Value.GetProperty("orderId").GetString());
        Assert.Equal(JsonValueKind.Object, e.Data.Value.ValueKind);
    }

    [Fact]
    public void Unknown_type_result_becomes_a_422_problem_listing_known_types()
    {
        var reader = Reader();
        var result = Assert.Single(Read("application/json", """{"type":"order.exploded","data":{}}""", reader: reader));
        Assert.True(result.UnknownType);
        var problem = reader.ToProblem(result);
        Assert.Equal(422, problem.Status);
        Assert.Equal(ReaderFixture.Catalog.TypeNames, problem.Extensions["knownTypes"]);
        Assert.Equal("type", Assert.Single(problem.Errors).Field);
    }

    [Fact]
    public async Task Read_async_reads_the_http_request_body_and_headers()
    {
        var context = new DefaultHttpContext();
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(" ", 40_000)) + StructuredOrder);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentType = "application/cloudevents+json";
        var results = await Reader().ReadAsync(context.Request, isBatchEndpoint: false, maxBytes: 100_000);
        Assert.Equal("e-1", Assert.Single(results).Event!.Id);
        Assert.Equal("o-1", results[0].Event!.Data!.Value.GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task Read_async_refuses_a_body_over_the_limit_with_413()
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(" ", 5_000)) + StructuredOrder));
        context.Request.ContentType = "application/cloudevents+json";

        var problem = await Assert.ThrowsAsync<ApiProblemException>(() => Reader().ReadAsync(context.Request, isBatchEndpoint: false, maxBytes: 1_000));

        Assert.Equal(413, problem.Status);
    }

    [Fact]
    public void Invalid_utf8_is_refused_before_parsing()
    {
        var bytes = Encoding.UTF8.GetBytes(StructuredOrder);
        bytes[Array.IndexOf(bytes, (byte)'o')] = 0xFF;

        var problem = Assert.Throws<ApiProblemException>(() => Reader().Read("application/cloudevents+json", new HeaderDictionary(), bytes, isBatchEndpoint: false));

        Assert.Equal(400, problem.Status);
        Assert.Equal("body", Assert.Single(problem.Errors).Field);
    }
}
