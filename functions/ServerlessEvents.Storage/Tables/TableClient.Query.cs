using Azure;

namespace ServerlessEvents.Storage.Tables;

public partial class TableClient
{
    /// <summary>
    /// Queries entities. Enumerating follows continuation transparently; <c>AsPages(token)</c> exposes
    /// pages and resumes from an opaque continuation token. <paramref name="maxPerPage"/> is the
    /// per-request $top (the service caps pages at 1,000). Build filters with <see cref="CreateQueryFilter"/>.
    /// </summary>
    public virtual AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        if (maxPerPage is <= 0 or > 1000) throw new ArgumentOutOfRangeException(nameof(maxPerPage), "maxPerPage must be between 1 and 1000.");
        var selectText = select is null ? null : string.Join(",", select);
        return new TableQueryPageable<T>(_rest, Name, filter, maxPerPage, selectText, cancellationToken);
    }
}
