using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Ingestion;

/// <summary>Collects the errors of one item and whether any is structural (400) rather than semantic (422).</summary>
internal sealed class ItemErrors
{
    private List<FieldError>? _errors;

    public bool Structural { get; private set; }

    public bool Any => _errors is { Count: > 0 };

    public IReadOnlyList<FieldError> List => _errors ?? (IReadOnlyList<FieldError>)[];

    public int Status => Structural ? 400 : 422;

    /// <summary>The item cannot be read as an event (wrong JSON kind, missing member...): 400.</summary>
    public void Structure(string field, string message)
    {
        Structural = true;
        (_errors ??= []).Add(new FieldError(field, message));
    }

    /// <summary>The item reads but a value breaks a rule: 422.</summary>
    public void Semantic(string field, string message) => (_errors ??= []).Add(new FieldError(field, message));

    public void Semantic(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            (_errors ??= []).AddRange(errors);
        }
    }
}
