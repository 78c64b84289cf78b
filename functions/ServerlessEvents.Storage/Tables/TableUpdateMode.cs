namespace ServerlessEvents.Storage.Tables;

/// <summary>How an update or upsert treats properties that are not sent.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep properties that are not sent (MERGE).</summary>
    Merge = 0,

    /// <summary>Drop properties that are not sent (PUT).</summary>
    Replace = 1,
}
