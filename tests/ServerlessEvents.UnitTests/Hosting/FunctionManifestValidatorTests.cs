using System.Text.Json.Nodes;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.UnitTests.Hosting;

public sealed class FunctionManifestValidatorTests
{
    [Fact]
    public void The_shipped_manifest_declares_every_function_with_one_trigger()
    {
        var manifest = FunctionManifest.Load(typeof(FunctionManifest).Assembly);

        Assert.NotEmpty(manifest.Functions);
        Assert.All(manifest.Functions.Values, f => Assert.NotNull(f.Trigger));
        Assert.DoesNotContain(manifest.Functions.Values, f => f.Name.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || (f.Route ?? "").StartsWith("admin", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Missing_code_missing_definitions_and_mismatched_bindings_are_all_reported()
    {
        var manifest = FunctionManifest.Load(typeof(FunctionManifest).Assembly);
        var declared = manifest.Functions.Keys.First();
        var served = new List<ServedFunction>
        {
            new("ghost", true, []),
            new("outboxSweeper", false, [RequiredBinding.In("timer", "queueTrigger")]),
        };

        var problems = FunctionManifestValidator.Problems(manifest, served);

        Assert.Contains(problems, p => p.Contains("'ghost' is served but has no function.json", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'outboxSweeper' needs binding 'timer' (queueTrigger", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains($"declares '{declared}'", StringComparison.Ordinal) || declared == "outboxSweeper");
    }

    [Fact]
    public void Forwarding_applies_only_to_http_in_and_http_out()
    {
        var forwarded = FunctionManifest.Parse("a", JsonNode.Parse("""{"bindings":[{"type":"httpTrigger","direction":"in","name":"req","methods":["get"],"route":"x/{id}"},{"type":"http","direction":"out","name":"res"}]}""")!.AsObject());
        var payload = FunctionManifest.Parse("b", JsonNode.Parse("""{"bindings":[{"type":"httpTrigger","direction":"in","name":"req","methods":["post"]},{"type":"signalRConnectionInfo","direction":"in","name":"info"},{"type":"http","direction":"out","name":"res"}]}""")!.AsObject());

        Assert.True(forwarded.IsForwardedHttp);
        Assert.Equal("x/{id}", forwarded.Route);
        Assert.Equal(["GET"], forwarded.Methods);
        Assert.False(payload.IsForwardedHttp);
        Assert.Equal("b", payload.Route);
    }
}
