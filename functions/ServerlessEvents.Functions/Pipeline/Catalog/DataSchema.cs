using System.Text.Json;
using Json.Schema;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>
/// One event type's data schema, built once with JsonSchema.Net (draft 2020-12, <c>format</c> asserted through
/// <see cref="CatalogFormats"/>) and safe to evaluate from many threads. Valid data costs one evaluation with the
/// flag output; only invalid data is evaluated again with the list output, which <see cref="SchemaErrors"/> turns
/// into per-field errors.
/// </summary>
internal sealed class DataSchema
{
    private static readonly EvaluationOptions FlagOptions = Options(OutputFormat.Flag);
    private static readonly EvaluationOptions ListOptions = Options(OutputFormat.List);
    private static readonly JsonElement Null = JsonDocument.Parse("null").RootElement;

    private readonly JsonSchema _schema;
    private readonly JsonElement _document;

    /// <summary>Builds the schema; its <c>$id</c> is registered in <paramref name="registry"/> only.</summary>
    public DataSchema(string schemaText, SchemaRegistry registry)
    {
        _document = JsonDocument.Parse(schemaText).RootElement.Clone();
        _schema = JsonSchema.Build(_document, new BuildOptions { SchemaRegistry = registry });
        AcceptsNull = _schema.Evaluate(Null, FlagOptions).IsValid;
        Expected = JsonKinds.DescribeTypes(SchemaLocation.Child(_document, "type"));
    }

    /// <summary>Whether JSON null (or absent data) is valid.</summary>
    public bool AcceptsNull { get; }

    /// <summary>What the root accepts, for messages, e.g. "an object".</summary>
    public string Expected { get; }

    /// <summary>Every error of <paramref name="data"/>; <paramref name="root"/> names it in fields (e.g. <c>data</c>).</summary>
    public IReadOnlyList<FieldError> Validate(JsonElement data, string root)
    {
        if (_schema.Evaluate(data, FlagOptions).IsValid)
        {
            return [];
        }
        return SchemaErrors.From(_schema.Evaluate(data, ListOptions), _document, data, root);
    }

    private static EvaluationOptions Options(OutputFormat output) => new()
    {
        OutputFormat = output,
        RequireFormatValidation = true,
        FormatRegistry = CatalogFormats.Registry,
    };
}
