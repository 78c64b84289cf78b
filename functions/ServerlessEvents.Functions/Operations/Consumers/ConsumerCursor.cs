using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Consumers;

/// <summary>
/// The opaque cursor a consumer acknowledges: a feed position in a paging token whose list is the consumer
/// (<c>c1:{name}</c>), so a cursor issued to another consumer does not decode for this one.
/// </summary>
public static class ConsumerCursor
{
    /// <summary>Encodes a position for a consumer.</summary>
    public static string Encode(string consumer, string position) => PagingToken.Encode(Prefix(consumer), position);

    /// <summary>The position in a cursor of <paramref name="consumer"/>; null when it is not one.</summary>
    public static string? Decode(string consumer, string cursor) =>
        PagingToken.Decode(Prefix(consumer), cursor) is { } position && (position.Length == 0 || FeedKeys.StampOf(position) is not null) ? position : null;

    private static string Prefix(string consumer) => "c1:" + consumer;
}
