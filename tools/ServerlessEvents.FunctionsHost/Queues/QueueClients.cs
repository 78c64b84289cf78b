using Azure.Storage.Queues;
using ServerlessEvents.FunctionsHost.Metadata;

namespace ServerlessEvents.FunctionsHost.Queues;

/// <summary>The queue service a binding names: its <c>connection</c> setting, else <c>AzureWebJobsStorage</c>.</summary>
internal static class QueueClients
{
    public static QueueServiceClient Create(FunctionsHost host, FunctionBinding binding, QueueSettings settings)
    {
        var name = binding.Property("connection") is { Length: > 0 } connection ? connection : "AzureWebJobsStorage";
        var value = host.Options.AppSettings.TryGetValue(name, out var v) ? v : Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException($"Function binding '{binding.Name}' needs the storage connection string app setting '{name}'.");
        }
        var options = host.Options.QueueServiceVersion is { } version ? new QueueClientOptions(version) : new QueueClientOptions();
        options.MessageEncoding = settings.MessageEncodingBase64 ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None;
        return new QueueServiceClient(value, options);
    }
}
