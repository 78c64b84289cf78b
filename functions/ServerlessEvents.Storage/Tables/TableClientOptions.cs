using Azure.Core;

namespace ServerlessEvents.Storage.Tables;

/// <summary>
/// Options for table clients. Retry defaults (see <see cref="ClientOptions.Retry"/>): exponential,
/// 3 retries, 0.2 s base delay, 2 s max delay, 30 s network timeout per attempt; 408/429/5xx
/// (except 501/505) and transport errors are retried, so an unreachable endpoint fails in seconds.
/// </summary>
public class TableClientOptions : ClientOptions
{
    public TableClientOptions() => StorageRetryDefaults.Apply(this);
}
