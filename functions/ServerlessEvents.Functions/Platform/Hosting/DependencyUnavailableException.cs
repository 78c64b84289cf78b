namespace ServerlessEvents.Functions.Hosting;

/// <summary>A dependency (storage, broker, SMTP) could not be reached; the caller should retry later.</summary>
public sealed class DependencyUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
