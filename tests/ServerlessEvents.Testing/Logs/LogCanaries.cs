using System.Collections.Concurrent;

namespace ServerlessEvents.Testing.Logs;

/// <summary>
/// The secrets and bodies the integration scenarios create (tenant keys, webhook secrets, the admin key, the
/// key-encryption key, SMTP and SignalR credentials, email bodies), registered as they are made. The log audit
/// checks that none of them appears in what the pipeline logged (<see cref="CapturedLogs"/>).
/// </summary>
public static class LogCanaries
{
    private static readonly ConcurrentDictionary<string, string> Registered = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="value"/> (at least 12 characters, so it cannot match by chance) as <paramref name="what"/>.</summary>
    public static void Register(string what, string? value)
    {
        if (value is { Length: >= 12 })
        {
            Registered.TryAdd(value, what);
        }
    }

    /// <summary>Every canary found in <paramref name="logs"/>: what it is and the first line holding it.</summary>
    public static IReadOnlyList<string> LeaksIn(CapturedLogs logs) =>
        Registered.SelectMany(c => logs.Containing(c.Key).Take(1).Select(line => $"{c.Value}: {(line.Length > 300 ? line[..300] : line)}")).ToArray();

    /// <summary>How many canaries are registered.</summary>
    public static int Count => Registered.Count;
}
