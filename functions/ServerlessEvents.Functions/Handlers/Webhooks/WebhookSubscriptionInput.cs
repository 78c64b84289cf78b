namespace ServerlessEvents.Functions.Webhooks;

/// <summary>The fields of a create or update request that were present and valid (absent fields are null).</summary>
public sealed record WebhookSubscriptionInput(
    Uri? Url, IReadOnlyList<string>? EventTypes, IReadOnlyList<WebhookFilterCondition>? Filter, string? Description, bool HasDescription, bool? Enabled);
