using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessEvents.Storage;

/// <summary>Builds the Azure.Core pipeline (retries, logging, date, auth) and raises storage errors.</summary>
internal static class StoragePipeline
{
    public static HttpPipeline Build(ClientOptions options, HttpPipelinePolicy authPolicy) =>
        HttpPipelineBuilder.Build(new HttpPipelineOptions(options)
        {
            PerRetryPolicies = { StorageDatePolicy.Instance, authPolicy },
            RequestFailedDetailsParser = StorageErrorParser.Instance,
        });

    public static BearerTokenAuthenticationPolicy Bearer(TokenCredential credential) =>
        new(credential ?? throw new ArgumentNullException(nameof(credential)), StorageConstants.StorageScope);

    /// <summary>Sends the message and throws <see cref="RequestFailedException"/> unless the status is expected.</summary>
    public static async ValueTask<Response> SendAsync(
        HttpPipeline pipeline, HttpMessage message, CancellationToken cancellationToken, int ok, int ok2 = -1, int ok3 = -1)
    {
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status == ok || response.Status == ok2 || response.Status == ok3) return response;
        throw new RequestFailedException(response, null, StorageErrorParser.Instance);
    }
}
