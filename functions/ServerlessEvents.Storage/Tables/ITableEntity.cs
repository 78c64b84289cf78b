using Azure;

namespace ServerlessEvents.Storage.Tables;

/// <summary>The keys and system properties every table entity has.</summary>
public interface ITableEntity
{
    string PartitionKey { get; set; }

    string RowKey { get; set; }

    /// <summary>Set by the service on every write; ignored when writing.</summary>
    DateTimeOffset? Timestamp { get; set; }

    /// <summary>Concurrency token; filled on reads, never written as a property.</summary>
    ETag ETag { get; set; }
}
