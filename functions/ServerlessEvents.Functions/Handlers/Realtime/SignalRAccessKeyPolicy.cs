using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessEvents.Functions.Realtime;

/// <summary>Signs every REST request with a fresh access-key JWT whose audience is that request's URL.</summary>
internal sealed class SignalRAccessKeyPolicy(string accessKey, TimeProvider clock, TimeSpan lifetime) : HttpPipelineSynchronousPolicy
{
    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        var audience = SignalRAccessToken.AudienceOf(message.Request.Uri.ToUri());
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, "Bearer " + SignalRAccessToken.Create(accessKey, audience, clock.GetUtcNow(), lifetime));
    }
}
