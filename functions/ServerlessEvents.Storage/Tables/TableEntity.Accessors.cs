using System.Globalization;

namespace ServerlessEvents.Storage.Tables;

/// <summary>Typed accessors of <see cref="TableEntity"/> (same names and conversions as Azure.Data.Tables).</summary>
public sealed partial class TableEntity
{
    public string? GetString(string key) => Get(key) switch
    {
        null => null,
        string s => s,
        var other => throw Mismatch(key, typeof(string), other),
    };

    public byte[]? GetBinary(string key) => Get(key) switch
    {
        null => null,
        byte[] b => b,
        BinaryData d => d.ToArray(),
        var other => throw Mismatch(key, typeof(byte[]), other),
    };

    public BinaryData? GetBinaryData(string key) => Get(key) switch
    {
        null => null,
        BinaryData d => d,
        byte[] b => BinaryData.FromBytes(b),
        var other => throw Mismatch(key, typeof(BinaryData), other),
    };

    public bool? GetBoolean(string key) => Get(key) switch { null => null, bool b => b, var o => throw Mismatch(key, typeof(bool), o) };

    public DateTimeOffset? GetDateTimeOffset(string key) => Get(key) switch
    {
        null => null,
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        var o => throw Mismatch(key, typeof(DateTimeOffset), o),
    };

    public DateTime? GetDateTime(string key) => GetDateTimeOffset(key)?.UtcDateTime;

    public double? GetDouble(string key) => Get(key) switch
    {
        null => null,
        double d => d,
        int i => i,
        long l => l,
        var o => throw Mismatch(key, typeof(double), o),
    };

    public Guid? GetGuid(string key) => Get(key) switch
    {
        null => null,
        Guid g => g,
        string s => Guid.Parse(s),
        var o => throw Mismatch(key, typeof(Guid), o),
    };

    public int? GetInt32(string key) => Get(key) switch { null => null, int i => i, var o => throw Mismatch(key, typeof(int), o) };

    public long? GetInt64(string key) => Get(key) switch
    {
        null => null,
        long l => l,
        int i => i,
        var o => throw Mismatch(key, typeof(long), o),
    };

    private object? Get(string key) => _properties.TryGetValue(key, out var v) ? v : null;

    private static InvalidOperationException Mismatch(string key, Type wanted, object actual) =>
        new($"Cannot return {wanted.Name} value for property '{key}': it holds a {actual.GetType().Name}.");
}
