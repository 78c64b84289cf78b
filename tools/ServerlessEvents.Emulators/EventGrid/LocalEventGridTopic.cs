using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ServerlessEvents.Emulators.Topology;
using ServerlessEvents.FunctionsHost.EventGrid;

namespace ServerlessEvents.Emulators.EventGrid;

/// <summary>
/// A local Event Grid topic (CloudEvents 1.0 schema). It accepts what <c>EventGridPublisherClient</c> sends
/// (<c>POST /api/events</c>, a CloudEvents batch, the key in <c>aeg-sas-key</c>), answers at once, then delivers each
/// event to every subscription of the topology whose filter accepts it: to that eventGridTrigger function's webhook
/// on the Functions host, retried with Event Grid's rules on a shortened schedule, and dead-lettered to the
/// topology's blob container when the subscription says so. Every delivery and dead letter is logged.
/// </summary>
public sealed partial class LocalEventGridTopic : IAsyncDisposable
{
    private const int MaxPublishBytes = 1_048_576;
    private static readonly string[] RequiredAttributes = ["id", "source", "type", "specversion"];

    private readonly LocalEventGridTopicOptions _options;
    private readonly ILogger _logger;
    private readonly EventGridWebhookClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private readonly ConcurrentQueue<JsonObject> _received = new();
    private readonly ConcurrentQueue<EventGridDelivery> _deliveries = new();
    private readonly ConcurrentQueue<LocalDeadLetter> _deadLetters = new();
    private WebApplication? _app;
    private BlobContainerClient? _deadLetterContainer;

    private LocalEventGridTopic(LocalEventGridTopicOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _client = new EventGridWebhookClient(options.FunctionsHost);
        Key = options.Key.Length > 0 ? options.Key : Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>The key publishers must send as <c>aeg-sas-key</c>.</summary>
    public string Key { get; }

    /// <summary>The topic endpoint, <c>http://127.0.0.1:{port}/api/events</c> (the app's <c>EventGrid:TopicEndpoint</c>).</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>The blob container dead letters are written to (the topology's <c>deadLetterContainerName</c>).</summary>
    public string DeadLetterContainer => _options.Topology.DeadLetterContainerName;

    /// <summary>Every event accepted, in arrival order.</summary>
    public IReadOnlyList<JsonObject> Received => _received.ToArray();

    /// <summary>Every finished delivery (delivered or given up), in the order they finished.</summary>
    public IReadOnlyList<EventGridDelivery> Deliveries => _deliveries.ToArray();

    /// <summary>Every dead letter, with where it was written.</summary>
    public IReadOnlyList<LocalDeadLetter> DeadLetters => _deadLetters.ToArray();

    /// <summary>Starts the topic on 127.0.0.1 (and creates the dead-letter container when storage is set).</summary>
    public static async Task<LocalEventGridTopic> StartAsync(LocalEventGridTopicOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var topic = new LocalEventGridTopic(options, logger);
        if (options.DeadLetterStorage.Length > 0)
        {
            topic._deadLetterContainer = new BlobServiceClient(options.DeadLetterStorage).GetBlobContainerClient(options.Topology.DeadLetterContainerName);
            await topic._deadLetterContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => { k.Listen(IPAddress.Loopback, options.Port); k.Limits.MaxRequestBodySize = MaxPublishBytes; });
        var app = builder.Build();
        app.MapPost("/api/events", (Delegate)topic.PublishAsync);
        await app.StartAsync(cancellationToken);
        topic._app = app;
        topic.Endpoint = app.Urls.Single().TrimEnd('/') + "/api/events";
        return topic;
    }

    /// <summary>Waits until no delivery is in flight (every retry done or given up).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (!_inFlight.IsEmpty)
        {
            // Deliveries log their own outcome and never throw past DeliverAsync; wait for the tasks, not their results.
            await Task.WhenAll(_inFlight.Keys).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task<IResult> PublishAsync(HttpContext context)
    {
        var key = context.Request.Headers["aeg-sas-key"].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(Key)))
        {
            return Error(401, "The request carries no aeg-sas-key header or the key is wrong.");
        }
        var mediaType = (context.Request.ContentType ?? "").Split(';')[0].Trim();
        if (!mediaType.Equals("application/cloudevents-batch+json", StringComparison.OrdinalIgnoreCase)
            && !mediaType.Equals("application/cloudevents+json", StringComparison.OrdinalIgnoreCase))
        {
            return Error(415, "This topic takes the CloudEvents 1.0 schema: application/cloudevents-batch+json or application/cloudevents+json.");
        }
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException exception)
        {
            return Error(400, "The body is not JSON: " + exception.Message);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            return Error(413, $"The publish is larger than {MaxPublishBytes} bytes.");
        }
        var events = body switch
        {
            JsonArray array when array.All(e => e is JsonObject) => array.Select(e => e!.AsObject()).ToArray(),
            JsonObject single => [single],
            _ => null,
        };
        if (events is null || events.Length == 0)
        {
            return Error(400, "The body must be a CloudEvent or a non-empty array of CloudEvents.");
        }
        foreach (var e in events)
        {
            if (RequiredAttributes.FirstOrDefault(a => e[a] is not JsonValue v || v.GetValueKind() != JsonValueKind.String) is { } missing)
            {
                return Error(400, $"An event lacks the required string attribute '{missing}'.");
            }
        }
        foreach (var e in events)
        {
            var copy = (JsonObject)e.DeepClone();
            _received.Enqueue(copy);
            Fan(copy);
        }
        return Results.Ok();
    }

    private void Fan(JsonObject cloudEvent)
    {
        var json = Encoding.UTF8.GetBytes(cloudEvent.ToJsonString());
        var type = cloudEvent["type"]!.GetValue<string>();
        var subject = cloudEvent["subject"] is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : null;
        foreach (var subscription in _options.Topology.HandlersFor(type, subject, json))
        {
            Track(DeliverAsync(subscription, cloudEvent));
        }
    }

    private void Track(Task task)
    {
        _inFlight[task] = 0;
        _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task DeliverAsync(HandlerSubscription subscription, JsonObject cloudEvent)
    {
        var options = new EventGridDeliveryOptions
        {
            RetryDelays = _options.RetryDelays,
            MaxDeliveryAttempts = subscription.RetryPolicy.MaxDeliveryAttempts,
            EventTimeToLive = TimeSpan.FromMinutes(subscription.RetryPolicy.EventTimeToLiveInMinutes),
            DeliveryTimeout = _options.DeliveryTimeout,
        };
        var id = cloudEvent["id"]!.GetValue<string>();
        var type = cloudEvent["type"]!.GetValue<string>();
        EventGridDelivery delivery;
        try
        {
            delivery = await _client.DeliverAsync(subscription.FunctionName, [cloudEvent], options, _stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            LogAbandoned(_logger, id, subscription.FunctionName);
            return;
        }
        _deliveries.Enqueue(delivery);
        var last = delivery.Attempts[^1].StatusCode;
        if (delivery.Delivered)
        {
            LogDelivered(_logger, id, type, subscription.FunctionName, last, delivery.Attempts.Count);
            return;
        }
        var letter = delivery.DeadLetter!;
        if (!subscription.DeadLetter)
        {
            LogDropped(_logger, id, type, subscription.FunctionName, delivery.Attempts.Count, letter.DeadLetterReason, last);
            return;
        }
        var blob = await WriteDeadLetterAsync(subscription.FunctionName, letter);
        _deadLetters.Enqueue(new LocalDeadLetter(letter, blob));
        LogDeadLettered(_logger, id, type, subscription.FunctionName, delivery.Attempts.Count, letter.DeadLetterReason, last, blob ?? "(memory only)");
    }

    private async Task<string?> WriteDeadLetterAsync(string function, DeadLetteredEvent letter)
    {
        if (_deadLetterContainer is null)
        {
            return null;
        }
        // Event Grid's path: {topic}/{SUBSCRIPTION}/{yyyy}/{MM}/{dd}/{HH}/{guid}.json, one JSON array per blob.
        var at = letter.LastDeliveryAttemptTime.UtcDateTime;
        var name = $"{_options.TopicName.ToUpperInvariant()}/{function.ToUpperInvariant()}/{at:yyyy/MM/dd/HH}/{Guid.NewGuid()}.json";
        var body = new JsonArray(new JsonObject
        {
            ["deadLetterReason"] = letter.DeadLetterReason,
            ["deliveryAttempts"] = letter.DeliveryAttempts,
            ["lastHttpStatusCode"] = letter.LastHttpStatusCode,
            ["publishTime"] = letter.PublishTime,
            ["lastDeliveryAttemptTime"] = letter.LastDeliveryAttemptTime,
            ["event"] = letter.Event.DeepClone(),
        });
        try
        {
            await _deadLetterContainer.GetBlobClient(name).UploadAsync(BinaryData.FromString(body.ToJsonString()), overwrite: true, _stop.Token);
            return $"{_deadLetterContainer.Name}/{name}";
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException or HttpRequestException or OperationCanceledException)
        {
            LogDeadLetterWriteFailed(_logger, exception, letter.Event["id"]?.ToString() ?? "?", function);
            return null;
        }
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture), ["message"] = message } }, statusCode: status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event Grid: delivered {EventId} ({Type}) to {Function}: {Status} after {Attempts} attempt(s)")]
    private static partial void LogDelivered(ILogger logger, string eventId, string type, string function, int status, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event Grid: dead-lettered {EventId} ({Type}) for {Function} after {Attempts} attempt(s): {Reason}, last status {Status}; written to {Blob}")]
    private static partial void LogDeadLettered(ILogger logger, string eventId, string type, string function, int attempts, string reason, int status, string blob);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event Grid: dropped {EventId} ({Type}) for {Function} after {Attempts} attempt(s): {Reason}, last status {Status} (the subscription has no dead-letter destination)")]
    private static partial void LogDropped(ILogger logger, string eventId, string type, string function, int attempts, string reason, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event Grid: stopped before {EventId} reached {Function}")]
    private static partial void LogAbandoned(ILogger logger, string eventId, string function);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event Grid: could not write the dead letter of {EventId} for {Function}; it is kept in memory only")]
    private static partial void LogDeadLetterWriteFailed(ILogger logger, Exception exception, string eventId, string function);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await _stop.CancelAsync();
        await WhenIdleAsync();
        _client.Dispose();
        _stop.Dispose();
    }
}

/// <summary>An event the local topic gave up on, and the blob it was written to (null when only kept in memory).</summary>
public sealed record LocalDeadLetter(DeadLetteredEvent Letter, string? Blob);
