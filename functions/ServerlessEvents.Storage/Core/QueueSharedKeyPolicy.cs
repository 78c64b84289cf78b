using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessEvents.Storage;

/// <summary>Signs queue requests with SharedKey (2009-09-19+ format) over x-ms-date.</summary>
internal sealed class QueueSharedKeyPolicy(StorageSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        long? length = null;
        if (request.Content is not null && request.Content.TryComputeLength(out var l)) length = l;
        var headers = request.Headers.Select(h => (h.Name, h.Value));
        var toSign = SharedKeyStringToSign.Queue(
            request.Method.Method, headers, length, credential.AccountName, request.Uri.ToUri());
        request.Headers.SetValue(HttpHeader.Names.Authorization,
            "SharedKey " + credential.AccountName + ":" + credential.Sign(toSign));
    }
}
