namespace ServerlessEvents.Testing;

/// <summary>Finds the repository and the worker apps' build output from a test's base directory.</summary>
public static class RepositoryPaths
{
    /// <summary>The directory holding ServerlessEvents.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The isolated worker app's build output (functions.metadata, worker.config.json, .azurefunctions/).</summary>
    public static string FunctionApp => WorkerOutput(Path.Combine("functions", "ServerlessEvents.FunctionApp"));

    /// <summary>The test worker's build output: the product app plus the seams (ServerlessEvents.Testing/Seams).</summary>
    public static string TestWorker => WorkerOutput(Path.Combine("tests", "ServerlessEvents.TestWorker"));

    /// <summary>The build output of a worker project (relative to the repository root), same configuration as the tests.</summary>
    public static string WorkerOutput(string project)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(Root, project, "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(path, "functions.metadata"))
            ? path
            : throw new InvalidOperationException($"No worker build at {path}; build {project} ({configuration}) first.");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ServerlessEvents.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("ServerlessEvents.sln not found above " + AppContext.BaseDirectory);
    }
}
