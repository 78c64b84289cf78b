namespace ServerlessEvents.Bench;

/// <summary>Signing throughput at one body size.</summary>
public sealed record SigningResult(int BodyBytes, double SignerPerSecond, double BareHmacPerSecond, double Ratio);
