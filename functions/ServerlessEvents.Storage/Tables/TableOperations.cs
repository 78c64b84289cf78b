using System.Text.Json;
using Azure;
using Azure.Core;

namespace ServerlessEvents.Storage.Tables;

/// <summary>Create/delete table requests shared by <see cref="TableServiceClient"/> and <see cref="TableClient"/>.</summary>
internal static class TableOperations
{
    public static async Task<Response<TableItem>> CreateAsync(TableRestClient rest, string tableName, bool ifNotExists, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        using var message = rest.CreateMessage(RequestMethod.Post, "/Tables");
        message.Request.Headers.Add("Prefer", "return-no-content");
        var body = new Dictionary<string, string> { ["TableName"] = tableName };
        TableRestClient.SetJsonContent(message.Request, BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(body)));
        var response = await StoragePipeline.SendAsync(rest.Pipeline, message, ct, 204, 201, ifNotExists ? 409 : -1).ConfigureAwait(false);
        return Response.FromValue(new TableItem(tableName), response);
    }

    public static async Task<Response> DeleteAsync(TableRestClient rest, string tableName, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        using var message = rest.CreateMessage(RequestMethod.Delete, "/Tables('" + Uri.EscapeDataString(tableName) + "')");
        return await StoragePipeline.SendAsync(rest.Pipeline, message, ct, 204, 404).ConfigureAwait(false);
    }
}
