using System.Net.Security;
using System.Security.Authentication;
using System.Text;

namespace ServerlessEvents.Emulators.Smtp;

/// <summary>
/// One SMTP conversation of <see cref="LocalSmtpServer"/> (RFC 5321 subset, RFC 3207 STARTTLS, RFC 8314 implicit
/// TLS, RFC 4954 AUTH PLAIN/LOGIN). After STARTTLS the conversation starts over on the TLS stream, as RFC 3207 says.
/// </summary>
internal sealed class SmtpSession(LocalSmtpServer server, Stream network, SmtpServerMode mode, SmtpServerTls tls) : IAsyncDisposable
{
    private string? _from;
    private readonly List<string> _recipients = [];
    private string? _user;
    private SslStream? _tls;
    private StreamReader reader = null!;
    private StreamWriter writer = null!;

    private bool Secured => _tls is not null;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (tls == SmtpServerTls.Implicit)
        {
            await StartTlsAsync(cancellationToken);
        }
        else
        {
            Use(network);
        }
        if (mode == SmtpServerMode.ServiceUnavailable)
        {
            await writer.WriteLineAsync("421 localhost Service not available, closing transmission channel");
            return;
        }
        await writer.WriteLineAsync("220 localhost ESMTP LocalSmtpServer ready");
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
            var argument = line.Length > 5 ? line[5..] : "";
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost greets " + argument);
                    if (tls == SmtpServerTls.StartTls && !Secured)
                    {
                        await writer.WriteLineAsync("250-STARTTLS");
                    }
                    await writer.WriteLineAsync("250-8BITMIME");
                    await writer.WriteLineAsync("250-SIZE 10485760");
                    await writer.WriteLineAsync(server.RequiredCredentials is null ? "250 HELP" : "250 AUTH PLAIN LOGIN");
                    break;
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "STAR" when line.Equals("STARTTLS", StringComparison.OrdinalIgnoreCase):
                    if (tls != SmtpServerTls.StartTls || Secured)
                    {
                        await writer.WriteLineAsync("502 5.5.1 STARTTLS not available");
                        break;
                    }
                    await writer.WriteLineAsync("220 2.0.0 Ready to start TLS");
                    await StartTlsAsync(cancellationToken);
                    break;
                case "AUTH" when tls == SmtpServerTls.StartTls && !Secured:
                case "MAIL" when tls == SmtpServerTls.StartTls && !Secured:
                    await writer.WriteLineAsync("530 5.7.0 Must issue a STARTTLS command first");
                    break;
                case "AUTH":
                    await AuthenticateAsync(argument, cancellationToken);
                    break;
                case "MAIL":
                    if (server.RequiredCredentials is not null && _user is null)
                    {
                        await writer.WriteLineAsync("530 5.7.0 Authentication required");
                        break;
                    }
                    _from = Address(argument);
                    _recipients.Clear();
                    await writer.WriteLineAsync("250 2.1.0 OK");
                    break;
                case "RCPT":
                    if (mode == SmtpServerMode.TemporaryFailure)
                    {
                        await writer.WriteLineAsync("451 4.3.0 Temporary local problem, try again later");
                        break;
                    }
                    if (mode == SmtpServerMode.RejectRecipients)
                    {
                        await writer.WriteLineAsync("550 5.1.1 No such user here");
                        break;
                    }
                    _recipients.Add(Address(argument));
                    await writer.WriteLineAsync("250 2.1.5 OK");
                    break;
                case "DATA" when mode == SmtpServerMode.DropDuringData:
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    await reader.ReadLineAsync(cancellationToken);
                    return;
                case "DATA":
                    await ReceiveDataAsync(cancellationToken);
                    if (mode == SmtpServerMode.CloseAfterAccepting)
                    {
                        return;
                    }
                    break;
                case "RSET":
                    _from = null;
                    _recipients.Clear();
                    await writer.WriteLineAsync("250 2.0.0 OK");
                    break;
                case "NOOP":
                    await writer.WriteLineAsync("250 2.0.0 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 5.5.2 Command not recognized");
                    break;
            }
        }
    }

    private async Task ReceiveDataAsync(CancellationToken cancellationToken)
    {
        if (_from is null || _recipients.Count == 0)
        {
            await writer.WriteLineAsync("503 5.5.1 Need MAIL and RCPT first");
            return;
        }
        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line && line != ".")
        {
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }
        server.Record(new SmtpReceivedMessage(_from, _recipients.ToArray(), data.ToString(), _user, _tls?.SslProtocol));
        _from = null;
        _recipients.Clear();
        await writer.WriteLineAsync("250 2.0.0 Queued");
    }

    private async Task StartTlsAsync(CancellationToken cancellationToken)
    {
        _tls = new SslStream(network, leaveInnerStreamOpen: true);
        await _tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificate = server.Certificate,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        }, cancellationToken);
        Use(_tls);
        _from = null;
        _recipients.Clear();
        _user = null;
    }

    private void Use(Stream stream)
    {
        reader = new StreamReader(stream, Encoding.UTF8, false, 4096, leaveOpen: true);
        writer = new StreamWriter(stream, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
    }

    public async ValueTask DisposeAsync()
    {
        reader?.Dispose();
        if (writer is not null)
        {
            try
            {
                await writer.DisposeAsync();
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException)
            {
                // The connection is already gone.
            }
        }
        if (_tls is not null)
        {
            await _tls.DisposeAsync();
        }
    }

    private async Task AuthenticateAsync(string argument, CancellationToken cancellationToken)
    {
        var parts = argument.Split(' ', 2);
        string? user = null, password = null;
        if (parts[0].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
        {
            var initial = parts.Length > 1 ? parts[1] : await PromptAsync("", cancellationToken);
            var fields = Decode(initial).Split('\0');
            (user, password) = fields.Length == 3 ? (fields[1], fields[2]) : (null, null);
        }
        else if (parts[0].Equals("LOGIN", StringComparison.OrdinalIgnoreCase))
        {
            user = parts.Length > 1 ? Decode(parts[1]) : Decode(await PromptAsync("VXNlcm5hbWU6", cancellationToken));
            password = Decode(await PromptAsync("UGFzc3dvcmQ6", cancellationToken));
        }
        if (server.RequiredCredentials is { } expected && user == expected.User && password == expected.Password)
        {
            _user = user;
            await writer.WriteLineAsync("235 2.7.0 Authentication successful");
        }
        else
        {
            await writer.WriteLineAsync("535 5.7.8 Authentication credentials invalid");
        }
    }

    private async Task<string> PromptAsync(string challenge, CancellationToken cancellationToken)
    {
        await writer.WriteLineAsync("334 " + challenge);
        return await reader.ReadLineAsync(cancellationToken) ?? "";
    }

    private static string Decode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64.Trim()));
        }
        catch (FormatException)
        {
            return "";
        }
    }

    private static string Address(string argument)
    {
        var start = argument.IndexOf('<', StringComparison.Ordinal);
        var end = argument.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? argument[(start + 1)..end] : argument.Trim();
    }
}
