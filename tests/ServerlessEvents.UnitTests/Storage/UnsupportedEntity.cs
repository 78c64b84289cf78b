using Azure;
using ServerlessEvents.Storage.Tables;

namespace ServerlessEvents.UnitTests.Storage;

public sealed class UnsupportedEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public List<string> Items { get; set; } = [];
}
