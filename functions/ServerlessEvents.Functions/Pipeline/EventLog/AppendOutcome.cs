namespace ServerlessEvents.Functions.EventLog;

/// <summary>What storing one event did.</summary>
public enum AppendOutcome
{
    /// <summary>Stored now, with its outbox marker.</summary>
    Accepted,
    /// <summary>The same source and id with the same content were already stored; nothing was written.</summary>
    Duplicate,
    /// <summary>The same source and id were already stored with other content; nothing was written.</summary>
    Conflict,
}
