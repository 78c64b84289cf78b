using System.Text.Json.Nodes;

namespace ServerlessEvents.FunctionsHost.Tests;

/// <summary>What the Event Grid trigger library makes the Worker SDK emit into the sample's build output.</summary>
public sealed class BuildOutputTests
{
    [Fact]
    public void Functions_metadata_declares_eventGridTrigger_bindings_batched_where_asked()
    {
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(SampleWorkerOutput.Directory, "functions.metadata")))!.AsArray();

        var triggers = metadata.ToDictionary(f => f!["name"]!.ToString(), f => f!["bindings"]!.AsArray().Single(b => b!["direction"]!.ToString() == "In")!);

        Assert.Equal(["OnCloudEvent", "OnEventBatch", "OnEventBytes", "OnEventText"],
            triggers.Where(t => t.Value["type"]!.ToString() == "eventGridTrigger").Select(t => t.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Many", triggers["OnEventBatch"]["cardinality"]?.ToString());
        Assert.NotEqual("Many", triggers["OnCloudEvent"]["cardinality"]?.ToString());
    }

    [Fact]
    public void The_host_extensions_include_the_EventGrid_WebJobs_extension()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(SampleWorkerOutput.Directory, "extensions.json")))!;

        var eventGrid = Assert.Single(manifest["extensions"]!.AsArray(), e => e!["name"]!.ToString() == "EventGrid")!;

        Assert.StartsWith("Microsoft.Azure.WebJobs.Extensions.EventGrid.", eventGrid["typeName"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Version=3.3.0.0", eventGrid["typeName"]!.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(SampleWorkerOutput.Directory, ".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.EventGrid.dll")));
    }
}
