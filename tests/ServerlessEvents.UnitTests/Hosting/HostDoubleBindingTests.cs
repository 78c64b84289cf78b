using ServerlessEvents.Testing;

namespace ServerlessEvents.UnitTests.Hosting;

/// <summary>The host double refuses what the host would refuse, and bindings it cannot carry out.</summary>
public sealed class HostDoubleBindingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("script-root-").FullName;

    public HostDoubleBindingTests() =>
        File.WriteAllText(Path.Combine(_root, "host.json"), """{"version":"2.0","customHandler":{"description":{"defaultExecutablePath":"handler"}}}""");

    private void Function(string name, string bindings)
    {
        Directory.CreateDirectory(Path.Combine(_root, name));
        File.WriteAllText(Path.Combine(_root, name, "function.json"), "{\"bindings\":[" + bindings + "]}");
    }

    private const string Http = """{"type":"httpTrigger","direction":"in","name":"req","methods":["post"],"route":"x"},{"type":"http","direction":"out","name":"res"}""";
    private const string EventGrid = """{"type":"eventGridTrigger","direction":"in","name":"event"}""";

    [Fact]
    public void A_script_root_of_forwarded_http_and_trigger_functions_loads()
    {
        Function("a", Http);
        Function("b", EventGrid);

        Assert.Equal(["a", "b"], ScriptRootDefinitions.Load(_root).Functions.Keys.Order());
    }

    [Theory]
    [InlineData("""{"type":"signalR","direction":"out","name":"signalR","hubName":"events"}""", "'signalR' is not emulated")]
    [InlineData("""{"type":"signalRConnectionInfo","direction":"in","name":"info","hubName":"events"}""", "'signalRConnectionInfo' is not emulated")]
    [InlineData("""{"type":"cosmosDB","direction":"out","name":"doc"}""", "'cosmosDB' is not in the extension bundle")]
    public void A_binding_the_double_cannot_carry_out_or_the_bundle_lacks_is_refused(string binding, string reason)
    {
        Function("b", EventGrid + "," + binding);

        var refused = Assert.Throws<InvalidOperationException>(() => ScriptRootDefinitions.Load(_root));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_http_function_the_host_would_not_forward_is_refused()
    {
        Function("a", """{"type":"httpTrigger","direction":"in","name":"req","methods":["post"],"route":"x"},{"type":"http","direction":"out","name":"res"},{"type":"http","direction":"out","name":"res2"}""");

        var refused = Assert.Throws<InvalidOperationException>(() => ScriptRootDefinitions.Load(_root));

        Assert.Contains("only forwards HTTP", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
