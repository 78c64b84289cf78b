using Azure;
using ServerlessEvents.Storage.Tables;

namespace ServerlessEvents.UnitTests.Storage;

/// <summary>Declared types that differ from the stored EDM types (Int32 → long, Int64 → int, Int32 → double).</summary>
public sealed class ConvertingEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public long Count { get; set; }
    public int Total { get; set; }
    public double Ratio { get; set; }
    public DayOfWeek State { get; set; }
    public int? Maybe { get; set; } = 5;
}
