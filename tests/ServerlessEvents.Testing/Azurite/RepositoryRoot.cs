namespace ServerlessEvents.Testing.Azurite;

/// <summary>Finds the repository root: the nearest ancestor of the test binaries holding ServerlessEvents.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessEvents.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No ServerlessEvents.sln above {AppContext.BaseDirectory}.");
    }
}
