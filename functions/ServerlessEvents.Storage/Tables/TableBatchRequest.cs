using System.Text;
using Azure.Core;
using ServerlessEvents.Storage.Tables.Serialization;

namespace ServerlessEvents.Storage.Tables;

/// <summary>Builds the multipart/mixed body of an entity-group transaction (one change set, CRLF line ends).</summary>
internal static class TableBatchRequest
{
    public const int MaxActions = 100;

    public static (BinaryData Body, string ContentType) Build(Uri endpoint, string table, IReadOnlyList<TableTransactionAction> actions)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        var tableUri = endpoint.AbsoluteUri + "/" + Uri.EscapeDataString(table);
        using var body = new MemoryStream(actions.Count * 512);
        var head = new StringBuilder(512);
        head.Append("--").Append(batch).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        foreach (var action in actions)
        {
            var entity = action.Entity;
            var (method, url, ifMatch, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", tableUri, null, true),
                TableTransactionActionType.Delete => ("DELETE", EntityUri(endpoint, table, entity), TableClient.IfMatch(action.ETag), false),
                TableTransactionActionType.UpdateMerge => ("PATCH", EntityUri(endpoint, table, entity), TableClient.IfMatch(action.ETag), true),
                TableTransactionActionType.UpdateReplace => ("PUT", EntityUri(endpoint, table, entity), TableClient.IfMatch(action.ETag), true),
                TableTransactionActionType.UpsertMerge => ("PATCH", EntityUri(endpoint, table, entity), (string?)null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", EntityUri(endpoint, table, entity), (string?)null, true),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action type."),
            };
            head.Append("--").Append(changeset).Append("\r\n")
                .Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
                .Append(method).Append(' ').Append(url).Append(" HTTP/1.1\r\n")
                .Append("Accept: ").Append(TableRestClient.AcceptMinimal).Append("\r\n")
                .Append("DataServiceVersion: 3.0;\r\n");
            if (ifMatch is not null) head.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            if (hasBody)
            {
                head.Append("Content-Type: application/json\r\n");
                if (action.ActionType == TableTransactionActionType.Add) head.Append("Prefer: return-no-content\r\n");
            }
            head.Append("\r\n");
            Flush(body, head);
            if (hasBody) TableEntitySerializer.ToJson(entity).ToStream().CopyTo(body);
            head.Append("\r\n");
        }
        head.Append("--").Append(changeset).Append("--\r\n--").Append(batch).Append("--\r\n");
        Flush(body, head);
        return (BinaryData.FromBytes(body.ToArray()), "multipart/mixed; boundary=" + batch);
    }

    private static string EntityUri(Uri endpoint, string table, ITableEntity entity) =>
        endpoint.AbsoluteUri + TableRestClient.EntityPath(table, entity.PartitionKey, entity.RowKey);

    private static void Flush(MemoryStream body, StringBuilder text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        body.Write(bytes);
        text.Clear();
    }
}
