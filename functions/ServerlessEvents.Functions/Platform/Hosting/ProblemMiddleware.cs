using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>
/// The worker's one place that turns a failed HTTP function into its problem+json answer, with the mapping of
/// <see cref="ProblemMapping.ToProblem"/>: client mistakes 4xx with the reason, outages 503 with Retry-After,
/// defects 500 (logged). The answer replaces the function's result, so the invocation itself succeeds: the failure
/// was the caller's to see, not the host's to retry. Other triggers' exceptions pass through to the host, which
/// retries them (queue, Event Grid) or waits for the next run (timer).
/// </summary>
public sealed partial class ProblemMiddleware(ILogger<ProblemMiddleware> logger) : IFunctionsWorkerMiddleware
{
    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.GetHttpContext() is { } http && !http.RequestAborted.IsCancellationRequested)
        {
            context.GetInvocationResult().Value = Answer(http, exception, logger);
        }
    }

    /// <summary>Sets the status and headers of the problem for <paramref name="exception"/> and returns its body.</summary>
    public static IResult Answer(HttpContext http, Exception exception, ILogger logger)
    {
        var problem = ProblemMapping.ToProblem(exception);
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (status >= 500)
        {
            LogServerFailure(logger, exception, http.Request.Method, http.Request.Path, status);
        }
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = "5";
        }
        if (exception is ApiProblemException { RetryAfter: { } wait })
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return Results.Problem(problem);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Path} failed with {Status}")]
    private static partial void LogServerFailure(ILogger logger, Exception exception, string method, string path, int status);
}
