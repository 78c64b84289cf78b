using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Api;

/// <summary>
/// The one body reader of the management and query endpoints, through the real worker: media type (415), text
/// (UTF-8, surrogates), repeated members and control characters (400 naming the field), on two unrelated endpoints.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class JsonBodyRulesTests(PipelineFixture pipeline)
{
    private const string Webhook = "{\"url\":\"https://example.com/hook\",\"eventTypes\":[\"order.created\"]}";

    public static TheoryData<string, string> Endpoints => new() { { "POST", "/api/webhooks" }, { "PUT", "/api/settings/retention" } };

    private static readonly (string Name, byte[] Sequence)[] BrokenText =
    [
        ("\\xff", [0xFF]), ("\\xc3(", [0xC3, 0x28]), ("an encoded surrogate \\xed\\xa0\\x80", [0xED, 0xA0, 0x80]),
        ("an overlong \\xc0\\xaf", [0xC0, 0xAF]), ("a truncated \\xe2\\x82", [0xE2, 0x82]),
    ];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Anything_but_a_JSON_media_type_is_a_415_naming_the_Content_Type(string method, string path)
    {
        using var tenant = await pipeline.CreateTenantAsync("jb");
        foreach (var contentType in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", null, "application/json; charset=latin1" })
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"days\":7}"));
            if (contentType is not null)
            {
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
            using var response = await tenant.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = content });
            var problem = await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
            Assert.Equal("Content-Type", problem["errors"]![0]!["field"]!.GetValue<string>());
        }
        using var vendor = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"days\":7}"));
        vendor.Headers.ContentType = MediaTypeHeaderValue.Parse("application/merge-patch+json");
        using var accepted = await tenant.Http.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/settings/retention") { Content = vendor });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Invalid_UTF_8_lone_surrogates_and_repeated_members_are_400s_control_characters_422s_each_naming_the_field_and_nothing_is_stored()
    {
        using var tenant = await pipeline.CreateTenantAsync("jb");
        foreach (var (name, sequence) in BrokenText)
        {
            var at = Webhook.IndexOf("hook", StringComparison.Ordinal);
            byte[] body = [.. Encoding.UTF8.GetBytes(Webhook[..at]), .. sequence, .. Encoding.UTF8.GetBytes(Webhook[at..])];
            var problem = await ProblemAsync(await PostAsync(tenant, body), HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]![0]!["field"]!.GetValue<string>() == "body", name);
        }
        var surrogate = await ProblemAsync(await PostAsync(tenant, Encoding.UTF8.GetBytes(Webhook.Replace("hook", "\\ud800", StringComparison.Ordinal))), HttpStatusCode.BadRequest);
        Assert.Contains("escape", surrogate["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var repeated = await ProblemAsync(await PostAsync(tenant, Encoding.UTF8.GetBytes(Webhook.TrimEnd('}') + ",\"url\":\"https://example.org/other\"}")), HttpStatusCode.BadRequest);
        Assert.Equal("url", repeated["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Contains("repeated", repeated["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var nul = await ProblemAsync(await PostAsync(tenant, Encoding.UTF8.GetBytes(Webhook.Replace("hook", "ho\\u0000ok", StringComparison.Ordinal))), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("url", nul["errors"]![0]!["field"]!.GetValue<string>());
        var nested = await ProblemAsync(await PostAsync(tenant, Encoding.UTF8.GetBytes(Webhook.TrimEnd('}') + ",\"description\":\"a\\u001bb\"}")), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("description", nested["errors"]![0]!["field"]!.GetValue<string>());

        // Nothing was stored on the way.
        var list = await tenant.Http.GetFromJsonAsync<JsonObject>("/api/webhooks");
        Assert.Empty(list!["items"]!.AsArray());
        using var valid = await PostAsync(tenant, Encoding.UTF8.GetBytes(Webhook.TrimEnd('}') + ",\"description\":\"line one\\nline two\"}"));
        Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(TenantClient tenant, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await tenant.Http.PostAsync("/api/webhooks", content);
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return JsonNode.Parse(text)!.AsObject();
        }
    }
}
