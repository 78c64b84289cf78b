using ServerlessEvents.Testing;

namespace ServerlessEvents.FunctionsHost.Tests;

/// <summary>The sample worker's build output, in the same configuration as the running tests.</summary>
internal static class SampleWorkerOutput
{
    public static string Directory
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var path = Path.Combine(RepositoryPaths.Root, "tests", "ServerlessEvents.SampleWorker", "bin", configuration, "net10.0");
            return File.Exists(Path.Combine(path, "functions.metadata"))
                ? path
                : throw new InvalidOperationException($"No sample worker build at {path}; build tests/ServerlessEvents.SampleWorker ({configuration}) first.");
        }
    }
}
