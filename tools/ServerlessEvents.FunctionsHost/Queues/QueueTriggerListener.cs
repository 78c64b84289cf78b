using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using ServerlessEvents.FunctionsHost.Metadata;
using ServerlessEvents.FunctionsHost.Rpc;

namespace ServerlessEvents.FunctionsHost.Queues;

/// <summary>
/// Polls one queueTrigger's queue as the Storage Queues extension does with host.json's settings: up to batchSize
/// messages at a time, run in parallel; success deletes the message and writes the function's queue outputs; a
/// failure makes it visible again after visibilityTimeout, and the failure of its maxDequeueCount-th delivery moves
/// it to <c>&lt;queue&gt;-poison</c>. An empty queue is polled with a back-off up to maxPollingInterval.
/// </summary>
internal sealed class QueueTriggerListener : IAsyncDisposable
{
    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ProcessingVisibility = TimeSpan.FromMinutes(10);
    private readonly FunctionsHost _host;
    private readonly WorkerFunction _function;
    private readonly QueueSettings _settings;
    private readonly QueueServiceClient _service;
    private readonly QueueClient _queue;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    private QueueTriggerListener(FunctionsHost host, WorkerFunction function)
    {
        _host = host;
        _function = function;
        _settings = host.HostJson.Queues;
        _logger = host.LoggerFactory.CreateLogger<QueueTriggerListener>();
        _service = QueueClients.Create(host, function.Trigger, _settings);
        _queue = _service.GetQueueClient(host.Settings.Resolve(function.Trigger.Property("queueName") ?? ""));
    }

    public static QueueTriggerListener Start(FunctionsHost host, WorkerFunction function)
    {
        var listener = new QueueTriggerListener(host, function);
        listener._loop = Task.Run(() => listener.RunAsync(listener._stop.Token));
        return listener;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = MinimumPollingInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var processed = await PollOnceAsync(cancellationToken);
                delay = processed ? MinimumPollingInterval : Min(delay * 2, _settings.MaxPollingInterval);
                if (processed) continue;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // The queue does not exist yet: keep polling, as the extension does.
                delay = Min(delay * 2, _settings.MaxPollingInterval);
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException)
            {
                HostLog.QueuePollFailed(_logger, e, _queue.Name, _function.Name);
                delay = _settings.MaxPollingInterval;
            }
            try { await Task.Delay(delay, cancellationToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task<bool> PollOnceAsync(CancellationToken cancellationToken)
    {
        var messages = (await _queue.ReceiveMessagesAsync(_settings.BatchSize, ProcessingVisibility, cancellationToken)).Value;
        if (messages.Length == 0) return false;
        await Task.WhenAll(messages.Select(m => ProcessAsync(m, cancellationToken)));
        return true;
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        // Once a message is being processed, it is finished (deleted, released or poisoned) even when stopping.
        var result = await _host.InvokeAsync(_function, [new ParameterBinding { Name = _function.Trigger.Name, Data = Input(message) }], Metadata(message), cancellationToken: CancellationToken.None);
        if (result.Succeeded)
        {
            await QueueOutputs.WriteAsync(_host, _function, result, _settings, CancellationToken.None);
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        else if (message.DequeueCount >= _settings.MaxDequeueCount)
        {
            var poison = _service.GetQueueClient(_queue.Name + "-poison");
            await poison.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            HostLog.MovedToPoison(_logger, message.MessageId, _settings.MaxDequeueCount, poison.Name);
        }
        else
        {
            await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: _settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
        }
    }

    private TypedData Input(QueueMessage message)
    {
        if (_function.Trigger.Flag("supportsDeferredBinding"))
        {
            var content = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
            {
                message.MessageId, message.PopReceipt, MessageText = message.Body.ToString(), message.DequeueCount,
                message.NextVisibleOn, message.InsertedOn, message.ExpiresOn,
            });
            return new TypedData
            {
                ModelBindingData = new ModelBindingData { Version = "1.0", Source = "AzureStorageQueues", ContentType = "application/json", Content = Google.Protobuf.ByteString.CopyFrom(content) },
            };
        }
        return string.Equals(_function.Trigger.Property("dataType"), "Binary", StringComparison.OrdinalIgnoreCase)
            ? new TypedData { Bytes = Google.Protobuf.ByteString.CopyFrom(message.Body.ToArray()) }
            : TypedDataText.String(message.Body.ToString());
    }

    private static Dictionary<string, TypedData> Metadata(QueueMessage message)
    {
        var metadata = new Dictionary<string, TypedData>(StringComparer.Ordinal)
        {
            ["QueueTrigger"] = TypedDataText.String(message.Body.ToString()),
            ["DequeueCount"] = TypedDataText.JsonValue(message.DequeueCount),
            ["Id"] = TypedDataText.String(message.MessageId),
            ["PopReceipt"] = TypedDataText.String(message.PopReceipt),
        };
        if (message.InsertedOn is { } inserted) metadata["InsertionTime"] = TypedDataText.JsonValue(inserted);
        if (message.ExpiresOn is { } expires) metadata["ExpirationTime"] = TypedDataText.JsonValue(expires);
        if (message.NextVisibleOn is { } next) metadata["NextVisibleTime"] = TypedDataText.JsonValue(next);
        return metadata;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
