namespace ServerlessEvents.Functions.Catalog;

/// <summary>
/// Marks a record as the <c>data</c> of an event type in the catalog. <see cref="EventTypeCatalog"/> discovers
/// every marked type by reflection, so adding an event type means adding one record.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EventTypeAttribute(string type, string version) : Attribute
{
    /// <summary>The CloudEvents <c>type</c>, e.g. <c>order.created</c>.</summary>
    public string Type { get; } = type;

    /// <summary>The version of the data shape, e.g. <c>1.0</c>.</summary>
    public string Version { get; } = version;
}
