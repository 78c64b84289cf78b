using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ServerlessEvents.Functions.Webhooks;

/// <summary>Validates a comma-separated retry schedule: 1–50 delays, each between 1 second and 7 days.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RetryScheduleAttribute : ValidationAttribute
{
    /// <summary>Most retries a schedule may hold.</summary>
    public const int MaxSteps = 50;

    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null || TryParse(value as string, out _, out var error)
            ? ValidationResult.Success
            : new ValidationResult($"{validationContext.MemberName}: {error}", [validationContext.MemberName ?? "RetrySchedule"]);

    /// <summary>Parses a schedule such as <c>00:00:05,00:05:00</c>.</summary>
    public static bool TryParse(string? text, out IReadOnlyList<TimeSpan> delays, out string? error)
    {
        delays = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the retry schedule is empty.";
            return false;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > MaxSteps)
        {
            error = $"the retry schedule has more than {MaxSteps} steps.";
            return false;
        }

        var parsed = new TimeSpan[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TimeSpan.TryParse(parts[i], CultureInfo.InvariantCulture, out parsed[i])
                || parsed[i] < TimeSpan.FromSeconds(1) || parsed[i] > TimeSpan.FromDays(7))
            {
                error = $"step {i + 1} '{parts[i]}' is not a delay between 00:00:01 and 7.00:00:00.";
                return false;
            }
        }

        delays = parsed;
        error = null;
        return true;
    }
}
