using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServerlessEvents.Bench;

/// <summary>
/// A loopback TCP proxy in front of one Azurite service that counts what crosses it: HTTP requests, and for the
/// table service the entity writes inside them (an insert, update, merge or delete is one; an entity-group
/// transaction counts each operation in its changeset). Responses are copied through untouched. The worker is
/// pointed at it only for the counting pass (<see cref="StorageCountingPass"/>), so the throughput levels run
/// without the extra hop.
/// </summary>
public sealed class StorageCountingProxy : IAsyncDisposable
{
    private static readonly string[] WriteMethods = ["POST ", "PUT ", "MERGE ", "PATCH ", "DELETE "];
    private readonly TcpListener _listener;
    private readonly IPEndPoint _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _writesByTable = new(StringComparer.Ordinal);
    private long _requests;
    private long _transactions;
    private long _lastRequestTicks = Environment.TickCount64;

    private StorageCountingProxy(Uri upstream)
    {
        _upstream = new IPEndPoint(IPAddress.Loopback, upstream.Port);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The loopback port clients connect to.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Starts a proxy in front of <paramref name="upstream"/> (an Azurite service endpoint).</summary>
    public static StorageCountingProxy Start(Uri upstream) => new(upstream);

    /// <summary>The counts so far.</summary>
    public StorageTally Snapshot()
    {
        lock (_lock)
        {
            return new StorageTally(_requests, _transactions, new Dictionary<string, long>(_writesByTable, StringComparer.Ordinal));
        }
    }

    /// <summary>Waits until no request has crossed for <paramref name="quiet"/> (background work finished).</summary>
    public async Task WaitIdleAsync(TimeSpan quiet, TimeSpan max)
    {
        var until = Environment.TickCount64 + (long)max.TotalMilliseconds;
        while (Environment.TickCount64 - Interlocked.Read(ref _lastRequestTicks) < quiet.TotalMilliseconds && Environment.TickCount64 < until)
        {
            await Task.Delay(100);
        }
    }

    private async Task AcceptAsync()
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
            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                client.NoDelay = true;
                upstream.NoDelay = true;
                await upstream.ConnectAsync(_upstream, _stop.Token);
                var toClient = upstream.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
                var fromClient = ForwardRequestsAsync(client.GetStream(), upstream.GetStream());
                await Task.WhenAny(toClient, fromClient);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
            }
            catch (SocketException)
            {
            }
        }
    }

    /// <summary>Reads each request (head, then a Content-Length or chunked body), counts it and forwards its bytes.</summary>
    private async Task ForwardRequestsAsync(NetworkStream client, NetworkStream upstream)
    {
        var reader = new BufferedReader(client);
        while (await reader.ReadHeadAsync(_stop.Token) is { } head)
        {
            var text = Encoding.ASCII.GetString(head);
            var body = await ReadBodyAsync(reader, text);
            Count(text, body);
            await upstream.WriteAsync(head, _stop.Token);
            await upstream.WriteAsync(body.Raw, _stop.Token);
        }
    }

    private async Task<(byte[] Raw, byte[] Content)> ReadBodyAsync(BufferedReader reader, string head)
    {
        var lines = head.Split("\r\n");
        string? Header(string name) => lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)).Select(p => p[1].Trim()).FirstOrDefault();
        if (Header("Content-Length") is { } length && long.TryParse(length, out var count))
        {
            var content = await reader.ReadExactlyAsync((int)count, _stop.Token);
            return (content, content);
        }
        if (Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            var raw = new MemoryStream();
            var content = new MemoryStream();
            while (true)
            {
                var sizeLine = await reader.ReadLineAsync(_stop.Token);
                raw.Write(sizeLine);
                var size = Convert.ToInt32(Encoding.ASCII.GetString(sizeLine).Trim().Split(';')[0], 16);
                var chunk = await reader.ReadExactlyAsync(size + 2, _stop.Token);
                raw.Write(chunk);
                content.Write(chunk, 0, size);
                if (size == 0)
                {
                    return (raw.ToArray(), content.ToArray());
                }
            }
        }
        return ([], []);
    }

    private void Count(string head, (byte[] Raw, byte[] Content) body)
    {
        var requestLine = head[..head.IndexOf("\r\n", StringComparison.Ordinal)];
        var parts = requestLine.Split(' ');
        var (method, path) = (parts[0], Uri.UnescapeDataString(parts[1].Split('?')[0]));
        lock (_lock)
        {
            _requests++;
            if (path.EndsWith("/$batch", StringComparison.Ordinal))
            {
                _transactions++;
                foreach (var line in Encoding.UTF8.GetString(body.Content).Split("\r\n"))
                {
                    if (WriteMethods.Any(m => line.StartsWith(m, StringComparison.Ordinal)) && line.Contains(" http", StringComparison.Ordinal))
                    {
                        AddWrite(TableOf(new Uri(line.Split(' ')[1]).AbsolutePath));
                    }
                }
            }
            else if (method != "GET" && method != "HEAD" && TableOf(path) is var table && table != "Tables")
            {
                AddWrite(table);
            }
        }
        Interlocked.Exchange(ref _lastRequestTicks, Environment.TickCount64);
    }

    private void AddWrite(string table) => _writesByTable[table] = _writesByTable.GetValueOrDefault(table) + 1;

    /// <summary>The table (or queue) a path names: <c>/{account}/{name}</c>, <c>/{account}/{name}(PartitionKey=…)</c> or <c>/{account}/{queue}/messages…</c>.</summary>
    private static string TableOf(string path)
    {
        var segments = Uri.UnescapeDataString(path).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var name = segments.Length > 1 ? segments[1] : "?";
        var paren = name.IndexOf('(');
        return paren >= 0 ? name[..paren] : segments.Length > 2 && segments[2] == "messages" ? "queue:" + name : name;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    /// <summary>Reads lines and exact byte counts from a stream, keeping what it read ahead.</summary>
    private sealed class BufferedReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<byte[]?> ReadHeadAsync(CancellationToken cancellationToken)
        {
            var head = new MemoryStream();
            while (true)
            {
                var line = await ReadLineAsync(cancellationToken);
                if (line.Length == 0)
                {
                    return null;
                }
                head.Write(line);
                if (line.Length == 2 && head.Length > 2)
                {
                    return head.ToArray();
                }
            }
        }

        /// <summary>One line including its CRLF; empty at the end of the stream.</summary>
        public async Task<byte[]> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new MemoryStream();
            while (true)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    return line.ToArray();
                }
                var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                var take = newline < 0 ? _end - _start : newline - _start + 1;
                line.Write(_buffer, _start, take);
                _start += take;
                if (newline >= 0)
                {
                    return line.ToArray();
                }
            }
        }

        public async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
        {
            var result = new byte[count];
            var filled = 0;
            while (filled < count)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    throw new EndOfStreamException();
                }
                var take = Math.Min(count - filled, _end - _start);
                Array.Copy(_buffer, _start, result, filled, take);
                _start += take;
                filled += take;
            }
            return result;
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken);
            return _end > 0;
        }
    }
}

/// <summary>What crossed a <see cref="StorageCountingProxy"/>: requests, entity-group transactions and entity writes by table.</summary>
public sealed record StorageTally(long Requests, long Transactions, IReadOnlyDictionary<string, long> WritesByTable)
{
    /// <summary>All entity writes (queue messages included).</summary>
    public long Writes => WritesByTable.Values.Sum();

    /// <summary>What happened between <paramref name="before"/> and this tally.</summary>
    public StorageTally Minus(StorageTally before) => new(Requests - before.Requests, Transactions - before.Transactions,
        WritesByTable.ToDictionary(p => p.Key, p => p.Value - before.WritesByTable.GetValueOrDefault(p.Key), StringComparer.Ordinal)
            .Where(p => p.Value != 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
}
