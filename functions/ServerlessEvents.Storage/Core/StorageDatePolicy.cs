using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessEvents.Storage;

/// <summary>Stamps every attempt with a fresh <c>x-ms-date</c> (runs before the signing policy).</summary>
internal sealed class StorageDatePolicy : HttpPipelineSynchronousPolicy
{
    public static readonly StorageDatePolicy Instance = new();

    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue(
            StorageConstants.MsDate, DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture));
}
