namespace ServerlessEvents.Bench;

/// <summary>Everything one run measured (written as JSON).</summary>
public sealed record BenchReport(
    DateTimeOffset StartedAt,
    MachineInfo Machine,
    bool Quick,
    string HandlerHosting,
    IReadOnlyList<LoadResult> Ingest,
    IReadOnlyList<EndToEndResult> EndToEnd,
    IReadOnlyList<SigningResult> Signing,
    IReadOnlyList<StorageCount> Storage,
    double HandlerPeakResidentMegabytes,
    double HandlerCpuSecondsTotal);
