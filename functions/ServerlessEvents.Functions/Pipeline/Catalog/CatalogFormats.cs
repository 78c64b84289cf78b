using System.Text.Json;
using Json.Schema;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Catalog;

/// <summary>
/// The <c>format</c> checks JsonSchema.Net asserts for event data, beyond its built-in ones (email, uri, uuid...):
/// <c>date-time</c> and <c>date</c> follow <see cref="Rfc3339"/>, the rule the envelope's <c>time</c> uses and that
/// the records' <see cref="DateTimeOffset"/> members can read (the library's own check also takes a space for the
/// 'T'); <c>int32</c>/<c>int64</c> (added by <see cref="SchemaGenerator"/>) require an integer written without a
/// fraction or exponent that fits, as <c>System.Text.Json</c> reads integer members (JSON Schema's <c>integer</c>
/// alone accepts <c>1.0</c> and <c>1e2</c>).
/// </summary>
internal static class CatalogFormats
{
    /// <summary>The registry the catalog evaluates with; unknown keys fall back to the library's global formats.</summary>
    public static FormatRegistry Registry { get; } = Create();

    private static FormatRegistry Create()
    {
        var registry = new FormatRegistry();
        registry.Register(Strings("date-time", text => Rfc3339.IsDateTime(text)));
        registry.Register(Strings("date", text => Rfc3339.IsDate(text)));
        registry.Register(Numbers("int32", value => value.TryGetInt32(out _)));
        registry.Register(Numbers("int64", value => value.TryGetInt64(out _)));
        return registry;
    }

    private static PredicateFormat Strings(string key, Func<string, bool> check) =>
        new(key, value => value.ValueKind != JsonValueKind.String || check(value.GetString()!));

    private static PredicateFormat Numbers(string key, Func<JsonElement, bool> check) =>
        new(key, value => value.ValueKind != JsonValueKind.Number || check(value));
}
