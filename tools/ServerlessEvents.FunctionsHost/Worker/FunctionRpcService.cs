using Grpc.Core;
using Microsoft.Extensions.Logging;
using ServerlessEvents.FunctionsHost.Rpc;

namespace ServerlessEvents.FunctionsHost.Worker;

/// <summary>The FunctionRpc gRPC service: a worker connects, says StartStream, and its channel takes over.</summary>
internal sealed class FunctionRpcService(WorkerChannelRegistry registry, ILogger<FunctionRpcService> logger) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken)
            || requestStream.Current.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.FailedPrecondition, "The first message must be StartStream."));
        }
        var workerId = requestStream.Current.StartStream.WorkerId;
        var channel = registry.Accept(workerId);
        if (channel is null)
        {
            HostLog.UnknownWorker(logger, workerId);
            throw new Grpc.Core.RpcException(new Status(StatusCode.PermissionDenied, $"Unknown worker id '{workerId}'."));
        }
        await channel.RunAsync(requestStream, responseStream, context.CancellationToken);
    }
}
