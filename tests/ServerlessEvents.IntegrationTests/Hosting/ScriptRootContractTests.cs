using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Hosting;

/// <summary>The built script root and the running handler agree, and the handler speaks the host's protocol.</summary>
[Collection(CustomHandlerCollection.Name)]
public sealed class ScriptRootContractTests(CustomHandlerFixture pipeline)
{
    [Fact]
    public void Function_folders_in_the_build_output_equal_the_functions_the_handler_serves()
    {
        var built = ScriptRootDefinitions.Load(RepositoryPaths.ScriptRoot);
        var served = FunctionManifestValidator.ServedFunctions(pipeline.Handler.Handler);

        Assert.Equal(built.Functions.Keys.Order(StringComparer.OrdinalIgnoreCase), served.Select(s => s.Name).Order(StringComparer.OrdinalIgnoreCase));
        foreach (var function in served)
        {
            var definition = built.Functions[function.Name];
            foreach (var binding in function.Bindings)
            {
                var declared = definition.Binding(binding.Name);
                Assert.True(declared is not null, $"{function.Name}: binding '{binding.Name}' missing from the built function.json");
                Assert.True(declared!.Is(binding.Type), $"{function.Name}: binding '{binding.Name}' is {declared.Type}, the handler expects {binding.Type}");
                Assert.Equal(binding.Direction, declared.Direction, ignoreCase: true);
            }
            Assert.Equal(function.Forwarded, definition.IsForwardedHttp);
        }
    }

    [Fact]
    public void The_script_root_has_host_json_and_the_handler_executable_it_names()
    {
        var root = RepositoryPaths.ScriptRoot;
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "host.json")))!;
        var executable = host["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>();

        Assert.True(File.Exists(Path.Combine(root, executable)) || File.Exists(Path.Combine(root, executable + ".exe")), $"{executable} not in {root}");
        Assert.True(host["customHandler"]!["enableForwardingHttpRequest"]!.GetValue<bool>());
        Assert.Equal("[4.*, 5.0.0)", host["extensionBundle"]!["version"]!.GetValue<string>());
        Assert.Equal("base64", host["extensions"]!["queues"]!["messageEncoding"]!.GetValue<string>());
    }

    [Fact]
    public async Task Root_answers_at_once_without_touching_dependencies()
    {
        using var response = await pipeline.Handler.HandlerClient.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Payload_mode_answers_a_non_empty_object_with_outputs_keyed_by_binding()
    {
        var envelope = new JsonObject
        {
            ["Data"] = new JsonObject { ["timer"] = new JsonObject { ["Schedule"] = new JsonObject { ["AdjustForDST"] = true }, ["IsPastDue"] = false } },
            ["Metadata"] = new JsonObject { ["sys"] = new JsonObject { ["MethodName"] = "outboxSweeper", ["UtcNow"] = DateTime.UtcNow.ToString("O") } },
        };
        using var content = new StringContent(envelope.ToJsonString(), Encoding.UTF8, "application/json");

        using var response = await pipeline.Handler.HandlerClient.PostAsync("/outboxSweeper", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.IsType<JsonObject>(body["Outputs"]);
        Assert.NotEmpty(body["Logs"]!.AsArray());
    }

    [Fact]
    public async Task A_broken_invocation_envelope_fails_the_invocation()
    {
        using var content = new StringContent("not json", Encoding.UTF8, "application/json");

        using var response = await pipeline.Handler.HandlerClient.PostAsync("/outboxSweeper", content);

        Assert.False(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Health_through_the_host_and_directly_reports_each_dependency()
    {
        using var viaHost = await pipeline.Host.Client.GetAsync("/api/health");
        using var direct = await pipeline.Handler.HandlerClient.GetAsync("/api/health");

        foreach (var response in new[] { viaHost, direct })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("Healthy", body["status"]!.GetValue<string>());
            foreach (var dependency in new[] { "tables", "queues", "eventGrid" })
            {
                Assert.Equal("Healthy", body["dependencies"]![dependency]!["status"]!.GetValue<string>());
            }
        }
    }
}
