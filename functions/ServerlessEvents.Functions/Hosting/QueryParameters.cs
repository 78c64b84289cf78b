using System.Globalization;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>Parsing of the query parameters the list endpoints share; a bad value is a 400 naming the parameter.</summary>
public static class QueryParameters
{
    /// <summary>A page size from 1 to <paramref name="max"/>, or <paramref name="defaultLimit"/> when absent.</summary>
    public static int Limit(string? text, int defaultLimit, int max, string field = "limit") =>
        string.IsNullOrEmpty(text) ? defaultLimit
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= max ? limit
        : throw ApiProblemException.BadRequest($"{field} must be a whole number from 1 to {max}.", new FieldError(field, $"must be 1..{max}"));

    /// <summary>An RFC 3339 time in UTC, or null when absent.</summary>
    public static DateTimeOffset? Time(string? text, string field) =>
        string.IsNullOrEmpty(text) ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time) ? time
        : throw ApiProblemException.BadRequest($"'{field}' must be an RFC 3339 time such as 2026-01-31T12:00:00Z.", new FieldError(field, "is not an RFC 3339 time"));
}
