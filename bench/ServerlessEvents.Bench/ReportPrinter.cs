using System.Globalization;
using System.Text.Json;

namespace ServerlessEvents.Bench;

/// <summary>Prints a run as a table and writes it as JSON.</summary>
public static class ReportPrinter
{
    /// <summary>Prints the tables to the console.</summary>
    public static void Print(BenchReport report, TextWriter output)
    {
        var m = report.Machine;
        output.WriteLine($"Machine: {m.Processors} CPUs ({m.CpuModel}), {m.MemoryMegabytes} MB, SDK {m.DotnetSdk}, {m.Runtime}; {(report.Quick ? "quick" : "full")} run");
        output.WriteLine($"Handler: {report.HandlerHosting}");
        output.WriteLine();
        output.WriteLine($"{"scenario",-20} {"c",3} {"events",8} {"events/s",10} {"ratio",7} {"vs",-30} {"÷raw",6} {"p50 ms",8} {"p99 ms",8} {"app µs/ev",10} {"bench µs/ev",11} {"req/ev",7} {"writes/ev",9} {"fail",5}");
        foreach (var r in report.Ingest)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Name,-20} {r.Concurrency,3} {r.Events,8} {r.EventsPerSecond,10:F0} {F(r.Ratio, "F2"),7} {r.RatioTo ?? "",-30} {F(r.RatioToStorage, "F2"),6} {r.P50Milliseconds,8:F2} {r.P99Milliseconds,8:F2} {F(r.HandlerCpuMicrosecondsPerEvent, "F0"),10} {F(r.BenchCpuMicrosecondsPerEvent, "F0"),11} {F(r.StorageRequestsPerEvent, "F2"),7} {F(r.EntityWritesPerEvent, "F2"),9} {r.Failures,5}"));
        }
        output.WriteLine("÷raw: events/s over the raw-insert baseline at the same c. app: the worker's CPU; bench: the bench process's (host double, sink, load generator).");
        output.WriteLine();
        foreach (var s in report.Storage)
        {
            var tables = string.Join(", ", s.WritesByTable.OrderByDescending(p => p.Value).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {(double)p.Value / s.AcceptedEvents:F2}")));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"storage {s.Scenario}: {s.AcceptedEvents} accepted; per event {s.RequestsPerEvent:F2} requests ({(double)s.Transactions / s.AcceptedEvents:F2} transactions), {s.EntityWritesPerEvent:F2} entity writes: {tables}"));
        }
        output.WriteLine();
        foreach (var e in report.EndToEnd)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"end-to-end {e.Path}: {e.Received}/{e.Sent} arrived, p50 {e.P50Milliseconds:F2} ms, p99 {e.P99Milliseconds:F2} ms. {e.Note}"));
        }
        output.WriteLine();
        foreach (var s in report.Signing)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"signing {s.BodyBytes,6} B: signer {s.SignerPerSecond,10:F0}/s, bare HMAC-SHA256 {s.BareHmacPerSecond,10:F0}/s, ratio {s.Ratio:F2}"));
        }
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"handler peak RSS (VmHWM): {report.HandlerPeakResidentMegabytes:F1} MB; handler CPU over the run: {report.HandlerCpuSecondsTotal:F1} s"));
    }

    private static string F(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    /// <summary>Writes the report as indented JSON, creating the directory.</summary>
    public static async Task WriteJsonAsync(BenchReport report, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
    }
}
