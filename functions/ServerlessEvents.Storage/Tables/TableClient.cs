using Azure;
using Azure.Core;

namespace ServerlessEvents.Storage.Tables;

/// <summary>
/// One table (mirrors Azure.Data.Tables.TableClient): entity CRUD, queries, transactions. Thread-safe;
/// virtual members and the protected constructor allow mocking.
/// </summary>
public partial class TableClient
{
    private readonly TableRestClient _rest = null!;

    /// <summary>For mocking.</summary>
    protected TableClient()
    {
        Name = null!;
    }

    public TableClient(string connectionString, string tableName, TableClientOptions? options = null)
        : this(TableRestClient.Create(connectionString, options), tableName)
    {
    }

    public TableClient(Uri endpoint, string tableName, TableSharedKeyCredential credential, TableClientOptions? options = null)
        : this(TableRestClient.Create(endpoint, credential ?? throw new ArgumentNullException(nameof(credential)), options), tableName)
    {
    }

    public TableClient(Uri endpoint, string tableName, TokenCredential tokenCredential, TableClientOptions? options = null)
        : this(TableRestClient.Create(endpoint, tokenCredential, options), tableName)
    {
    }

    internal TableClient(TableRestClient rest, string tableName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        _rest = rest;
        Name = tableName;
    }

    public virtual string Name { get; }

    public virtual string AccountName => _rest.AccountName;

    public virtual Uri Uri => new(_rest.Endpoint.AbsoluteUri + "/" + Uri.EscapeDataString(Name));

    /// <summary>Creates the table; 409 TableAlreadyExists is a <see cref="RequestFailedException"/>.</summary>
    public virtual Task<Response<TableItem>> CreateAsync(CancellationToken cancellationToken = default) =>
        TableOperations.CreateAsync(_rest, Name, ifNotExists: false, cancellationToken);

    /// <summary>Creates the table unless it exists; either way returns the table item.</summary>
    public virtual Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        TableOperations.CreateAsync(_rest, Name, ifNotExists: true, cancellationToken);

    /// <summary>Deletes the table; a missing table is not an error.</summary>
    public virtual Task<Response> DeleteAsync(CancellationToken cancellationToken = default) =>
        TableOperations.DeleteAsync(_rest, Name, cancellationToken);

    /// <summary>Formats a filter, turning each interpolated value into a safely escaped OData literal.</summary>
    public static string CreateQueryFilter(FormattableString filter) => TableOdataFilter.Create(filter);
}
