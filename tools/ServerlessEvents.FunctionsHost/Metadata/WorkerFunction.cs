using System.Text.Json.Nodes;
using ServerlessEvents.FunctionsHost.Rpc;

namespace ServerlessEvents.FunctionsHost.Metadata;

/// <summary>A function the worker indexed: its id, name and bindings.</summary>
public sealed class WorkerFunction
{
    internal WorkerFunction(RpcFunctionMetadata metadata)
    {
        Metadata = metadata;
        Bindings = metadata.RawBindings.Select(raw => new FunctionBinding(JsonNode.Parse(raw)!.AsObject())).ToArray();
        Trigger = Bindings.FirstOrDefault(b => b.IsTrigger)
                  ?? throw new InvalidOperationException($"Function '{metadata.Name}' has no trigger binding.");
    }

    /// <summary>The function name.</summary>
    public string Name => Metadata.Name;

    /// <summary>The worker's id for the function (stable per build).</summary>
    public string Id => Metadata.FunctionId;

    /// <summary>All bindings, trigger first as the worker lists them.</summary>
    public IReadOnlyList<FunctionBinding> Bindings { get; }

    /// <summary>The trigger binding.</summary>
    public FunctionBinding Trigger { get; }

    /// <summary>The output bindings (including <c>$return</c>).</summary>
    public IEnumerable<FunctionBinding> Outputs => Bindings.Where(b => !b.IsInput);

    internal RpcFunctionMetadata Metadata { get; }
}
