using System.Text.Json;
using ServerlessEvents.Functions.Realtime;

namespace ServerlessEvents.UnitTests.Realtime;

public sealed class NegotiateRequestTests
{
    private static NegotiateRequest Parse(string json) => NegotiateRequest.From(JsonDocument.Parse(json).RootElement.Clone());

    [Fact]
    public void Reads_bearer_key_and_user_from_header_arrays_case_insensitively()
    {
        var request = Parse("""{"Url":"x","Headers":{"authorization":["Bearer sek_abc"],"X-ServerlessEvents-User":["acme:u1"]}}""");

        Assert.Equal("sek_abc", request.Key);
        Assert.Equal("acme:u1", request.User);
    }

    [Fact]
    public void Falls_back_to_x_api_key()
    {
        Assert.Equal("sek_k", Parse("""{"Headers":{"x-api-key":["sek_k"]}}""").Key);
    }

    [Fact]
    public void Missing_headers_give_an_empty_request()
    {
        var request = Parse("""{"Url":"x"}""");

        Assert.Null(request.Key);
        Assert.Null(request.User);
    }
}
