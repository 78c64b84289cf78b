using Azure;

namespace ServerlessEvents.Storage.Tables;

/// <summary>One operation of an entity-group transaction.</summary>
public class TableTransactionAction
{
    public TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity)
        : this(actionType, entity, default)
    {
    }

    /// <param name="etag">If-Match for Update*/Delete; default means "*" (any).</param>
    public TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity, ETag etag)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ActionType = actionType;
        Entity = entity;
        ETag = etag;
    }

    public TableTransactionActionType ActionType { get; }

    public ITableEntity Entity { get; }

    public ETag ETag { get; }
}
