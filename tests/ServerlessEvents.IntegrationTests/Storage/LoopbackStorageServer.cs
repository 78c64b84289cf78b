using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Emulators.Tls;

namespace ServerlessEvents.IntegrationTests.Storage;

/// <summary>
/// A Kestrel listener on 127.0.0.1 (HTTPS with a throw-away self-signed certificate, because Azure.Core
/// refuses bearer tokens over plain HTTP) that records requests and answers with a scripted status.
/// </summary>
internal sealed class LoopbackStorageServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly Func<HttpContext, int, int> _status;

    private LoopbackStorageServer(WebApplication app, X509Certificate2 certificate, Func<HttpContext, int, int> status)
    {
        _app = app;
        _certificate = certificate;
        _status = status;
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <param name="status">Chooses the response status from the request and its 1-based sequence number.</param>
    public static async Task<LoopbackStorageServer> StartAsync(Func<HttpContext, int, int> status)
    {
        var certificate = LoopbackCertificate.Create();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var server = new LoopbackStorageServer(app, certificate, status);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>A transport that trusts exactly this server's certificate.</summary>
    public HttpClientTransport Transport() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == _certificate.Thumbprint,
    });

    private async Task HandleAsync(HttpContext context)
    {
        var sequence = Requests.Count + 1;
        Requests.Enqueue(new RecordedRequest(
            context.Request.Method, context.Request.Path + context.Request.QueryString,
            context.Request.Headers.Authorization.ToString(), context.Request.Headers["x-ms-version"].ToString(),
            context.Request.Headers["x-ms-date"].ToString()));
        context.Response.StatusCode = _status(context, sequence);
        if (context.Response.StatusCode >= 500) context.Response.Headers["x-ms-error-code"] = "ServerBusy";
        await context.Response.CompleteAsync();
    }


    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }
}
