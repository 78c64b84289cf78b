using Azure;
using Microsoft.AspNetCore.Mvc;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>
/// The one place that maps failures to HTTP problem documents (<see cref="ProblemMiddleware"/> answers with them). Client mistakes get 4xx with the reason;
/// storage or broker outages get 503 so clients retry; only genuine defects yield 500.
/// </summary>
public static class ProblemMapping
{
    /// <summary>Maps an exception to a problem document.</summary>
    public static ProblemDetails ToProblem(Exception exception)
    {
        switch (exception)
        {
            case ApiProblemException api:
                var details = new ProblemDetails { Status = api.Status, Title = api.Title, Detail = api.Detail };
                if (api.Errors.Count > 0)
                {
                    details.Extensions["errors"] = api.Errors.Select(e => new { field = e.Field, message = e.Message }).ToArray();
                }
                foreach (var (key, value) in api.Extensions)
                {
                    details.Extensions[key] = value;
                }
                return details;
            case AggregateException aggregate when aggregate.Flatten().InnerExceptions.Count > 0:
                // Azure.Core reports exhausted retries as an AggregateException of every attempt's failure
                // (RequestFailedException status 0 when storage is unreachable); the last attempt decides.
                return ToProblem(aggregate.Flatten().InnerExceptions[^1]);
            case BadHttpRequestException bad:
                return new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request is malformed.",
                    Detail = bad.Message,
                };
            case RequestFailedException storage when IsTransient(storage):
            case HttpRequestException or TimeoutException or TaskCanceledException or DependencyUnavailableException:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "A dependency is unavailable.",
                    Detail = "Storage or the event broker could not be reached. Nothing was acknowledged; retry the request.",
                };
            default:
                return new ProblemDetails { Status = 500, Title = "An unexpected error occurred." };
        }
    }

    /// <summary>Storage answers that mean "unreachable or unusable right now" rather than a defect of ours.</summary>
    public static bool IsTransient(RequestFailedException exception) =>
        exception.Status is 0 or 403 or 408 or 429 or >= 500;
}
