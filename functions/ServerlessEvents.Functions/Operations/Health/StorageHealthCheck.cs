using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServerlessEvents.Functions.Storage;

namespace ServerlessEvents.Functions.Health;

/// <summary>Reaches table storage and the queues with a cheap read each.</summary>
public sealed class StorageHealthCheck(TableServiceClient tables, QueueServiceClient queues) : IHealthCheck
{
    /// <summary>The registered check names.</summary>
    public const string Tables = "tables", Queues = "queues";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            if (context.Registration.Name == Tables)
            {
                await tables.GetTableClient(TableNames.Tenants).CreateIfNotExistsAsync(timeout.Token);
                return HealthCheckResult.Healthy("Table storage answered.");
            }
            var queue = QueueNames.All.Count > 0 ? QueueNames.All[0] : "health-probe";
            await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: timeout.Token);
            return HealthCheckResult.Healthy("Queue storage answered.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{context.Registration.Name} unreachable: {exception.GetType().Name}");
        }
    }
}
