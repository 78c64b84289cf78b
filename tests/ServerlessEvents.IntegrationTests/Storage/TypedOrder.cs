using System.Runtime.Serialization;
using Azure;
using ServerlessEvents.Storage.Tables;

namespace ServerlessEvents.IntegrationTests.Storage;

/// <summary>A POCO entity covering every supported property type.</summary>
public sealed class TypedOrder : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public long Big { get; set; }
    public DateTimeOffset When { get; set; }
    public DateTime WhenUtc { get; set; }
    public Guid Id { get; set; }
    public byte[]? Bytes { get; set; }
    public BinaryData? Data { get; set; }
    public bool Flag { get; set; }
    public double Ratio { get; set; }
    public int Count { get; set; }
    public string? Text { get; set; }
    public int? Missing { get; set; }
    public long? OptionalBig { get; set; }
    public OrderState State { get; set; }

    [IgnoreDataMember]
    public string Ignored { get; set; } = "not stored";
}
