using System.Text.Json;

namespace ServerlessEvents.UnitTests.Infrastructure;

/// <summary>Finds files in the repository by walking up from the test binaries to the directory holding ServerlessEvents.sln.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    public static JsonDocument ReadJson(string relative) =>
        JsonDocument.Parse(Read(relative), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessEvents.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("ServerlessEvents.sln not found above " + AppContext.BaseDirectory);
    }
}
