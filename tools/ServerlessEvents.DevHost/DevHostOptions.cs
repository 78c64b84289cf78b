using Microsoft.Extensions.Configuration;

namespace ServerlessEvents.DevHost;

/// <summary>
/// The dev host's settings (section <c>DevHost</c>): environment variables <c>DevHost__ApiPort=7171</c> or
/// command-line <c>--DevHost:ApiPort=7171</c>. Every port is on 127.0.0.1.
/// </summary>
public sealed class DevHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "DevHost";

    /// <summary><c>host</c> (default): the worker and the emulators. <c>emulators</c>: only Azurite and the emulators, for <c>func start</c> beside them.</summary>
    public string Mode { get; set; } = "host";

    /// <summary>The Functions host's HTTP port (<c>/api/...</c>); default 7071, as <c>func start</c>.</summary>
    public int ApiPort { get; set; } = 7071;

    /// <summary>The local Event Grid topic's port; default 7072.</summary>
    public int EventGridPort { get; set; } = 7072;

    /// <summary>The local SignalR Service's port; default 7073.</summary>
    public int SignalRPort { get; set; } = 7073;

    /// <summary>The captured-mail page's port (<c>GET /</c> lists the messages as JSON); default 7074.</summary>
    public int MailPort { get; set; } = 7074;

    /// <summary>The SMTP sink's port (STARTTLS on a development certificate the app pins); default 2525.</summary>
    public int SmtpPort { get; set; } = 2525;

    /// <summary>Azurite's blob port; default 10000.</summary>
    public int AzuriteBlobPort { get; set; } = 10000;

    /// <summary>Azurite's queue port; default 10001.</summary>
    public int AzuriteQueuePort { get; set; } = 10001;

    /// <summary>Azurite's table port; default 10002.</summary>
    public int AzuriteTablePort { get; set; } = 10002;

    /// <summary>Start Azurite (from <c>node_modules/.bin/azurite</c>); default true. False uses one already running on the ports above.</summary>
    public bool StartAzurite { get; set; } = true;

    /// <summary>Where Azurite keeps its data; default <c>.azurite</c> under the repository.</summary>
    public string AzuriteLocation { get; set; } = ".azurite";

    /// <summary>The worker app's build output; default <c>functions/ServerlessEvents.FunctionApp/bin/Debug/net10.0</c>.</summary>
    public string AppDirectory { get; set; } = "functions/ServerlessEvents.FunctionApp/bin/Debug/net10.0";

    /// <summary>The app settings file (its <c>Values</c>); default <c>local.settings.json</c>, else <c>local.settings.sample.json</c>.</summary>
    public string SettingsFile { get; set; } = "local.settings.json";

    /// <summary>The Functions host Event Grid delivers to in <c>emulators</c> mode; default <c>http://localhost:7071</c> (func start).</summary>
    public string FuncUrl { get; set; } = "http://localhost:7071";

    /// <summary>Event Grid's retry delays in seconds, comma-separated (the last repeats); default <c>1,2,4,8,16,30</c>.</summary>
    public string EventGridRetryDelays { get; set; } = "1,2,4,8,16,30";

    /// <summary>
    /// App settings that win over the settings file and the emulators': the <c>DevHost:AppSettings</c> section, for
    /// example <c>DevHost__AppSettings__Email__SmtpPort=2526</c>. Filled by <see cref="Bind"/>.
    /// </summary>
    public Dictionary<string, string> AppSettingOverrides { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The options from configuration (section <see cref="SectionName"/>), app-setting overrides included.</summary>
    public static DevHostOptions Bind(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var options = section.Get<DevHostOptions>() ?? new DevHostOptions();
        foreach (var (key, value) in section.GetSection("AppSettings").AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                options.AppSettingOverrides[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }
        return options;
    }

    /// <summary>Every port this run needs, with what uses it.</summary>
    public IEnumerable<(int Port, string User)> Ports()
    {
        if (StartAzurite)
        {
            yield return (AzuriteBlobPort, "Azurite blobs");
            yield return (AzuriteQueuePort, "Azurite queues");
            yield return (AzuriteTablePort, "Azurite tables");
        }
        if (Mode == "host")
        {
            yield return (ApiPort, "the Functions host");
        }
        yield return (EventGridPort, "the Event Grid topic");
        yield return (SignalRPort, "the SignalR Service");
        yield return (MailPort, "the captured-mail page");
        yield return (SmtpPort, "the SMTP sink");
    }

    /// <summary>The problem with these settings, or null.</summary>
    public string? Problem()
    {
        if (Mode is not ("host" or "emulators"))
        {
            return $"DevHost:Mode must be host or emulators, not '{Mode}'.";
        }
        var ports = Ports().ToList();
        if (ports.FirstOrDefault(p => p.Port is < 1 or > 65535) is { User: not null } bad)
        {
            return $"The port of {bad.User} must be 1-65535, not {bad.Port}.";
        }
        if (ports.GroupBy(p => p.Port).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return $"Port {twice.Key} is set for both {string.Join(" and ", twice.Select(p => p.User))}.";
        }
        return RetryDelays() is null ? $"DevHost:EventGridRetryDelays must be comma-separated seconds, not '{EventGridRetryDelays}'." : null;
    }

    /// <summary>The retry delays, or null when the setting does not parse.</summary>
    public IList<TimeSpan>? RetryDelays()
    {
        var delays = new List<TimeSpan>();
        foreach (var part in EventGridRetryDelays.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
            {
                return null;
            }
            delays.Add(TimeSpan.FromSeconds(seconds));
        }
        return delays;
    }
}
