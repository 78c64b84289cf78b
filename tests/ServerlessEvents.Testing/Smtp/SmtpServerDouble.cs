using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ServerlessEvents.Testing.Tls;

namespace ServerlessEvents.Testing.Smtp;

/// <summary>
/// A real SMTP server on 127.0.0.1 (free port) for tests: greeting, EHLO/HELO with capabilities, STARTTLS or TLS
/// from the first byte (<see cref="Tls"/>, with a throw-away self-signed <see cref="Certificate"/>), AUTH PLAIN and
/// LOGIN (required when <see cref="RequiredCredentials"/> is set), MAIL FROM, RCPT TO, DATA with dot-stuffing, RSET,
/// NOOP, QUIT. It records every accepted message raw; <see cref="Mode"/> simulates outages.
/// </summary>
public sealed class SmtpServerDouble : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<SmtpReceivedMessage> _messages = new();
    private int _connections;
    private Task _acceptLoop = Task.CompletedTask;

    /// <summary>The port it listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How new conversations are treated.</summary>
    public SmtpServerMode Mode { get; set; } = SmtpServerMode.Accept;

    /// <summary>How conversations are protected. Default <see cref="SmtpServerTls.None"/>.</summary>
    public SmtpServerTls Tls { get; set; } = SmtpServerTls.None;

    /// <summary>The server certificate (self-signed for 127.0.0.1 and localhost, made for this server); trust only this one.</summary>
    public X509Certificate2 Certificate { get; } = LoopbackCertificate.Create();

    /// <summary>When set, mail is refused (530) until the client authenticates with exactly these credentials.</summary>
    public (string User, string Password)? RequiredCredentials { get; set; }

    /// <summary>The messages accepted so far.</summary>
    public IReadOnlyList<SmtpReceivedMessage> Messages => _messages.ToArray();

    /// <summary>TCP connections accepted so far (including dropped ones).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The messages addressed to one recipient (case-insensitive).</summary>
    public IReadOnlyList<SmtpReceivedMessage> MessagesTo(string recipient) =>
        Messages.Where(m => m.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase)).ToArray();

    /// <summary>Starts listening.</summary>
    public static SmtpServerDouble Start()
    {
        var server = new SmtpServerDouble();
        server._listener.Start();
        server._acceptLoop = server.AcceptLoopAsync();
        return server;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var mode = Mode;
            if (mode == SmtpServerMode.DropConnections)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                return;
            }
            try
            {
                if (mode == SmtpServerMode.Silent)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
                await using var session = new SmtpSession(this, client.GetStream(), mode, Tls);
                await session.RunAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
            {
                // The client went away, refused our certificate, or the server is stopping.
            }
        }
    }

    internal void Record(SmtpReceivedMessage message) => _messages.Enqueue(message);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _stop.Dispose();
        Certificate.Dispose();
    }
}
