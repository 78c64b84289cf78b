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

    /// <summary>
    /// An RFC 3339 date-time with an offset (<c>2026-01-31T12:00:00Z</c>, <c>...+02:00</c>) as a UTC instant, or null when
    /// absent. The same rule ingestion applies to an event's <c>time</c> (<see cref="Rfc3339.TryParseDateTime"/>): a bare
    /// date or a time without an offset is ambiguous and refused with a 400 naming <paramref name="field"/>.
    /// </summary>
    public static DateTimeOffset? Time(string? text, string field) =>
        string.IsNullOrEmpty(text) ? null
        : Rfc3339.TryParseDateTime(text, out var time) ? time
        : throw ApiProblemException.BadRequest(
            $"'{field}' must be an RFC 3339 date-time with an offset, such as 2026-01-31T12:00:00Z or 2026-01-31T13:00:00+01:00.",
            new FieldError(field, "is not an RFC 3339 date-time with an offset (Z or ±hh:mm)"));
}
