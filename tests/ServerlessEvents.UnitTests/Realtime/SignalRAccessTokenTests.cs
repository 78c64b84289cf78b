using System.Text;
using System.Text.Json;
using ServerlessEvents.Functions.Realtime;
using ServerlessEvents.Emulators.SignalR;

namespace ServerlessEvents.UnitTests.Realtime;

public sealed class SignalRAccessTokenTests
{
    private const string Key = "c2lnbmFsci10ZXN0LWtleS0wMTIzNDU2Nzg5YWJjZGVm";
    private const string Audience = "https://x.service.signalr.net/api/hubs/events/:send";

    private static JsonElement Part(string token, int index)
    {
        var text = token.Split('.')[index].Replace('-', '+').Replace('_', '/');
        return JsonDocument.Parse(Convert.FromBase64String(text.PadRight(text.Length + (4 - text.Length % 4) % 4, '='))).RootElement.Clone();
    }

    [Fact]
    public async Task A_token_verifies_with_an_independent_hs256_implementation_for_its_audience()
    {
        var token = SignalRAccessToken.Create(Key, Audience, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), "acme:u1");

        var (jwt, problem) = await SignalRTokens.ValidateAsync(token, Key, Audience);

        Assert.True(problem is null, problem);
        Assert.Equal("acme:u1", jwt!.GetClaim("nameid").Value);
        Assert.Equal("HS256", Part(token, 0).GetProperty("alg").GetString());
    }

    [Fact]
    public async Task Another_key_another_audience_or_an_expired_token_is_refused()
    {
        var now = DateTimeOffset.UtcNow;
        var token = SignalRAccessToken.Create(Key, Audience, now, TimeSpan.FromMinutes(5));
        var expired = SignalRAccessToken.Create(Key, Audience, now.AddMinutes(-10), TimeSpan.FromMinutes(5));

        Assert.NotNull((await SignalRTokens.ValidateAsync(token, Key + "x", Audience)).Problem);
        Assert.NotNull((await SignalRTokens.ValidateAsync(token, Key, Audience + "/other")).Problem);
        Assert.NotNull((await SignalRTokens.ValidateAsync(expired, Key, Audience)).Problem);
    }

    [Fact]
    public void Claims_are_aud_iat_nbf_exp_and_nameid_only_when_given()
    {
        var now = new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);

        var server = Part(SignalRAccessToken.Create(Key, Audience, now, TimeSpan.FromMinutes(5)), 1);
        var client = Part(SignalRAccessToken.Create(Key, Audience, now, TimeSpan.FromHours(1), "acme:u1"), 1);

        Assert.Equal(["aud", "iat", "nbf", "exp"], server.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Audience, server.GetProperty("aud").GetString());
        Assert.Equal(now.ToUnixTimeSeconds(), server.GetProperty("iat").GetInt64());
        Assert.Equal(now.AddMinutes(5).ToUnixTimeSeconds(), server.GetProperty("exp").GetInt64());
        Assert.Equal(now.AddHours(1).ToUnixTimeSeconds(), client.GetProperty("exp").GetInt64());
        Assert.Equal("acme:u1", client.GetProperty("nameid").GetString());
    }

    [Fact]
    public void The_signature_is_hmac_sha256_of_header_dot_payload_with_the_keys_utf8_bytes()
    {
        var token = SignalRAccessToken.Create(Key, Audience, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var parts = token.Split('.');

        var expected = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));

        Assert.Equal(Convert.ToBase64String(expected).TrimEnd('=').Replace('+', '-').Replace('/', '_'), parts[2]);
        Assert.DoesNotContain('=', token);
    }

    [Theory]
    [InlineData("https://x.service.signalr.net/api/hubs/events/:send?api-version=2024-01-01", "https://x.service.signalr.net/api/hubs/events/:send")]
    [InlineData("http://127.0.0.1:8888/api/hubs/events/users/a%3Ab/groups/g/", "http://127.0.0.1:8888/api/hubs/events/users/a%3Ab/groups/g")]
    public void The_audience_of_a_request_drops_query_and_trailing_slash(string url, string audience)
    {
        Assert.Equal(audience, SignalRAccessToken.AudienceOf(new Uri(url)));
    }
}
