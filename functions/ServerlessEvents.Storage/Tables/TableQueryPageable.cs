using System.Text.Json;
using Azure;
using Azure.Core;
using ServerlessEvents.Storage.Tables.Serialization;

namespace ServerlessEvents.Storage.Tables;

/// <summary>Query results page by page, following NextPartitionKey/NextRowKey continuation.</summary>
internal sealed class TableQueryPageable<T>(
    TableRestClient rest, string table, string? filter, int? maxPerPage, string? select, CancellationToken cancellationToken)
    : AsyncPageable<T>(cancellationToken) where T : class, ITableEntity, new()
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var token = continuationToken;
        do
        {
            var page = await GetPageAsync(token, pageSizeHint is > 0 ? Math.Min(pageSizeHint.Value, 1000) : maxPerPage).ConfigureAwait(false);
            var next = page.ContinuationToken;
            // Guard against a service handing back the token it was given (Azurite issue #1554): it would never end.
            if (next is not null && next == token && page.Values.Count == 0)
            {
                yield return Page<T>.FromValues(page.Values, null, page.GetRawResponse());
                yield break;
            }
            yield return page;
            token = next;
        }
        while (token is not null);
    }

    private async Task<Page<T>> GetPageAsync(string? token, int? top)
    {
        using var message = rest.CreateMessage(RequestMethod.Get, "/" + Uri.EscapeDataString(table) + "()");
        var uri = message.Request.Uri;
        if (!string.IsNullOrEmpty(filter)) uri.AppendQuery("$filter", filter);
        if (top is > 0) uri.AppendQuery("$top", top.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(select)) uri.AppendQuery("$select", select);
        var (nextPartitionKey, nextRowKey) = TableContinuationToken.Parse(token);
        if (nextPartitionKey is not null) uri.AppendQuery("NextPartitionKey", nextPartitionKey);
        if (nextRowKey is not null) uri.AppendQuery("NextRowKey", nextRowKey);

        var response = await StoragePipeline.SendAsync(rest.Pipeline, message, CancellationToken, 200).ConfigureAwait(false);
        using var document = JsonDocument.Parse(response.Content.ToMemory());
        var items = document.RootElement.GetProperty("value");
        var values = new List<T>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray()) values.Add(TableEntitySerializer.Read<T>(item));
        response.Headers.TryGetValue(TableContinuationToken.NextPartitionKeyHeader, out var npk);
        response.Headers.TryGetValue(TableContinuationToken.NextRowKeyHeader, out var nrk);
        return Page<T>.FromValues(values, TableContinuationToken.Create(npk, nrk), response);
    }
}
