using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Realtime;

namespace ServerlessEvents.Functions.Dashboard;

/// <summary><c>GET /api/dashboard</c>: the operators' page (anonymous; the page itself asks for a tenant key).</summary>
public sealed class DashboardFunction(DashboardPage page, RealtimeConnection realtime)
{
    /// <summary>The page, with a fresh script nonce in its Content-Security-Policy.</summary>
    [Function("dashboard")]
    public IResult Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest request)
    {
        var nonce = DashboardPage.NewNonce();
        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = DashboardPage.ContentSecurityPolicy(nonce, realtime.IsConfigured ? realtime.Client.ClientUrl : null);
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        return Results.Content(page.Render(nonce), "text/html; charset=utf-8");
    }

    /// <summary>The SignalR browser client the page loads: the app serves it, so the page has no third-party origin.</summary>
    [Function("dashboardSignalRClient")]
    public IResult SignalRClient([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/signalr.min.js")] HttpRequest request)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(page.SignalRClient, "text/javascript; charset=utf-8");
    }
}
