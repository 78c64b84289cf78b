namespace ServerlessEvents.Functions.Hosting;

/// <summary>Endpoint metadata naming the function an endpoint serves and the bindings its code reads or writes.</summary>
public sealed record ServedFunction(string Name, bool Forwarded, IReadOnlyList<RequiredBinding> Bindings);
