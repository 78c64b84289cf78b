using Azure;

namespace ServerlessEvents.Storage.Tables;

/// <summary>An entity-group transaction was rejected; nothing of it was applied.</summary>
public class TableTransactionFailedException : RequestFailedException
{
    public TableTransactionFailedException(RequestFailedException requestFailedException)
        : this(requestFailedException, null)
    {
    }

    internal TableTransactionFailedException(RequestFailedException requestFailedException, int? failedTransactionActionIndex)
        : base(requestFailedException.Status, requestFailedException.Message, requestFailedException.ErrorCode, requestFailedException)
    {
        FailedTransactionActionIndex = failedTransactionActionIndex;
    }

    /// <summary>0-based index of the action the service rejected (from the "n:" message prefix), if reported.</summary>
    public int? FailedTransactionActionIndex { get; }
}
