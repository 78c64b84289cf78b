using Azure.Core;
using Azure.Core.Pipeline;
using ServerlessEvents.Storage.Tables;

namespace ServerlessEvents.Storage;

/// <summary>Signs table requests with SharedKeyLite over x-ms-date, like Azure.Data.Tables.</summary>
internal sealed class TableSharedKeyPolicy(TableSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.TryGetValue(StorageConstants.MsDate, out var date);
        var toSign = SharedKeyStringToSign.TableLite(date ?? "", credential.AccountName, request.Uri.ToUri());
        request.Headers.SetValue(HttpHeader.Names.Authorization,
            "SharedKeyLite " + credential.AccountName + ":" + credential.Sign(toSign));
    }
}
