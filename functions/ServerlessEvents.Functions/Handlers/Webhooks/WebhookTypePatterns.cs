using ServerlessEvents.Functions.Catalog;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>Event-type patterns of subscriptions: an exact type, a prefix such as <c>order.*</c>, or <c>*</c>.</summary>
public static class WebhookTypePatterns
{
    /// <summary>Whether <paramref name="pattern"/> selects <paramref name="type"/>.</summary>
    public static bool Matches(string pattern, string type) => pattern switch
    {
        "*" => true,
        _ when pattern.EndsWith(".*", StringComparison.Ordinal) => type.StartsWith(pattern[..^1], StringComparison.Ordinal),
        _ => pattern == type,
    };

    /// <summary>Whether the catalog knows the pattern: <c>*</c>, a known type, or a prefix that selects at least one known type.</summary>
    public static bool IsKnown(EventTypeCatalog catalog, string pattern) => pattern == "*" || catalog.Expand(pattern).Count > 0;
}
