using System.Collections.Concurrent;
using Azure.Core;

namespace ServerlessEvents.IntegrationTests.Storage;

/// <summary>A TokenCredential double: records every requested scope and hands out a fixed token.</summary>
internal sealed class RecordingTokenCredential(string token) : TokenCredential
{
    public ConcurrentQueue<string> Scopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        foreach (var scope in requestContext.Scopes) Scopes.Enqueue(scope);
        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
