using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>The answer for one event of a request.</summary>
/// <param name="Index">Its position in the request.</param>
/// <param name="Id">Its id, when it had or was given one.</param>
/// <param name="Status"><c>accepted</c>, <c>duplicate</c>, <c>conflict</c> or <c>rejected</c>.</param>
/// <param name="HttpStatus">The status a single-event request answers with.</param>
/// <param name="Errors">What is wrong with a rejected event.</param>
/// <param name="UnknownType">True when it was rejected for a type the catalog does not know.</param>
public sealed record IngestResult(int Index, string? Id, string Status, int HttpStatus, IReadOnlyList<FieldError> Errors, bool UnknownType = false);
