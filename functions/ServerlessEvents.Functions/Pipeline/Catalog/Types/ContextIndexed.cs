using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary><c>context.indexed</c>: documents were indexed for retrieval. An OPEN type: indexers may add their own
/// statistics beside the listed members (an extension point), so unknown members are accepted and kept in <c>data</c>.</summary>
[EventType("context.indexed", "1.0")]
public sealed record ContextIndexed(
    string ContextId,
    string SourceUri,
    [property: Range(0, int.MaxValue)] int DocumentCount,
    [property: Range(0, int.MaxValue)] int? ChunkCount = null);
