using System.Text.Json.Nodes;

namespace ServerlessEvents.DevHost;

/// <summary>The <c>Values</c> of a <c>local.settings.json</c>, as <c>func start</c> reads them into app settings.</summary>
internal static class LocalSettings
{
    /// <summary>The values, or an empty set when the file does not exist; throws <see cref="InvalidDataException"/> when it does not parse.</summary>
    public static Dictionary<string, string?> Read(string path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return values;
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {exception.Message}", exception);
        }
        if (root?["Values"] is JsonObject settings)
        {
            foreach (var (key, value) in settings)
            {
                values[key] = value?.ToString();
            }
        }
        return values;
    }
}
