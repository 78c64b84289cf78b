using System.Text.RegularExpressions;
using ServerlessEvents.UnitTests.Infrastructure;

namespace ServerlessEvents.UnitTests.Architecture;

/// <summary>
/// Hosting stays at the edge: only the function classes (<c>*Function.cs</c>, <c>*Functions.cs</c>) and the worker
/// middleware and composition know the isolated worker (its namespace, trigger attributes, FunctionContext,
/// TimerInfo). Handlers, stores and use-case services never see a trigger type or a host envelope.
/// </summary>
public sealed class HostingBoundaryTests
{
    private static readonly Regex WorkerModel = new(
        @"\bMicrosoft\.Azure\.Functions\.Worker\b|\b(FunctionContext|TimerInfo|HttpTrigger|QueueTrigger|TimerTrigger|EventGridTrigger|IFunctionsWorkerMiddleware)\b",
        RegexOptions.Compiled);

    private static readonly Regex FunctionClass = new(@"Functions?\.cs$", RegexOptions.Compiled);

    private static readonly string[] Edge =
    [
        "ServerlessEventsWorker.cs", "Platform/Hosting/ProblemMiddleware.cs", "Platform/Hosting/WorkerFunctionMethods.cs", "Platform/Hosting/WorkerTelemetry.cs",
        "Platform/Storage/StorageReadinessMiddleware.cs", "Platform/Tenancy/CallerAuthenticationMiddleware.cs",
        // Describes the HTTP surface from the functions' own attributes ([Function], [HttpTrigger]).
        "Platform/OpenApi/OpenApiDocumentBuilder.cs",
    ];

    private static IEnumerable<(string Relative, string Path)> SourceFiles()
    {
        var project = RepositoryFiles.PathOf("functions/ServerlessEvents.Functions");
        return Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(project, f).Replace('\\', '/'), Path: f))
            .Where(f => !f.Relative.StartsWith("bin/", StringComparison.Ordinal) && !f.Relative.StartsWith("obj/", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_function_classes_and_the_worker_middleware_reference_the_worker()
    {
        var offenders = SourceFiles()
            .Where(f => !FunctionClass.IsMatch(f.Relative) && !Edge.Contains(f.Relative))
            .SelectMany(f => WorkerModel.Matches(File.ReadAllText(f.Path)).Select(m => $"{f.Relative}: {m.Value}"))
            .Distinct()
            .ToList();

        Assert.True(offenders.Count == 0, "Outside the hosting edge: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Function_classes_hold_functions_and_the_check_sees_them()
    {
        var functionClasses = SourceFiles().Where(f => FunctionClass.IsMatch(f.Relative)).ToList();

        Assert.True(functionClasses.Count >= 20);
        Assert.All(functionClasses, f => Assert.Contains("[Function(", File.ReadAllText(f.Path), StringComparison.Ordinal));
        Assert.All(Edge, e => Assert.Matches(WorkerModel, File.ReadAllText(SourceFiles().Single(f => f.Relative == e).Path)));
    }

    [Fact]
    public void No_custom_handler_is_left_in_the_app_or_the_infrastructure()
    {
        var leftovers = new[] { "functions", "infra" }
            .SelectMany(root => Directory.EnumerateFiles(RepositoryFiles.PathOf(root), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"customHandler|FUNCTIONS_CUSTOMHANDLER_PORT|function\.json|extensionBundle", RegexOptions.IgnoreCase)
                .Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .Distinct()
            .ToList();

        Assert.True(leftovers.Count == 0, "Custom-handler leftovers: " + string.Join(", ", leftovers));
    }
}
