using Microsoft.Azure.Functions.Worker.Converters;

namespace ServerlessEvents.Functions.EventGrid.Converters;

/// <summary>The host hands an event (or, batched, a JSON array of events) over as one string.</summary>
internal static class EventText
{
    public static bool TryGet(ConverterContext context, out BinaryData text)
    {
        switch (context.Source)
        {
            case string s:
                text = BinaryData.FromString(s);
                return true;
            case ReadOnlyMemory<byte> bytes:
                text = BinaryData.FromBytes(bytes);
                return true;
            case byte[] bytes:
                text = BinaryData.FromBytes(bytes);
                return true;
            default:
                text = BinaryData.Empty;
                return false;
        }
    }
}
