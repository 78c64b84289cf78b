namespace ServerlessEvents.Storage.Tables.Serialization;

/// <summary>OData EDM type names and annotation suffix used by the Table JSON format.</summary>
internal static class EdmType
{
    public const string AnnotationSuffix = "@odata.type";
    public const string Int64 = "Edm.Int64";
    public const string Double = "Edm.Double";
    public const string DateTime = "Edm.DateTime";
    public const string Guid = "Edm.Guid";
    public const string Binary = "Edm.Binary";
    public const string Boolean = "Edm.Boolean";
    public const string Int32 = "Edm.Int32";
    public const string String = "Edm.String";

    /// <summary>Round-trip UTC format with 7 fractional digits (100 ns, the service's precision).</summary>
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
}
