using System.Text.Json;

namespace ServerlessEvents.Emulators.Topology;

/// <summary>
/// An Event Grid subscription filter, evaluated the way Event Grid does: event types and subject
/// prefixes/suffixes compare case-insensitively (subjects case-sensitively when asked), and every
/// advanced filter must match. Absent <see cref="IncludedEventTypes"/> means all types.
/// </summary>
public sealed class TopologyFilter
{
    /// <summary>The event types delivered; null or absent means every type.</summary>
    public IReadOnlyList<string>? IncludedEventTypes { get; init; }

    /// <summary>Only subjects starting with this value, if set.</summary>
    public string? SubjectBeginsWith { get; init; }

    /// <summary>Only subjects ending with this value, if set.</summary>
    public string? SubjectEndsWith { get; init; }

    /// <summary>Whether subject comparisons are case-sensitive (Event Grid default false).</summary>
    public bool IsSubjectCaseSensitive { get; init; }

    /// <summary>Whether advanced filters match any element of an array value.</summary>
    public bool EnableAdvancedFilteringOnArrays { get; init; }

    /// <summary>Advanced filters over event attributes and data (keys such as <c>data.kind</c>); all must match.</summary>
    public IReadOnlyList<AdvancedFilter> AdvancedFilters { get; init; } = [];

    /// <summary>Whether Event Grid would deliver the event to this subscription.</summary>
    /// <param name="type">The CloudEvents <c>type</c>.</param>
    /// <param name="subject">The CloudEvents <c>subject</c>, if any.</param>
    /// <param name="eventJson">The whole CloudEvent as JSON; advanced filter keys resolve against it.</param>
    public bool Matches(string type, string? subject, ReadOnlyMemory<byte> eventJson)
    {
        if (IncludedEventTypes is { } types && !types.Contains(type, StringComparer.OrdinalIgnoreCase))
            return false;
        var comparison = IsSubjectCaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (!string.IsNullOrEmpty(SubjectBeginsWith) && !(subject ?? "").StartsWith(SubjectBeginsWith, comparison))
            return false;
        if (!string.IsNullOrEmpty(SubjectEndsWith) && !(subject ?? "").EndsWith(SubjectEndsWith, comparison))
            return false;
        if (AdvancedFilters.Count == 0)
            return true;
        using var document = JsonDocument.Parse(eventJson);
        return AdvancedFilters.All(f => AdvancedFilterEvaluator.Matches(f, document.RootElement, EnableAdvancedFilteringOnArrays));
    }
}
