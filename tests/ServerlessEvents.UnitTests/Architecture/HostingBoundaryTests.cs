using System.Text.RegularExpressions;
using ServerlessEvents.UnitTests.Infrastructure;

namespace ServerlessEvents.UnitTests.Architecture;

/// <summary>Handlers and stores know nothing of the custom-handler model; only the hosting edge does.</summary>
public sealed class HostingBoundaryTests
{
    // The custom-handler types and the binding vocabulary of function.json.
    private static readonly Regex HostModel = new(
        @"\b(InvocationRequest|InvocationResult|RequiredBinding|MapPayloadFunction|OutputBindings|HostValueDecoder)\b|""signalR""|""queueTrigger""|""timerTrigger""|""eventGridTrigger""",
        RegexOptions.Compiled);

    private static readonly string[] Edge = ["Hosting/", "Subscribers/SubscriberEndpoints.cs"];

    [Fact]
    public void Only_the_hosting_edge_references_custom_handler_types_or_binding_names()
    {
        var project = RepositoryFiles.PathOf("functions/ServerlessEvents.Functions");
        var offenders = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(project, f).Replace('\\', '/'), Path: f))
            .Where(f => !f.Relative.StartsWith("bin/", StringComparison.Ordinal) && !f.Relative.StartsWith("obj/", StringComparison.Ordinal))
            .Where(f => !Edge.Any(e => f.Relative.StartsWith(e, StringComparison.Ordinal)))
            .SelectMany(f => HostModel.Matches(File.ReadAllText(f.Path)).Select(m => $"{f.Relative}: {m.Value}"))
            .Distinct()
            .ToList();

        Assert.True(offenders.Count == 0, "Outside the hosting edge: " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_boundary_check_sees_the_edge_itself()
    {
        var edge = RepositoryFiles.Read("functions/ServerlessEvents.Functions/Subscribers/SubscriberEndpoints.cs");

        Assert.Matches(HostModel, edge);
    }
}
