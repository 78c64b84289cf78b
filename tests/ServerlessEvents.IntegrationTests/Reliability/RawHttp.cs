using System.Net.Sockets;
using System.Text;

namespace ServerlessEvents.IntegrationTests.Reliability;

/// <summary>Sends bytes no HttpClient would send (bad framing) and reads the status line; 0 when the server closes without answering.</summary>
public static class RawHttp
{
    /// <summary>The response status, or 0 when the connection ends without a status line.</summary>
    public static async Task<int> SendAsync(Uri server, byte[] request, bool halfClose)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(request);
        if (halfClose)
        {
            client.Client.Shutdown(SocketShutdown.Send);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[256];
        var read = 0;
        try
        {
            int n;
            while (read < 12 && (n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token)) > 0)
            {
                read += n;
            }
        }
        catch (IOException)
        {
            return 0;
        }
        var line = Encoding.ASCII.GetString(buffer, 0, read);
        return line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(9, 3), out var status) ? status : 0;
    }

    /// <summary>Framing attacks against one path: bad Content-Length values, conflicting framing, broken chunking, short bodies.</summary>
    public static IEnumerable<(string Name, byte[] Request, bool HalfClose)> Cases(string path, string host, string key)
    {
        var head = $"POST {path} HTTP/1.1\r\nHost: {host}\r\nx-api-key: {key}\r\nContent-Type: application/cloudevents+json\r\n";
        const string body = "{\"specversion\":\"1.0\",\"id\":\"raw\"}";
        yield return ("Content-Length abc", Encoding.ASCII.GetBytes(head + "Content-Length: abc\r\n\r\n" + body), false);
        yield return ("Content-Length -1", Encoding.ASCII.GetBytes(head + "Content-Length: -1\r\n\r\n" + body), false);
        yield return ("two Content-Length values", Encoding.ASCII.GetBytes(head + "Content-Length: 5\r\nContent-Length: 50\r\n\r\n" + body), false);
        yield return ("Content-Length and chunked", Encoding.ASCII.GetBytes(head + "Content-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n" + body), true);
        yield return ("broken chunk size", Encoding.ASCII.GetBytes(head + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n" + body + "\r\n0\r\n\r\n"), true);
        yield return ("Content-Length larger than the body", Encoding.ASCII.GetBytes(head + "Content-Length: 5000\r\n\r\n" + body), true);
        yield return ("Content-Length 2^63", Encoding.ASCII.GetBytes(head + "Content-Length: 9223372036854775808\r\n\r\n" + body), true);
        yield return ("header with control bytes", [.. Encoding.ASCII.GetBytes(head + "X-Bad: a"), 0x01, 0x7F, .. Encoding.ASCII.GetBytes($"\r\nContent-Length: {body.Length}\r\n\r\n" + body)], false);
        yield return ("header without colon", Encoding.ASCII.GetBytes(head + "NoColonHere\r\n" + $"Content-Length: {body.Length}\r\n\r\n" + body), false);
        yield return ("request line without a target", Encoding.ASCII.GetBytes($"POST  HTTP/1.1\r\nHost: {host}\r\n\r\n"), true);
    }
}
