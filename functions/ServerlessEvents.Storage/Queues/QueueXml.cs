using System.Globalization;
using System.Security;
using System.Xml.Linq;
using ServerlessEvents.Storage.Queues.Models;

namespace ServerlessEvents.Storage.Queues;

/// <summary>Queue REST XML bodies and message text encoding.</summary>
internal static class QueueXml
{
    public static BinaryData MessageBody(string wireText) =>
        BinaryData.FromString("<QueueMessage><MessageText>" + SecurityElement.Escape(wireText) + "</MessageText></QueueMessage>");

    public static string Encode(BinaryData body, QueueMessageEncoding encoding) =>
        encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(body.ToMemory().Span) : body.ToString();

    /// <summary>Base64 bodies are decoded; text that is not valid base64 is returned as its UTF-8 bytes.</summary>
    public static BinaryData Decode(string wireText, QueueMessageEncoding encoding)
    {
        if (encoding == QueueMessageEncoding.Base64)
        {
            var buffer = new byte[wireText.Length];
            if (Convert.TryFromBase64String(wireText, buffer, out var written)) return BinaryData.FromBytes(buffer.AsMemory(0, written));
        }
        return BinaryData.FromString(wireText);
    }

    public static IEnumerable<XElement> Messages(BinaryData xml) =>
        XDocument.Parse(xml.ToString()).Root?.Elements("QueueMessage") ?? [];

    public static SendReceipt ToSendReceipt(XElement m) => new(
        Text(m, "MessageId"), Text(m, "PopReceipt"), Date(m, "InsertionTime")!.Value,
        Date(m, "ExpirationTime")!.Value, Date(m, "TimeNextVisible")!.Value);

    public static QueueMessage ToQueueMessage(XElement m, QueueMessageEncoding encoding) => new(
        Text(m, "MessageId"), Text(m, "PopReceipt"), Decode(Text(m, "MessageText"), encoding),
        long.Parse(Text(m, "DequeueCount"), CultureInfo.InvariantCulture),
        Date(m, "InsertionTime"), Date(m, "ExpirationTime"), Date(m, "TimeNextVisible"));

    public static PeekedMessage ToPeekedMessage(XElement m, QueueMessageEncoding encoding) => new(
        Text(m, "MessageId"), Decode(Text(m, "MessageText"), encoding),
        long.Parse(Text(m, "DequeueCount"), CultureInfo.InvariantCulture),
        Date(m, "InsertionTime"), Date(m, "ExpirationTime"));

    public static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string Text(XElement m, string name) => m.Element(name)?.Value ?? "";

    private static DateTimeOffset? Date(XElement m, string name) =>
        m.Element(name)?.Value is { Length: > 0 } text ? ParseDate(text) : null;
}
