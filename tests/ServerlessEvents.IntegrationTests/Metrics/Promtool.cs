using System.Diagnostics;

namespace ServerlessEvents.IntegrationTests.Metrics;

/// <summary>Runs <c>promtool check metrics</c> (Debian package <c>prometheus</c>) on an exposition.</summary>
internal static class Promtool
{
    public static string Locate()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Append("/usr/bin").Select(dir => Path.Combine(dir, "promtool"));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("promtool is not installed: run 'apt-get install -y prometheus' (it provides /usr/bin/promtool).");
    }

    /// <summary>The exit code and the combined output of the check.</summary>
    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string exposition)
    {
        var start = new ProcessStartInfo(Locate(), "check metrics")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
