using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ServerlessEvents.Testing.Logs;

/// <summary>
/// Everything a pipeline logged, for the log audit: the host double's own log (which carries the worker's stdout and
/// stderr as "Worker output" lines), and every log line the worker sent over gRPC (RpcLog), with exceptions.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Every line so far.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Adds a line (for example one the worker sent).</summary>
    public void Add(string line) => _lines.Enqueue(line);

    /// <summary>The lines that contain <paramref name="secret"/>.</summary>
    public IEnumerable<string> Containing(string secret) => _lines.Where(l => l.Contains(secret, StringComparison.Ordinal));

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Capture(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Add($"{category} {logLevel}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}
