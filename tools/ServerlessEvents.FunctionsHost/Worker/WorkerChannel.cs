using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using ServerlessEvents.FunctionsHost.Rpc;

namespace ServerlessEvents.FunctionsHost.Worker;

/// <summary>
/// One worker's EventStream: queues host→worker messages, correlates replies (by request_id, and invocations by
/// invocation_id) and routes RpcLog messages.
/// </summary>
internal sealed class WorkerChannel(string workerId)
{
    private readonly Channel<StreamingMessage> _outbound = Channel.CreateUnbounded<StreamingMessage>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _requests = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationResponse>> _invocations = new();
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string WorkerId => workerId;

    /// <summary>Completes when the worker has sent StartStream.</summary>
    public Task Connected => _connected.Task;

    /// <summary>Completes when the stream has ended.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Raised for every RpcLog the worker sends.</summary>
    public event Action<RpcLog>? Log;

    /// <summary>Serves the stream until the worker closes it or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> inbound, IServerStreamWriter<StreamingMessage> outbound, CancellationToken cancellationToken)
    {
        _connected.TrySetResult();
        var writer = Task.Run(async () =>
        {
            await foreach (var message in _outbound.Reader.ReadAllAsync(cancellationToken))
            {
                await outbound.WriteAsync(message, cancellationToken);
            }
        }, cancellationToken);
        try
        {
            while (await inbound.MoveNext(cancellationToken))
            {
                Dispatch(inbound.Current);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or Grpc.Core.RpcException)
        {
            // The worker went away: pending calls fail below.
        }
        finally
        {
            Close();
            try { await writer; }
            catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException or Grpc.Core.RpcException) { }
        }
    }

    /// <summary>Sends a request and waits for the reply with the same request_id.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        request.RequestId = Guid.NewGuid().ToString();
        var reply = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests[request.RequestId] = reply;
        try
        {
            Send(request);
            return await reply.Task.WaitAsync(timeout, cancellationToken);
        }
        finally
        {
            _requests.TryRemove(request.RequestId, out _);
        }
    }

    /// <summary>Sends an InvocationRequest; the task completes with the worker's InvocationResponse.</summary>
    public Task<InvocationResponse> InvokeAsync(InvocationRequest invocation)
    {
        var reply = new TaskCompletionSource<InvocationResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _invocations[invocation.InvocationId] = reply;
        Send(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), InvocationRequest = invocation });
        return reply.Task;
    }

    /// <summary>Forgets an invocation the host gave up on (its reply, if any, is dropped).</summary>
    public void Abandon(string invocationId) => _invocations.TryRemove(invocationId, out _);

    /// <summary>Queues a message to the worker; throws when the stream has closed.</summary>
    public void Send(StreamingMessage message)
    {
        if (_closed.Task.IsCompleted || !_outbound.Writer.TryWrite(message))
        {
            throw new WorkerUnavailableException($"The stream of worker {workerId} has closed.");
        }
    }

    /// <summary>Ends the stream from the host's side and fails everything pending.</summary>
    public void Close()
    {
        _outbound.Writer.TryComplete();
        var error = new WorkerUnavailableException($"The stream of worker {workerId} closed.");
        foreach (var pending in _requests.Values) pending.TrySetException(error);
        foreach (var key in _invocations.Keys)
        {
            if (_invocations.TryRemove(key, out var pending)) pending.TrySetException(error);
        }
        _connected.TrySetException(error);
        _closed.TrySetResult();
    }

    private void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.RpcLog:
                Log?.Invoke(message.RpcLog);
                return;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                if (_invocations.TryRemove(message.InvocationResponse.InvocationId, out var invocation))
                {
                    invocation.TrySetResult(message.InvocationResponse);
                }
                return;
            case StreamingMessage.ContentOneofCase.WorkerStatusRequest:
                // The worker may ask the host for its status too; answer as the host does.
                TrySend(new StreamingMessage { RequestId = message.RequestId, WorkerStatusResponse = new WorkerStatusResponse() });
                return;
            default:
                if (!string.IsNullOrEmpty(message.RequestId) && _requests.TryRemove(message.RequestId, out var reply))
                {
                    reply.TrySetResult(message);
                }
                // Anything else (the empty message a terminating worker sends, unknown kinds) is ignored.
                return;
        }
    }

    private void TrySend(StreamingMessage message)
    {
        try { Send(message); }
        catch (WorkerUnavailableException) { }
    }
}
