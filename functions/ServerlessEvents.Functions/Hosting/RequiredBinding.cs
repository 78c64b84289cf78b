namespace ServerlessEvents.Functions.Hosting;

/// <summary>A binding the handler code relies on; start-up fails when the function.json lacks it.</summary>
public sealed record RequiredBinding(string Name, string Type, string Direction)
{
    /// <summary>An input or trigger binding.</summary>
    public static RequiredBinding In(string name, string type) => new(name, type, "in");

    /// <summary>An output binding.</summary>
    public static RequiredBinding Out(string name, string type) => new(name, type, "out");
}
