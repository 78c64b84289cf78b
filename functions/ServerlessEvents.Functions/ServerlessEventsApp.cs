using System.Net;
using ServerlessEvents.Functions.Hosting;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions;

/// <summary>Builds the handler application. Program.cs runs it; tests and the benchmark host it in-process.</summary>
public static class ServerlessEventsApp
{
    /// <summary>The variable the Functions host sets to the port the handler must listen on.</summary>
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>Creates the application; <paramref name="configure"/> lets tests override configuration and services.</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (int.TryParse(Environment.GetEnvironmentVariable(PortVariable), out var port))
        {
            // The host always calls http://127.0.0.1:<port>.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        }
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        builder.Services.AddSingleton(FunctionManifest.Load());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddServerlessEventsFeatures(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The host polls GET / until anything answers; answer at once, without touching dependencies.
        app.MapGet("/", () => Results.Text("ServerlessEvents handler is running.")).ExcludeFromDescription();
        app.UseStorageReadiness();
        app.MapServerlessEventsFeatures();
        FunctionManifestValidator.EnsureConsistent(app);
        return app;
    }
}
