using System.Globalization;

namespace ServerlessEvents.FunctionsHost.Rpc;

/// <summary>TypedData helpers: encode values as the host does, and read outputs back as text.</summary>
internal static class TypedDataText
{
    public static TypedData String(string value) => new() { String = value };

    public static TypedData Json(string json) => new() { Json = json };

    /// <summary>A value that the host would send as JSON text (numbers, dates, objects).</summary>
    public static TypedData JsonValue<T>(T value) => new() { Json = System.Text.Json.JsonSerializer.Serialize(value) };

    /// <summary>The output as text: strings and JSON as they are, bytes as UTF-8, numbers invariant.</summary>
    public static string? ToText(TypedData? data) => data?.DataCase switch
    {
        TypedData.DataOneofCase.String => data.String,
        TypedData.DataOneofCase.Json => data.Json,
        TypedData.DataOneofCase.Bytes => data.Bytes.ToStringUtf8(),
        TypedData.DataOneofCase.Stream => data.Stream.ToStringUtf8(),
        TypedData.DataOneofCase.Int => data.Int.ToString(CultureInfo.InvariantCulture),
        TypedData.DataOneofCase.Double => data.Double.ToString(CultureInfo.InvariantCulture),
        TypedData.DataOneofCase.CollectionString => System.Text.Json.JsonSerializer.Serialize(data.CollectionString.String),
        _ => null,
    };
}
