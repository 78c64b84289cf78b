namespace ServerlessEvents.Functions.Webhooks;

/// <summary>A tenant's webhook subscription (without its secret, which lives in its own table).</summary>
public sealed record WebhookSubscription
{
    /// <summary>The owning tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>The id: <c>whk_</c> + 32 lower-case hex digits.</summary>
    public required string Id { get; init; }

    /// <summary>The target URL (checked by the SSRF policy at registration and on every connection).</summary>
    public required Uri Url { get; init; }

    /// <summary>Exact types, prefix patterns such as <c>order.*</c>, or <c>*</c>.</summary>
    public required IReadOnlyList<string> EventTypes { get; init; }

    /// <summary>Conditions that must all hold (empty: every event of the types).</summary>
    public IReadOnlyList<WebhookFilterCondition> Filter { get; init; } = [];

    /// <summary>Free text for the owner.</summary>
    public string? Description { get; init; }

    /// <summary>Whether deliveries are made.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Why the subscription was disabled automatically (410 Gone, failing too long), or null.</summary>
    public string? DisabledReason { get; init; }

    /// <summary>When it was disabled, or null.</summary>
    public DateTimeOffset? DisabledAt { get; init; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last change by its owner.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Delivery health.</summary>
    public WebhookSubscriptionStats Stats { get; init; } = new(0, 0, null, null, null, null);

    /// <summary>Whether an event of <paramref name="type"/> whose JSON root is <paramref name="root"/> is for this subscription.</summary>
    public bool Matches(string type, System.Text.Json.JsonElement root) =>
        EventTypes.Any(p => WebhookTypePatterns.Matches(p, type)) && Filter.All(c => c.IsMetBy(root));
}
