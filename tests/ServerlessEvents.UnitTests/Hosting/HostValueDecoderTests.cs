using System.Text.Json;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.UnitTests.Hosting;

public sealed class HostValueDecoderTests
{
    private static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void Double_encoded_queue_message_decodes_to_the_original_text()
    {
        // As captured from the host: {"hello":"world"} arrives as "\"{\\\"hello\\\":\\\"world\\\"}\"".
        var value = Element("\"\\\"{\\\\\\\"hello\\\\\\\":\\\\\\\"world\\\\\\\"}\\\"\"");

        Assert.Equal("{\"hello\":\"world\"}", HostValueDecoder.AsText(value));
        Assert.Equal("world", HostValueDecoder.AsJson(value)!.Value.GetProperty("hello").GetString());
    }

    [Fact]
    public void Plain_string_that_is_json_text_is_parsed()
    {
        var value = Element("\"{\\\"a\\\":1}\"");

        Assert.Equal(1, HostValueDecoder.AsJson(value)!.Value.GetProperty("a").GetInt32());
    }

    [Fact]
    public void Object_input_is_used_as_is()
    {
        var value = Element("{\"Schedule\":{\"AdjustForDST\":true}}");

        Assert.True(HostValueDecoder.AsJson(value)!.Value.GetProperty("Schedule").GetProperty("AdjustForDST").GetBoolean());
    }

    [Fact]
    public void Quoted_plain_text_loses_its_quotes_but_not_inner_text()
    {
        Assert.Equal("hello", HostValueDecoder.AsText(Element("\"\\\"hello\\\"\"")));
        Assert.Equal("hello", HostValueDecoder.AsText(Element("\"hello\"")));
        Assert.Null(HostValueDecoder.AsJson(Element("\"hello\"")));
    }

    [Fact]
    public void Metadata_numbers_arrive_as_strings_and_parse()
    {
        var request = new InvocationRequest { Metadata = { ["DequeueCount"] = Element("\"3\""), ["Id"] = Element("\"\\\"abc\\\"\"") } };

        Assert.Equal(3, request.MetadataInt64("DequeueCount"));
        Assert.Equal("abc", request.MetadataText("Id"));
    }
}
