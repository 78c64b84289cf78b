namespace ServerlessEvents.Functions.Hosting;

/// <summary>
/// A client-facing failure with an HTTP status. <see cref="ProblemMapping"/> turns it into an
/// RFC 7807 <c>application/problem+json</c> answer with an <c>errors</c> list naming each field.
/// </summary>
public sealed class ApiProblemException : Exception
{
    /// <summary>Creates a problem with a status, a short title and optional per-field errors.</summary>
    public ApiProblemException(int status, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null)
        : base(detail ?? title)
    {
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors ?? [];
    }

    /// <summary>The HTTP status code.</summary>
    public int Status { get; }

    /// <summary>A short, human-readable summary.</summary>
    public string Title { get; }

    /// <summary>A longer explanation, if any.</summary>
    public string? Detail { get; }

    /// <summary>The fields at fault.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>When set, the answer carries <c>Retry-After</c> with this delay in whole seconds (rounded up, at least 1).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Extra members written into the problem document (e.g. the list of known event types).</summary>
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();

    /// <summary>400: the request is malformed.</summary>
    public static ApiProblemException BadRequest(string detail, params FieldError[] errors) => new(400, "The request is malformed.", detail, errors);

    /// <summary>422: the request is well-formed but its content is invalid.</summary>
    public static ApiProblemException Unprocessable(string detail, IReadOnlyList<FieldError> errors) => new(422, "The request content is invalid.", detail, errors);

    /// <summary>404: nothing of that id in the caller's tenant.</summary>
    public static ApiProblemException NotFound(string detail) => new(404, "Not found.", detail);
}
