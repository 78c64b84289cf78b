using ServerlessEvents.Storage.Queues;

namespace ServerlessEvents.UnitTests.Storage;

public sealed class QueueXmlTests
{
    [Fact]
    public void Message_body_escapes_xml_special_characters()
    {
        var xml = QueueXml.MessageBody("<a & 'b'>").ToString();

        Assert.Equal("<QueueMessage><MessageText>&lt;a &amp; &apos;b&apos;&gt;</MessageText></QueueMessage>", xml);
    }

    [Fact]
    public void Base64_encoding_round_trips_utf8_text()
    {
        var wire = QueueXml.Encode(BinaryData.FromString("héllo"), QueueMessageEncoding.Base64);

        Assert.Equal("aMOpbGxv", wire);
        Assert.Equal("héllo", QueueXml.Decode(wire, QueueMessageEncoding.Base64).ToString());
    }

    [Fact]
    public void Text_that_is_not_base64_is_returned_unchanged()
    {
        Assert.Equal("not base64!", QueueXml.Decode("not base64!", QueueMessageEncoding.Base64).ToString());
    }
}
