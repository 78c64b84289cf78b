using System.Text.Json.Nodes;
using Azure.Storage.Queues;

namespace ServerlessEvents.Testing;

/// <summary>
/// What the integration tests need of whatever hosts the app: the front door, the triggers other than HTTP, and the
/// app's services over the same storage for arranging and inspecting. <see cref="WorkerHost"/> runs the isolated
/// worker through the gRPC host double; <see cref="FunctionsHostDouble"/> runs the custom handler in process (until
/// every collection has moved to the worker).
/// </summary>
public interface IPipelineHost : IAsyncDisposable
{
    /// <summary>A client of the front door (<c>/api/...</c>), as callers of the Functions host use it.</summary>
    HttpClient Client { get; }

    /// <summary>The front door's base URL.</summary>
    string BaseUrl { get; }

    /// <summary>A client that reaches the app with nothing in between that could answer for it.</summary>
    HttpClient HandlerClient { get; }

    /// <summary>The app's services, configured with the same settings: stores and clients over the same storage.</summary>
    IServiceProvider Services { get; }

    /// <summary>host.json's <c>maxDequeueCount</c>.</summary>
    int MaxDequeueCount { get; }

    /// <summary>Every HTTP function with one of its methods (upper case) and its route template, one entry per method.</summary>
    IReadOnlyList<(string Function, string Method, string Route)> HttpRoutes { get; }

    /// <summary>The eventGridTrigger functions, by name.</summary>
    IReadOnlyList<string> EventGridFunctions { get; }

    /// <summary>Delivers one CloudEvent to one eventGridTrigger function, once.</summary>
    Task<InvocationOutcome> DeliverEventGridAsync(string function, JsonObject cloudEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Delivers one published CloudEvent to every eventGridTrigger function whose subscription (infra/topology.json)
    /// matches, retrying a failed one up to <paramref name="attempts"/> times in total; returns every attempt.
    /// </summary>
    Task<IReadOnlyList<InvocationOutcome>> DeliverToSubscribersAsync(JsonObject cloudEvent, int attempts = 1, CancellationToken cancellationToken = default);

    /// <summary>Makes the Event Grid stand-in deliver every accepted event to the subscribers, like a live topic.</summary>
    void ConnectEventGrid(EventGridSink sink);

    /// <summary>Runs a timer function once, now.</summary>
    Task<InvocationOutcome> RunTimerAsync(string function, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lets the queue's trigger function work the queue off and returns the invocations it ran meanwhile: until nothing
    /// is visible, or with <paramref name="untilEmpty"/> until the queue is empty (delayed and retried messages done).
    /// </summary>
    Task<IReadOnlyList<InvocationOutcome>> DrainQueueAsync(QueueServiceClient queues, string queueName, TimeSpan? retryVisibility = null,
        int maxRounds = 100, bool untilEmpty = false, CancellationToken cancellationToken = default);
}
