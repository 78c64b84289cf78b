using System.Text;
using System.Text.Json;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>
/// Validates a JSON value against a compiled schema and collects every error with its path
/// (e.g. <c>data.items[2].quantity</c>). The path is only materialised when an error is found; one instance is
/// reused per thread.
/// </summary>
internal sealed class SchemaValidator
{
    [ThreadStatic]
    private static SchemaValidator? t_cached;

    private readonly List<PathSegment> _path = [];
    private string _root = "";
    private List<FieldError>? _errors;

    /// <summary>Validates <paramref name="value"/>; <paramref name="root"/> names it in errors (e.g. <c>data</c>).</summary>
    public static IReadOnlyList<FieldError> Validate(SchemaNode schema, JsonElement value, string root)
    {
        var validator = t_cached ?? new SchemaValidator();
        t_cached = null;
        validator._root = root;
        try
        {
            validator.Visit(schema, value);
            return validator._errors ?? (IReadOnlyList<FieldError>)[];
        }
        finally
        {
            validator._errors = null;
            validator._path.Clear();
            t_cached = validator;
        }
    }

    private void Visit(SchemaNode schema, JsonElement value)
    {
        if (!SchemaTypeCheck.Matches(schema.Types, value, out var integerProblem))
        {
            Fail(integerProblem ?? $"must be {schema.Describe()}, not {SchemaTypeCheck.Describe(value.ValueKind)}");
            return;
        }
        if (schema.Enum is { } allowed && !SchemaTypeCheck.InEnum(allowed, value))
        {
            Fail("must be one of " + string.Join(", ", allowed.Select(a => a is null ? "null" : $"\"{a}\"")));
            return;
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(schema, value);
                break;
            case JsonValueKind.Number:
                CheckNumber(schema, value);
                break;
            case JsonValueKind.Object:
                VisitObject(schema, value);
                break;
            case JsonValueKind.Array when schema.Items is { } items:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    _path.Add(new PathSegment(null, default, index++));
                    Visit(items, item);
                    _path.RemoveAt(_path.Count - 1);
                }
                break;
        }
    }

    private void VisitObject(SchemaNode schema, JsonElement value)
    {
        foreach (var property in value.EnumerateObject())
        {
            var child = Match(schema, property);
            if (child is null)
            {
                child = schema.AdditionalProperties;
                if (!schema.AdditionalPropertiesAllowed)
                {
                    _path.Add(new PathSegment(null, property, -1));
                    Fail("is not a known member of this event type");
                    _path.RemoveAt(_path.Count - 1);
                    continue;
                }
            }
            if (child is not null)
            {
                _path.Add(new PathSegment(null, property, -1));
                Visit(child, property.Value);
                _path.RemoveAt(_path.Count - 1);
            }
        }
        foreach (var name in schema.Required)
        {
            if (!value.TryGetProperty(name, out _))
            {
                _path.Add(new PathSegment(name, default, -1));
                Fail("is required");
                _path.RemoveAt(_path.Count - 1);
            }
        }
    }

    private static SchemaNode? Match(SchemaNode schema, JsonProperty property)
    {
        foreach (var (name, node) in schema.PropertyList)
        {
            if (property.NameEquals(name))
            {
                return node;
            }
        }
        return null;
    }

    private void CheckString(SchemaNode schema, JsonElement value)
    {
        if (schema.MinLength == 1 && value.ValueEquals(ReadOnlySpan<byte>.Empty))
        {
            Fail("must not be empty");
            return;
        }
        if (schema.Pattern is null && schema.Format is null && schema.MinLength is null or 1)
        {
            return;
        }
        var text = value.GetString()!;
        if (schema.MinLength is { } min && text.Length < min)
        {
            Fail($"must be at least {min} characters long");
        }
        else if (schema.Pattern is { } pattern && !pattern.IsMatch(text))
        {
            Fail($"must match the pattern {pattern}");
        }
        else if (schema.Format is { } format && StringFormats.Check(format, text) is { } problem)
        {
            Fail(problem);
        }
    }

    private void CheckNumber(SchemaNode schema, JsonElement value)
    {
        var number = value.GetDouble();
        if (schema.Minimum is { } min && number < min)
        {
            Fail($"must be at least {min.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        else if (schema.Maximum is { } max && number > max)
        {
            Fail($"must be at most {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    private void Fail(string message) => (_errors ??= []).Add(new FieldError(CurrentPath(), message));

    private string CurrentPath()
    {
        var builder = new StringBuilder(_root);
        foreach (var segment in _path)
        {
            if (segment.Index >= 0)
            {
                builder.Append('[').Append(segment.Index).Append(']');
            }
            else
            {
                if (builder.Length > 0)
                {
                    builder.Append('.');
                }
                builder.Append(segment.Name ?? segment.Property.Name);
            }
        }
        return builder.ToString();
    }

    /// <summary>One step of the path; a member's name is only read (allocated) when an error is reported.</summary>
    private readonly record struct PathSegment(string? Name, JsonProperty Property, int Index);
}
