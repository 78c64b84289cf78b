using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Operations;

/// <summary>The pipeline with a short consumer safety lag (2 s), so consumer tests reach the end of the feed quickly.</summary>
public sealed class OperationsFixture : PipelineFixture
{
    /// <summary>The safety lag the handler runs with, in seconds.</summary>
    public const int SafetyLagSeconds = 2;

    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Consumers:SafetyLagSeconds"] = SafetyLagSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }
}
