using System.Text.Json;
using ServerlessEvents.Testing;

namespace ServerlessEvents.UnitTests.Infrastructure;

/// <summary>Reads files of the repository (its root is found by <see cref="RepositoryPaths"/>).</summary>
internal static class RepositoryFiles
{
    public static string Root => RepositoryPaths.Root;

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    public static JsonDocument ReadJson(string relative) =>
        JsonDocument.Parse(Read(relative), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
}
