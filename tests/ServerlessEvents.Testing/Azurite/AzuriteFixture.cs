using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Xunit;

namespace ServerlessEvents.Testing.Azurite;

/// <summary>
/// Runs Azurite's table and queue services (npm package pinned in package.json; install with
/// scripts/setup.sh) on free loopback ports, in memory or persisted to a temporary directory.
/// <see cref="StopAsync"/>/<see cref="StartAsync"/> restart on the same ports, so clients keep working.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's public, well-known development key.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly AzuriteService _table;
    private readonly AzuriteService _queue;
    private readonly string? _location;
    private int _counter;

    /// <summary>In-memory Azurite (xunit uses this constructor for class and collection fixtures).</summary>
    public AzuriteFixture() : this(persistToDisk: false)
    {
    }

    /// <summary>
    /// Azurite persisting to a temporary directory (<c>--location</c>), so data survives
    /// <see cref="StopAsync"/>/<see cref="StartAsync"/>. Call <see cref="StartAsync"/> (or use it as an IAsyncLifetime).
    /// </summary>
    public static AzuriteFixture CreatePersistent() => new(persistToDisk: true);

    private AzuriteFixture(bool persistToDisk)
    {
        var root = RepositoryPaths.Root;
        _table = new AzuriteService(root, "table", FreePort.Next());
        _queue = new AzuriteService(root, "queue", FreePort.Next());
        _location = persistToDisk ? Directory.CreateTempSubdirectory("azurite-").FullName : null;
        TableEndpoint = new Uri($"http://127.0.0.1:{_table.Port}/{AccountName}");
        QueueEndpoint = new Uri($"http://127.0.0.1:{_queue.Port}/{AccountName}");
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
                           $"TableEndpoint={TableEndpoint};QueueEndpoint={QueueEndpoint};";
        TableServiceClient = new TableServiceClient(ConnectionString);
        QueueServiceClient = new QueueServiceClient(ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    }

    public Uri TableEndpoint { get; }

    public Uri QueueEndpoint { get; }

    /// <summary>Connection string with explicit path-style endpoints.</summary>
    public string ConnectionString { get; }

    public TableServiceClient TableServiceClient { get; }

    /// <summary>With base64 message encoding, as the Functions queue trigger expects (the SDK's default is none).</summary>
    public QueueServiceClient QueueServiceClient { get; }

    /// <summary>Where data is persisted, or null when in memory.</summary>
    public string? Location => _location;

    public bool IsRunning => _table.IsRunning && _queue.IsRunning;

    /// <summary>A name valid for both tables and queues, unique within this test run ("t" + 15 hex/digits).</summary>
    public string UniqueName(string prefix = "t")
    {
        var n = Interlocked.Increment(ref _counter);
        var random = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 5));
        return (prefix + random + n.ToString("D5", CultureInfo.InvariantCulture)).ToLowerInvariant();
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (!_table.IsRunning) await _table.StartAsync(_location is null ? null : Path.Combine(_location, "table"), cancellationToken);
        if (!_queue.IsRunning) await _queue.StartAsync(_location is null ? null : Path.Combine(_location, "queue"), cancellationToken);
    }

    /// <summary>
    /// Stops both services. <paramref name="graceful"/> (default) sends SIGINT so disk-persisted data is
    /// flushed; false kills the process tree at once, like a crash (Azurite then loses writes made since
    /// its last autosave). In-memory data is always lost.
    /// </summary>
    public async Task StopAsync(bool graceful = true)
    {
        await Task.WhenAll(_table.StopAsync(graceful), _queue.StopAsync(graceful));
    }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync(graceful: false);
        if (_location is not null)
        {
            try { Directory.Delete(_location, recursive: true); }
            catch (IOException) { /* best effort: a leftover temp dir is harmless */ }
        }
    }
}
