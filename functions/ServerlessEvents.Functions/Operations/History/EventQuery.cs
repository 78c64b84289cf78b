namespace ServerlessEvents.Functions.History;

/// <summary>Filters of <c>GET /api/events</c>. Every filter is optional; time bounds are [From, To).</summary>
public sealed record EventQuery(
    string? Type = null, string? Source = null, string? Subject = null, string? UserId = null, string? CorrelationId = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null);
