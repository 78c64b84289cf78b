using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ServerlessEvents.Emulators.Tls;

namespace ServerlessEvents.Emulators.Smtp;

/// <summary>
/// The local SMTP sink: a real SMTP server on 127.0.0.1 for the dev host and the tests: greeting, EHLO/HELO with capabilities, STARTTLS or TLS
/// from the first byte (<see cref="Tls"/>, with a throw-away self-signed <see cref="Certificate"/>), AUTH PLAIN and
/// LOGIN (required when <see cref="RequiredCredentials"/> is set), MAIL FROM, RCPT TO, DATA with dot-stuffing, RSET,
/// NOOP, QUIT. It keeps every accepted message raw (and tells <see cref="Captured"/>); <see cref="Mode"/> simulates outages.
/// </summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<SmtpReceivedMessage> _messages = new();
    private int _connections;
    private Task _acceptLoop = Task.CompletedTask;

    private LocalSmtpServer(int port) => _listener = new TcpListener(IPAddress.Loopback, port);

    /// <summary>Called with each accepted message (for example to log it); exceptions are not caught.</summary>
    public Action<SmtpReceivedMessage>? Captured { get; set; }

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

    /// <summary>Starts listening on <paramref name="port"/> of 127.0.0.1 (0: a free port).</summary>
    public static LocalSmtpServer Start(int port = 0)
    {
        var server = new LocalSmtpServer(port);
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

    internal void Record(SmtpReceivedMessage message)
    {
        _messages.Enqueue(message);
        Captured?.Invoke(message);
    }

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
