using ServerlessEvents.Functions.Events;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>
/// The outcome of reading one event of a request. <see cref="Status"/> is 200 when <see cref="Event"/> is valid and
/// may be ingested, 400 when the item is structurally malformed, 422 when it is readable but invalid.
/// <see cref="Errors"/> name fields relative to the item (<c>id</c>, <c>data.items[2].quantity</c>, <c>ce-time</c>).
/// </summary>
/// <param name="Index">The position of the item in the request (0 for a single event).</param>
/// <param name="Event">The canonical event; null unless the item is valid.</param>
/// <param name="Errors">Every problem found; empty when valid.</param>
/// <param name="Status">200, 400 or 422.</param>
/// <param name="UnknownType">True when one of the errors is an unknown event type.</param>
public sealed record IncomingEventResult(int Index, CanonicalEvent? Event, IReadOnlyList<FieldError> Errors, int Status, bool UnknownType = false)
{
    /// <summary>Whether the item may be ingested.</summary>
    public bool IsValid => Event is not null;
}
