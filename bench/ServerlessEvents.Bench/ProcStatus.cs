using System.Globalization;

namespace ServerlessEvents.Bench;

/// <summary>Reads fields of /proc/&lt;pid&gt;/status (Linux).</summary>
public static class ProcStatus
{
    /// <summary>A "kB" field such as VmHWM or VmRSS; 0 when unavailable.</summary>
    public static long ReadKilobytes(int pid, string field)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            return 0;
        }
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var value = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(value, CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }
}
