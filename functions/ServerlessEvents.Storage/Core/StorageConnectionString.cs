namespace ServerlessEvents.Storage;

/// <summary>
/// A parsed storage connection string: <c>UseDevelopmentStorage=true</c> (Azurite defaults) or
/// <c>AccountName/AccountKey</c> with explicit <c>TableEndpoint/QueueEndpoint</c> or an
/// <c>EndpointSuffix</c>. Error messages never contain the key.
/// </summary>
internal sealed record StorageConnectionString(string AccountName, string AccountKey, Uri TableEndpoint, Uri QueueEndpoint)
{
    public static StorageConnectionString Parse(string connectionString)
    {
        if (!TryParse(connectionString, out var parsed, out var problem)) throw new FormatException(problem);
        return parsed!;
    }

    public static bool TryParse(string? connectionString, out StorageConnectionString? parsed, out string? problem)
    {
        parsed = null;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (connectionString ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) { problem = "The storage connection string is malformed (expected Key=Value pairs separated by ';')."; return false; }
            values[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }
        if (values.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var isDev) && isDev)
        {
            parsed = new(StorageConstants.DevAccountName, StorageConstants.DevAccountKey,
                new Uri(StorageConstants.DevTableEndpoint), new Uri(StorageConstants.DevQueueEndpoint));
            problem = null;
            return true;
        }
        if (values.ContainsKey("SharedAccessSignature"))
        {
            problem = "SAS connection strings are not supported; use AccountName/AccountKey or identity-based settings.";
            return false;
        }
        if (!values.TryGetValue("AccountName", out var account) || account.Length == 0 ||
            !values.TryGetValue("AccountKey", out var key) || key.Length == 0)
        {
            problem = "The storage connection string needs AccountName and AccountKey (or UseDevelopmentStorage=true).";
            return false;
        }
        var protocol = values.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = values.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        var table = Endpoint(values, "TableEndpoint", protocol, account, "table", suffix);
        var queue = Endpoint(values, "QueueEndpoint", protocol, account, "queue", suffix);
        if (table is null || queue is null)
        {
            problem = "The storage connection string has an invalid TableEndpoint, QueueEndpoint or EndpointSuffix.";
            return false;
        }
        parsed = new(account, key, table, queue);
        problem = null;
        return true;
    }

    private static Uri? Endpoint(Dictionary<string, string> values, string name, string protocol, string account, string service, string suffix) =>
        values.TryGetValue(name, out var explicitEndpoint)
            ? Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var u) ? u : null
            : Uri.TryCreate($"{protocol}://{account}.{service}.{suffix}", UriKind.Absolute, out var d) ? d : null;

    /// <summary>Never print the key.</summary>
    public override string ToString() => $"AccountName={AccountName};TableEndpoint={TableEndpoint};QueueEndpoint={QueueEndpoint}";
}
