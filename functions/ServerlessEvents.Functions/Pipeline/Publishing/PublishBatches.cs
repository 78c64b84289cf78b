namespace ServerlessEvents.Functions.Publishing;

/// <summary>Packs events into JSON arrays no larger than a byte budget (one event per array when it alone is larger).</summary>
public static class PublishBatches
{
    /// <summary>The JSON arrays to send, in order.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Split(IReadOnlyList<PublishableEvent> events, int maxBytes)
    {
        var start = 0;
        while (start < events.Count)
        {
            var size = 2 + events[start].Json.Length;
            var end = start + 1;
            while (end < events.Count && size + 1 + events[end].Json.Length <= maxBytes)
            {
                size += 1 + events[end].Json.Length;
                end++;
            }
            var buffer = new byte[size];
            buffer[0] = (byte)'[';
            var position = 1;
            for (var i = start; i < end; i++)
            {
                if (i > start)
                {
                    buffer[position++] = (byte)',';
                }
                events[i].Json.Span.CopyTo(buffer.AsSpan(position));
                position += events[i].Json.Length;
            }
            buffer[position] = (byte)']';
            yield return buffer;
            start = end;
        }
    }
}
