using Azure;
using Azure.Core;

namespace ServerlessEvents.Storage.Tables;

/// <summary>The table service of one storage account (mirrors Azure.Data.Tables.TableServiceClient). Thread-safe.</summary>
public class TableServiceClient
{
    private readonly TableRestClient _rest = null!;

    /// <summary>For mocking.</summary>
    protected TableServiceClient()
    {
    }

    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(TableRestClient.Create(connectionString, options))
    {
    }

    public TableServiceClient(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options = null)
        : this(TableRestClient.Create(endpoint, credential ?? throw new ArgumentNullException(nameof(credential)), options))
    {
    }

    public TableServiceClient(Uri endpoint, TokenCredential tokenCredential, TableClientOptions? options = null)
        : this(TableRestClient.Create(endpoint, tokenCredential, options))
    {
    }

    internal TableServiceClient(TableRestClient rest) => _rest = rest;

    public virtual string AccountName => _rest.AccountName;

    public virtual Uri Uri => _rest.Endpoint;

    public virtual TableClient GetTableClient(string tableName) => new(_rest, tableName);

    /// <summary>Creates the table; 409 TableAlreadyExists is a <see cref="RequestFailedException"/>.</summary>
    public virtual Task<Response<TableItem>> CreateTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        TableOperations.CreateAsync(_rest, tableName, ifNotExists: false, cancellationToken);

    /// <summary>Creates the table unless it exists; either way returns the table item.</summary>
    public virtual Task<Response<TableItem>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        TableOperations.CreateAsync(_rest, tableName, ifNotExists: true, cancellationToken);

    /// <summary>Deletes the table; a missing table (404) is not an error.</summary>
    public virtual Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        TableOperations.DeleteAsync(_rest, tableName, cancellationToken);
}
