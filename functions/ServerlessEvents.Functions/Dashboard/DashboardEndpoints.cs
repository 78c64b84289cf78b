using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Dashboard;

/// <summary><c>GET /api/dashboard</c>: the operators' page (anonymous; the page itself asks for a tenant key).</summary>
public static class DashboardEndpoints
{
    /// <summary>Adds the page.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DashboardPage>();
        return services;
    }

    /// <summary>Maps the page function.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpFunction("dashboard", (HttpContext context, DashboardPage page) =>
        {
            var nonce = DashboardPage.NewNonce();
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = DashboardPage.ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            return Results.Content(page.Render(nonce), "text/html; charset=utf-8");
        });
        return endpoints;
    }
}
