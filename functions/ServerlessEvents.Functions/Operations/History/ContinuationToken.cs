using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.History;

/// <summary>
/// The paging token of <c>GET /api/events</c>: the row key of the last event returned. Row keys order events the
/// same way in every index partition, so "after this key" continues any query.
/// </summary>
public static class ContinuationToken
{
    private const string Prefix = "v1";

    /// <summary>Encodes a row key.</summary>
    public static string Encode(string rowKey) => PagingToken.Encode(Prefix, rowKey);

    /// <summary>Decodes a token; null when it is not one of ours.</summary>
    public static string? Decode(string token) =>
        PagingToken.Decode(Prefix, token) is { Length: > 20 } rowKey && long.TryParse(rowKey.AsSpan(0, 19), out _) ? rowKey : null;
}
