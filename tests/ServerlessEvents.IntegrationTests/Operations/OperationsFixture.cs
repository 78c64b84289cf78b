using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ServerlessEvents.Functions.Retention;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Operations;

/// <summary>The pipeline with a short consumer safety lag (2 s), so consumer tests reach the end of the feed quickly,
/// small retention batches, and a probe that sees retention's deletions.</summary>
public sealed class OperationsFixture : PipelineFixture
{
    /// <summary>The safety lag the handler runs with, in seconds.</summary>
    public const int SafetyLagSeconds = 2;

    /// <summary>Sees what retention deletes.</summary>
    public RetentionProbe Retention { get; } = new();

    /// <inheritdoc />
    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<IRetentionObserver>(Retention);

    /// <inheritdoc />
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Consumers:SafetyLagSeconds"] = SafetyLagSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Retention:BatchSize"] = "25";
        return settings;
    }
}
