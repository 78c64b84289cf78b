using System.Globalization;
using System.Text.RegularExpressions;
using ServerlessEvents.Functions.Ingestion;
using ServerlessEvents.Functions.Quotas;
using ServerlessEvents.UnitTests.Infrastructure;

namespace ServerlessEvents.UnitTests.Quotas;

/// <summary>The default quota, the Bicep's instance ceiling and the storage account's target agree (docs/quotas.md).</summary>
public sealed class QuotaDefaultsTests
{
    private const int StorageEntityOpsPerSecond = 20_000, EntityWritesPerEvent = 7;

    private static int BicepMaximumInstanceCount()
    {
        var bicep = RepositoryFiles.Read("infra/app/function-app.bicep");
        var match = Regex.Match(bicep, @"param\s+maximumInstanceCount\s+int\s*=\s*(\d+)");
        Assert.True(match.Success, "function-app.bicep declares maximumInstanceCount with a default");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Fact]
    public void One_tenant_at_the_default_limit_on_every_instance_stays_under_the_storage_account_target()
    {
        var worstCase = BicepMaximumInstanceCount() * IngestQuotaOptions.DefaultEventsPerSecond * EntityWritesPerEvent;

        Assert.True(worstCase <= StorageEntityOpsPerSecond, $"{BicepMaximumInstanceCount()} instances x {IngestQuotaOptions.DefaultEventsPerSecond}/s x {EntityWritesPerEvent} = {worstCase} entity ops/s");
    }

    [Fact]
    public void The_defaults_are_the_documented_values_and_a_full_batch_fits_the_default_burst()
    {
        var options = new IngestQuotaOptions();

        Assert.True(options.Enabled);
        Assert.Equal(70, options.EventsPerSecond);
        Assert.Equal(500, options.Burst);
        Assert.Equal(TimeSpan.FromSeconds(30), options.OverrideCacheDuration);
        Assert.True(options.Burst >= new EventReaderOptions().MaxBatchSize);
        var docs = RepositoryFiles.Read("docs/quotas.md");
        Assert.Contains("`EventsPerSecond` **70**", docs, StringComparison.Ordinal);
        Assert.Contains("`maximumInstanceCount` = **40**", docs, StringComparison.Ordinal);
    }
}
