using Azure.Core;
using Azure.Core.Pipeline;

namespace ServerlessEvents.Storage.Tables;

/// <summary>Request construction shared by the table clients: endpoint, paths and the mandatory headers.</summary>
internal sealed class TableRestClient
{
    public const string AcceptMinimal = "application/json;odata=minimalmetadata";
    public const string ContentTypeJson = "application/json";

    public TableRestClient(HttpPipeline pipeline, Uri endpoint, string accountName)
    {
        Pipeline = pipeline;
        Endpoint = StorageUri.Normalize(endpoint);
        AccountName = accountName;
    }

    public HttpPipeline Pipeline { get; }

    public Uri Endpoint { get; }

    public string AccountName { get; }

    public static TableRestClient Create(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options) =>
        new(StoragePipeline.Build(options ?? new TableClientOptions(), new TableSharedKeyPolicy(credential)), endpoint, credential.AccountName);

    public static TableRestClient Create(Uri endpoint, TokenCredential credential, TableClientOptions? options) =>
        new(StoragePipeline.Build(options ?? new TableClientOptions(), StoragePipeline.Bearer(credential)), endpoint, StorageUri.AccountName(endpoint));

    public static TableRestClient Create(string connectionString, TableClientOptions? options)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        return Create(parsed.TableEndpoint, new TableSharedKeyCredential(parsed.AccountName, parsed.AccountKey), options);
    }

    /// <summary>Creates a message for <paramref name="path"/> (already escaped, starting with '/').</summary>
    public HttpMessage CreateMessage(RequestMethod method, string path)
    {
        var message = Pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(Endpoint);
        request.Uri.AppendPath(path, escape: false);
        request.Headers.Add(StorageConstants.MsVersion, StorageConstants.ServiceVersion);
        request.Headers.Add("DataServiceVersion", "3.0");
        request.Headers.Add(HttpHeader.Names.Accept, AcceptMinimal);
        return message;
    }

    public static void SetJsonContent(Request request, BinaryData json)
    {
        request.Headers.Add(HttpHeader.Names.ContentType, ContentTypeJson);
        request.Content = RequestContent.Create(json);
    }

    /// <summary><c>/{table}(PartitionKey='..',RowKey='..')</c> with quotes doubled and percent-encoding.</summary>
    public static string EntityPath(string table, string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        return "/" + Uri.EscapeDataString(table) + "(PartitionKey='" + EscapeKey(partitionKey) + "',RowKey='" + EscapeKey(rowKey) + "')";
    }

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
