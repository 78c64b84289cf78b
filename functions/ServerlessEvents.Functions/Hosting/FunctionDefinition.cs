using System.Text.Json.Nodes;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>A function as declared by its function.json, which lives next to the code that serves it.</summary>
public sealed record FunctionDefinition(string Name, IReadOnlyList<FunctionBinding> Bindings)
{
    /// <summary>The trigger binding (the one input whose type ends in "Trigger").</summary>
    public FunctionBinding Trigger => Bindings.Single(b => b.IsInput && b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True when the host forwards the raw HTTP request: exactly one input, an httpTrigger, and exactly one
    /// output, of type http. Any other binding makes the host use payload mode at <c>POST /{Name}</c>.
    /// </summary>
    public bool IsForwardedHttp =>
        Bindings.Count(b => b.IsInput) == 1 && Trigger.Is("httpTrigger")
        && Bindings.Count(b => !b.IsInput) == 1 && Bindings.Single(b => !b.IsInput).Is("http");

    /// <summary>The HTTP route template below the <c>api/</c> prefix (the function name when none is set).</summary>
    public string? Route => Trigger.Is("httpTrigger") ? Trigger.Property("route") ?? Name : null;

    /// <summary>The HTTP methods of an httpTrigger, upper case.</summary>
    public IReadOnlyList<string> Methods =>
        Trigger.Properties["methods"] is JsonArray methods
            ? methods.Select(m => m!.GetValue<string>().ToUpperInvariant()).ToArray()
            : [];

    /// <summary>Finds a binding by its exact (case-sensitive) name, as the host does for outputs.</summary>
    public FunctionBinding? Binding(string name) => Bindings.FirstOrDefault(b => b.Name == name);
}
