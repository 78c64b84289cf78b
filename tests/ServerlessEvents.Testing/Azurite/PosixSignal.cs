using System.Diagnostics;
using System.Globalization;

namespace ServerlessEvents.Testing.Azurite;

/// <summary>
/// Sends SIGINT (via the <c>kill</c> utility; .NET has no API for it) so Azurite can flush its
/// LokiJS databases before exiting.
/// </summary>
internal static class PosixSignal
{
    public static bool TryInterrupt(int processId)
    {
        if (OperatingSystem.IsWindows()) return false;
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", processId.ToString(CultureInfo.InvariantCulture)])
            {
                UseShellExecute = false,
                RedirectStandardError = true,
            });
            if (kill is null) return false;
            kill.WaitForExit();
            return kill.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no kill utility: the caller falls back to a hard kill
        }
    }
}
