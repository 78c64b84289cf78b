namespace ServerlessEvents.Functions.Ingestion;

/// <summary>Makes ids for events whose producer sent none. Implementations must be thread-safe.</summary>
public interface IEventIdGenerator
{
    /// <summary>A new id, unique with overwhelming probability.</summary>
    string NewId();
}
