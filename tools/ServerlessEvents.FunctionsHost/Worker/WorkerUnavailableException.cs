namespace ServerlessEvents.FunctionsHost.Worker;

/// <summary>The worker process is not running or its stream has closed.</summary>
public sealed class WorkerUnavailableException(string message) : Exception(message);
