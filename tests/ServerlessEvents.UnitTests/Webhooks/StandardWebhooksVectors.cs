namespace ServerlessEvents.UnitTests.Webhooks;

/// <summary>The inputs shared by the Standard Webhooks reference libraries' tests (csharp, javascript, python).</summary>
internal static class StandardWebhooksVectors
{
    public const string Secret = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string PrefixedSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    public const long Timestamp = 1614265330;
    public const string Payload = "{\"test\": 2432232314}";
    public const string ExpectedSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    public const string WrongSignature = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
    public const int ToleranceSeconds = 5 * 60;
}
