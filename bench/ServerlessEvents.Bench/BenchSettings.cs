namespace ServerlessEvents.Bench;

/// <summary>Command-line settings: <c>[--quick] [--storage-only] [--out path]</c>.</summary>
public sealed record BenchSettings(TimeSpan HandlerWarmUp, TimeSpan WarmUp, TimeSpan Measured, int EndToEndEvents, int SigningIterations, int BatchesPerWorker, int Rounds, string OutputPath, bool Quick)
{
    /// <summary>Only the storage counting pass (<c>--storage-only</c>): what an accepted event writes, in under a minute.</summary>
    public bool StorageOnly { get; init; }

    /// <summary>Parses the arguments.</summary>
    public static BenchSettings Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var outIndex = Array.IndexOf(args, "--out");
        var output = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Combine("bench", "results", "latest.json");
        var settings = quick
            ? new BenchSettings(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 200, 2_000, 1, 2, output, true)
            : new BenchSettings(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), 1_000, 20_000, 3, 4, output, false);
        return settings with { StorageOnly = args.Contains("--storage-only") };
    }
}
