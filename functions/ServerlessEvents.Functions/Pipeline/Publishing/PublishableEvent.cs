namespace ServerlessEvents.Functions.Publishing;

/// <summary>One event ready to publish: its routing attributes and its exact CloudEvents JSON.</summary>
/// <param name="Id">The CloudEvents <c>id</c>.</param>
/// <param name="Source">The CloudEvents <c>source</c>.</param>
/// <param name="Type">The CloudEvents <c>type</c>, e.g. <c>order.created</c>.</param>
/// <param name="Subject">The CloudEvents <c>subject</c>, if any.</param>
/// <param name="Json">The whole event as a structured-mode CloudEvents JSON object (UTF-8).</param>
public sealed record PublishableEvent(string Id, string Source, string Type, string? Subject, ReadOnlyMemory<byte> Json);
