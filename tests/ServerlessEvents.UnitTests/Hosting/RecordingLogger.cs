using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.UnitTests.Hosting;

/// <summary>Captures formatted log entries for assertions.</summary>
internal sealed class RecordingLogger : ILogger<CapabilityReport>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception)));
}
