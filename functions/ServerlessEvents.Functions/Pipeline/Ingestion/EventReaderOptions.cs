using System.ComponentModel.DataAnnotations;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>Tunables of <see cref="IncomingEventReader"/>; app settings <c>EventReader__DefaultSource</c> etc.</summary>
public sealed class EventReaderOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "EventReader";

    /// <summary>
    /// The CloudEvents <c>source</c> given to simple and legacy envelopes that carry none.
    /// Default <c>/serverlessevents/producer</c> (a URI-reference naming "some producer of this deployment").
    /// </summary>
    [Required]
    [MinLength(1)]
    public string DefaultSource { get; set; } = "/serverlessevents/producer";

    /// <summary>
    /// The most events one batch request may hold; a larger batch is refused whole with 413. Default 500.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 500;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(DefaultSource) && !AttributeRules.IsUriReference(DefaultSource))
        {
            yield return new ValidationResult("DefaultSource must be a URI-reference.", [nameof(DefaultSource)]);
        }
    }
}
