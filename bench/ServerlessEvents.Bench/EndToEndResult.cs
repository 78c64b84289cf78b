namespace ServerlessEvents.Bench;

/// <summary>Latency from the start of the ingest request to arrival at the far end.</summary>
public sealed record EndToEndResult(string Path, int Sent, int Received, double P50Milliseconds, double P99Milliseconds, string Note);
