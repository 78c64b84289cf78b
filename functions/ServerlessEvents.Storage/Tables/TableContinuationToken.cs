namespace ServerlessEvents.Storage.Tables;

/// <summary>
/// The opaque continuation token of query pages: "NextPartitionKey NextRowKey" (the Azure.Data.Tables format;
/// the service's own tokens contain no spaces).
/// </summary>
internal static class TableContinuationToken
{
    public const string NextPartitionKeyHeader = "x-ms-continuation-NextPartitionKey";
    public const string NextRowKeyHeader = "x-ms-continuation-NextRowKey";

    public static string? Create(string? nextPartitionKey, string? nextRowKey) =>
        string.IsNullOrEmpty(nextPartitionKey) ? null
        : string.IsNullOrEmpty(nextRowKey) ? nextPartitionKey
        : nextPartitionKey + " " + nextRowKey;

    public static (string? NextPartitionKey, string? NextRowKey) Parse(string? token)
    {
        if (string.IsNullOrEmpty(token)) return (null, null);
        var space = token.IndexOf(' ');
        return space < 0 ? (token, null) : (token[..space], token[(space + 1)..]);
    }
}
