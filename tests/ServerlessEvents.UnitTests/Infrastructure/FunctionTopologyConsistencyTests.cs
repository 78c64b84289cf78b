using System.Text.Json;
using System.Text.RegularExpressions;
using ServerlessEvents.Functions.Storage;
using ServerlessEvents.Functions.Topology;

namespace ServerlessEvents.UnitTests.Infrastructure;

public sealed class FunctionTopologyConsistencyTests
{
    private static TopologyDocument Topology => TopologyReader.LoadFile(RepositoryFiles.PathOf("infra/topology.json"));

    private static Dictionary<string, JsonElement> EventGridFunctions()
    {
        var project = RepositoryFiles.PathOf("functions/ServerlessEvents.Functions");
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(project, "*.function.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(project, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
                continue;
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var trigger = json.RootElement.GetProperty("bindings").EnumerateArray()
                .FirstOrDefault(b => string.Equals(b.GetProperty("type").GetString(), "eventGridTrigger", StringComparison.OrdinalIgnoreCase));
            if (trigger.ValueKind == JsonValueKind.Object)
                result.Add(Path.GetFileName(file)[..^".function.json".Length], json.RootElement.Clone());
        }
        return result;
    }

    [Fact]
    public void Every_eventGridTrigger_function_has_exactly_one_topology_subscription_and_vice_versa()
    {
        var functions = EventGridFunctions().Keys.Order().ToList();
        var handlers = Topology.Handlers.Select(h => h.FunctionName).Order().ToList();
        Assert.NotEmpty(functions);
        Assert.Equal(functions, handlers);
    }

    [Fact]
    public void Event_grid_triggers_bind_an_input_named_event()
    {
        foreach (var (name, json) in EventGridFunctions())
        {
            var trigger = json.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "eventGridTrigger");
            Assert.True(trigger.GetProperty("name").GetString() == "event", $"{name}: trigger binding must be named 'event'");
            Assert.True(trigger.GetProperty("direction").GetString() == "in", $"{name}: trigger binding must be direction 'in'");
        }
    }

    [Fact]
    public void SignalR_output_bindings_use_the_connection_setting_infra_provides()
    {
        var outputs = EventGridFunctions().Values
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => string.Equals(b.GetProperty("type").GetString(), "signalR", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.Equal(2, outputs.Count);
        Assert.All(outputs, b => Assert.Equal("AzureSignalRConnectionString", b.GetProperty("connectionStringSetting").GetString()));
        Assert.All(outputs, b => Assert.Equal("events", b.GetProperty("hubName").GetString()));
    }

    [Fact]
    public void Topology_tables_and_queues_equal_the_names_the_code_uses()
    {
        Assert.Equal(TableNames.All.Order(StringComparer.Ordinal), Topology.Storage.Tables.Order(StringComparer.Ordinal));
        Assert.Equal(QueueNames.All.Order(StringComparer.Ordinal), Topology.Storage.Queues.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_postdeploy_hook_line_reader_sees_every_handler()
    {
        // postdeploy.sh reads "functionName": "<name>" line by line with sed; one name per line keeps that exact.
        var lines = RepositoryFiles.Read("infra/topology.json").Split('\n');
        var byLine = lines.Select(l => Regex.Match(l, "\"functionName\"\\s*:\\s*\"([^\"]*)\""))
            .Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Topology.Handlers.Select(h => h.FunctionName), byLine);
    }

    [Fact]
    public void The_build_copies_the_same_topology_next_to_the_binaries()
    {
        var copied = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, TopologyReader.FileName));
        Assert.Equal(RepositoryFiles.Read("infra/topology.json"), copied);
        Assert.Equal(Topology.Handlers.Count, TopologyReader.LoadDefault().Handlers.Count);
    }

    [Fact]
    public void The_email_handler_receives_only_the_events_it_mails()
    {
        var email = Topology.Handlers.Single(h => h.FunctionName == "email");
        Assert.Equal(["order.created", "order.shipped", "user.created", "product.low_stock", "ai.anomaly_detected"], email.Filter.IncludedEventTypes!);
        Assert.All(Topology.Handlers.Where(h => h.FunctionName != "email"), h => Assert.Null(h.Filter.IncludedEventTypes));
        Assert.All(Topology.Handlers, h => Assert.Equal(1, h.MaxEventsPerBatch));
    }
}
