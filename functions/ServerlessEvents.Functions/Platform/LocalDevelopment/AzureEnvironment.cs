namespace ServerlessEvents.Functions.LocalDevelopment;

/// <summary>Detects whether the process runs in Azure (App Service / Functions / Flex) from the platform's variables.</summary>
public static class AzureEnvironment
{
    /// <summary>
    /// Variables the Azure Functions platform sets and local hosts do not. <c>CONTAINER_NAME</c> is deliberately not
    /// one: Linux Consumption sets it, but so do many containers, dev containers and CI sandboxes.
    /// </summary>
    public static IReadOnlyList<string> MarkerVariables { get; } = ["WEBSITE_INSTANCE_ID", "WEBSITE_SITE_NAME"];

    /// <summary>The first marker variable that is set, for messages.</summary>
    public static string? DetectedBy(IConfiguration configuration) =>
        MarkerVariables.FirstOrDefault(name => !string.IsNullOrWhiteSpace(configuration[name]));
}
