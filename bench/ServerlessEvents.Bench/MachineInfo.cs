using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ServerlessEvents.Bench;

/// <summary>The machine a run happened on.</summary>
public sealed record MachineInfo(int Processors, long MemoryMegabytes, string CpuModel, string DotnetSdk, string Runtime, string Os)
{
    /// <summary>Reads the current machine (Linux /proc).</summary>
    public static MachineInfo Read() => new(
        Environment.ProcessorCount,
        ReadMemTotalKb() / 1024,
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown" : "unknown",
        SdkVersion(),
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription);

    private static long ReadMemTotalKb()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string SdkVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
