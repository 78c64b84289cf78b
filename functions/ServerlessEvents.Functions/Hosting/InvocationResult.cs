using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>
/// The answer to a payload-mode invocation: always a non-empty JSON object. <c>Outputs</c> is keyed by the
/// exact, case-sensitive binding name; values are objects or arrays, never bare strings (the host would try
/// to base64-decode those).
/// </summary>
public sealed class InvocationResult
{
    /// <summary>Output binding values by binding name.</summary>
    [JsonPropertyName("Outputs")]
    public Dictionary<string, JsonNode?> Outputs { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines the host writes to the invocation log.</summary>
    [JsonPropertyName("Logs")]
    public List<string> Logs { get; } = [];

    /// <summary>The value of a <c>$return</c> binding, if any.</summary>
    [JsonPropertyName("ReturnValue")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonNode? ReturnValue { get; set; }

    /// <summary>Sets the http output binding: an object with a numeric status code, string headers and a string body.</summary>
    public InvocationResult WithHttpResponse(string bindingName, int statusCode, string body, string contentType = "application/json")
    {
        Outputs[bindingName] = new JsonObject
        {
            ["statusCode"] = statusCode,
            ["headers"] = new JsonObject { ["Content-Type"] = contentType },
            ["body"] = body,
        };
        return this;
    }

    /// <summary>Appends items to a collector output (queue, signalR, eventGrid), always as a JSON array.</summary>
    public InvocationResult AddOutputItems(string bindingName, IEnumerable<JsonNode> items)
    {
        if (Outputs.TryGetValue(bindingName, out var existing) && existing is JsonArray array)
        {
            foreach (var item in items)
            {
                array.Add(item);
            }
        }
        else
        {
            Outputs[bindingName] = new JsonArray(items.ToArray());
        }
        return this;
    }
}
