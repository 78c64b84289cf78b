namespace ServerlessEvents.Functions.Catalog;

/// <summary>One event type of the catalog: its name, version, data record and JSON Schema.</summary>
public sealed class EventTypeInfo
{
    internal EventTypeInfo(string type, string version, Type dataType, string schemaText, DataSchema schema)
    {
        Type = type;
        Version = version;
        DataType = dataType;
        SchemaText = schemaText;
        SchemaUtf8 = System.Text.Encoding.UTF8.GetBytes(schemaText);
        Schema = schema;
    }

    /// <summary>The CloudEvents <c>type</c>, e.g. <c>order.created</c>.</summary>
    public string Type { get; }

    /// <summary>The version of the data shape.</summary>
    public string Version { get; }

    /// <summary>The record <c>data</c> deserializes into.</summary>
    public Type DataType { get; }

    /// <summary>The JSON Schema (draft 2020-12) of <c>data</c>, as text.</summary>
    public string SchemaText { get; }

    /// <summary>The JSON Schema as UTF-8 bytes, ready to serve.</summary>
    public ReadOnlyMemory<byte> SchemaUtf8 { get; }

    /// <summary>Where the API serves the schema (a path relative to the handler's root).</summary>
    public string SchemaUrl => "/api/event-types/" + Uri.EscapeDataString(Type);

    /// <summary>The schema, built once with JsonSchema.Net; validates <c>data</c>.</summary>
    internal DataSchema Schema { get; }
}
