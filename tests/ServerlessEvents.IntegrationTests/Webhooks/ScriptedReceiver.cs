using Microsoft.AspNetCore.Http;

namespace ServerlessEvents.IntegrationTests.Webhooks;

/// <summary>A loopback receiver that answers each request with the status a script gives for its number (1-based).</summary>
internal static class ScriptedReceiver
{
    public static Task<LoopbackReceiver> StartAsync(Func<int, int> status, string? retryAfter = null)
    {
        var count = 0;
        return LoopbackReceiver.StartAsync(async (context, _) =>
        {
            var code = status(Interlocked.Increment(ref count));
            context.Response.StatusCode = code;
            if (retryAfter is not null && code is 429 or 503)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }
            await context.Response.WriteAsync($"answer {code}");
        });
    }

    public static Task<LoopbackReceiver> AlwaysAsync(int status) => StartAsync(_ => status);
}
