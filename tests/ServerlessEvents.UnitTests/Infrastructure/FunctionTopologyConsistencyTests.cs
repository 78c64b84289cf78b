using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServerlessEvents.Functions.Storage;
using ServerlessEvents.Emulators.Topology;

namespace ServerlessEvents.UnitTests.Infrastructure;

public sealed class FunctionTopologyConsistencyTests
{
    private static TopologyDocument Topology => TopologyReader.LoadFile(RepositoryFiles.PathOf("infra/topology.json"));

    private static IEnumerable<(string Name, MethodInfo Method)> WorkerFunctions() =>
        typeof(ServerlessEvents.Functions.FeatureRegistration).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(m => (m.GetCustomAttribute<FunctionAttribute>()!.Name, m));

    private static IEnumerable<string> EventGridFunctions() =>
        WorkerFunctions().Where(f => f.Method.GetParameters().Any(p => p.GetCustomAttribute<EventGridTriggerAttribute>() is not null)).Select(f => f.Name);

    [Fact]
    public void Every_eventGridTrigger_function_has_exactly_one_topology_subscription_and_vice_versa()
    {
        var functions = EventGridFunctions().Order().ToList();
        var handlers = Topology.Handlers.Select(h => h.FunctionName).Order().ToList();
        Assert.NotEmpty(functions);
        Assert.Equal(functions, handlers);
    }

    [Fact]
    public void No_function_uses_a_signalr_binding_the_app_calls_the_rest_api_itself()
    {
        var functions = WorkerFunctions().ToList();
        Assert.NotEmpty(functions);
        var signalR = functions.SelectMany(f => f.Method.GetParameters().SelectMany(p => p.GetCustomAttributes())
                .Concat(f.Method.ReturnParameter.GetCustomAttributes())
                .Where(a => a.GetType().Name.Contains("SignalR", StringComparison.OrdinalIgnoreCase))
                .Select(a => $"{f.Name}: {a.GetType().Name}"))
            .ToList();
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
    public void The_dev_host_build_carries_the_same_topology_and_the_app_none()
    {
        var devHost = RepositoryFiles.Read("tools/ServerlessEvents.DevHost/ServerlessEvents.DevHost.csproj");
        Assert.Contains(@"<None Include=""..\..\infra\topology.json"" Link=""topology.json""", devHost, StringComparison.Ordinal);
        Assert.DoesNotContain("topology.json", RepositoryFiles.Read("functions/ServerlessEvents.Functions/ServerlessEvents.Functions.csproj"), StringComparison.Ordinal);
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
