using System.Text.Json;
using Azure;
using Azure.Core;
using ServerlessEvents.Storage.Tables.Serialization;

namespace ServerlessEvents.Storage.Tables;

public partial class TableClient
{
    private static readonly RequestMethod Patch = new("PATCH");

    /// <summary>Inserts the entity; an existing key gives <see cref="RequestFailedException"/> 409 EntityAlreadyExists.</summary>
    public virtual async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default) where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = _rest.CreateMessage(RequestMethod.Post, "/" + Uri.EscapeDataString(Name));
        message.Request.Headers.Add("Prefer", "return-no-content");
        TableRestClient.SetJsonContent(message.Request, TableEntitySerializer.ToJson(entity));
        return await StoragePipeline.SendAsync(_rest.Pipeline, message, cancellationToken, 204, 201).ConfigureAwait(false);
    }

    /// <summary>Inserts or merges/replaces the entity regardless of its current state (no If-Match).</summary>
    public virtual Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity => WriteEntityAsync(entity, mode, ifMatch: null, cancellationToken);

    /// <summary>Updates an existing entity if its ETag matches (default/"*" = any); 412 on a stale ETag, 404 if missing.</summary>
    public virtual Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity => WriteEntityAsync(entity, mode, IfMatch(ifMatch), cancellationToken);

    /// <summary>Deletes the entity (If-Match; default = "*"). A missing entity (404) is not an error, as in the SDK.</summary>
    public virtual async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Delete, TableRestClient.EntityPath(Name, partitionKey, rowKey));
        message.Request.Headers.Add(HttpHeader.Names.IfMatch, IfMatch(ifMatch));
        return await StoragePipeline.SendAsync(_rest.Pipeline, message, cancellationToken, 204, 404).ConfigureAwait(false);
    }

    /// <summary>Deletes the entity by its keys (If-Match as given; default = "*").</summary>
    public virtual Task<Response> DeleteEntityAsync(ITableEntity entity, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ifMatch, cancellationToken);
    }

    /// <summary>Reads one entity; 404 gives <see cref="RequestFailedException"/>.</summary>
    public virtual async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var response = await GetEntityCoreAsync<T>(partitionKey, rowKey, select, throwOnMissing: true, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Value!, response.GetRawResponse());
    }

    /// <summary>Reads one entity; <see cref="NullableResponse{T}.HasValue"/> is false when it does not exist.</summary>
    public virtual Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new() =>
        GetEntityCoreAsync<T>(partitionKey, rowKey, select, throwOnMissing: false, cancellationToken);

    private async Task<NullableResponse<T>> GetEntityCoreAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select, bool throwOnMissing, CancellationToken ct)
        where T : class, ITableEntity, new()
    {
        using var message = _rest.CreateMessage(RequestMethod.Get, TableRestClient.EntityPath(Name, partitionKey, rowKey));
        if (select is not null) message.Request.Uri.AppendQuery("$select", string.Join(",", select));
        var response = await StoragePipeline.SendAsync(_rest.Pipeline, message, ct, 200, throwOnMissing ? -1 : 404).ConfigureAwait(false);
        if (response.Status == 404) return new NoValueResponse<T>(response);
        using var document = JsonDocument.Parse(response.Content.ToMemory());
        response.Headers.TryGetValue(HttpHeader.Names.ETag, out var etag);
        return Response.FromValue(TableEntitySerializer.Read<T>(document.RootElement, etag), response);
    }

    private async Task<Response> WriteEntityAsync<T>(T entity, TableUpdateMode mode, string? ifMatch, CancellationToken ct) where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        var method = mode == TableUpdateMode.Replace ? RequestMethod.Put : Patch;
        using var message = _rest.CreateMessage(method, TableRestClient.EntityPath(Name, entity.PartitionKey, entity.RowKey));
        if (ifMatch is not null) message.Request.Headers.Add(HttpHeader.Names.IfMatch, ifMatch);
        TableRestClient.SetJsonContent(message.Request, TableEntitySerializer.ToJson(entity));
        return await StoragePipeline.SendAsync(_rest.Pipeline, message, ct, 204).ConfigureAwait(false);
    }

    internal static string IfMatch(ETag etag) => etag == default ? "*" : etag.ToString();
}
