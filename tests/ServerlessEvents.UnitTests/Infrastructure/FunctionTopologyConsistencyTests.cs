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
    public void No_function_uses_a_signalr_binding_the_app_calls_the_rest_api_itself()
    {
        var project = RepositoryFiles.PathOf("functions/ServerlessEvents.Functions");
        var files = Directory.EnumerateFiles(project, "*.function.json", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(project, f).Replace('\\', '/').StartsWith("bin/", StringComparison.Ordinal)
                && !Path.GetRelativePath(project, f).Replace('\\', '/').StartsWith("obj/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        var signalR = files.SelectMany(f =>
        {
            using var json = JsonDocument.Parse(File.ReadAllText(f));
            return json.RootElement.GetProperty("bindings").EnumerateArray()
                .Select(b => b.GetProperty("type").GetString() ?? "")
                .Where(t => t.StartsWith("signalR", StringComparison.OrdinalIgnoreCase))
                .Select(t => $"{Path.GetFileName(f)}: {t}")
                .ToList();
        }).ToList();
        Assert.True(signalR.Count == 0, string.Join(", ", signalR));
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
