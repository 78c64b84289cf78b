using System.Text.RegularExpressions;

namespace ServerlessEvents.UnitTests.Infrastructure;

public sealed class BicepResourceTests
{
    private static string Code(string relative) => BicepText.WithoutComments(RepositoryFiles.Read(relative));

    private static void AssertHas(string relative, string pattern) =>
        Assert.True(Regex.IsMatch(Code(relative), pattern), $"{relative} must match /{pattern}/");

    [Fact]
    public void Function_app_runs_the_dotnet_10_isolated_worker_on_flex_consumption_with_identity_deployment_storage()
    {
        const string app = AppSettingsSources.FunctionAppBicep;
        AssertHas(app, @"sku:\s*\{\s*name:\s*'FC1'\s*tier:\s*'FlexConsumption'");
        AssertHas(app, @"runtime:\s*\{\s*name:\s*'dotnet-isolated'\s*version:\s*'10\.0'\s*\}");
        // The .NET 10 on Flex start-up crash (azure-functions-dotnet-worker#3335) is worked around by default.
        AssertHas(app, @"WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED:\s*'0'");
        AssertHas(app, @"authentication:\s*\{\s*type:\s*'UserAssignedIdentity'\s*userAssignedIdentityResourceId:\s*identityId");
        AssertHas(app, @"scaleAndConcurrency:\s*\{\s*maximumInstanceCount:");
        AssertHas(app, @"'azd-service-name':\s*'functions'");
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", Code(app), StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_disallows_shared_keys_public_blobs_and_old_tls_and_creates_the_dead_letter_container()
    {
        const string storage = "infra/app/storage.bicep";
        AssertHas(storage, @"allowSharedKeyAccess:\s*false");
        AssertHas(storage, @"allowBlobPublicAccess:\s*false");
        AssertHas(storage, @"minimumTlsVersion:\s*'TLS1_2'");
        AssertHas(storage, @"topology\.deadLetterContainerName");
        AssertHas(storage, @"for\s+tableName\s+in\s+topology\.storage\.tables");
        AssertHas(storage, @"for\s+queueName\s+in\s+topology\.storage\.queues");
    }

    [Fact]
    public void Topic_takes_cloud_events_without_local_auth_and_carries_the_dead_letter_identity()
    {
        const string topic = "infra/app/eventgrid-topic.bicep";
        AssertHas(topic, @"inputSchema:\s*'CloudEventSchemaV1_0'");
        AssertHas(topic, @"disableLocalAuth:\s*true");
        AssertHas(topic, @"type:\s*'UserAssigned'\s*userAssignedIdentities:\s*\{\s*'\$\{identityId\}':\s*\{\}");
    }

    [Fact]
    public void Subscriptions_target_each_function_with_cloud_events_retry_and_identity_dead_lettering()
    {
        const string subs = "infra/app/eventgrid-subscriptions.bicep";
        AssertHas(subs, @"targetScope\s*=\s*'resourceGroup'");
        AssertHas(subs, @"for\s+handler\s+in\s+topology\.handlers");
        AssertHas(subs, @"endpointType:\s*'AzureFunction'");
        AssertHas(subs, @"resourceId:\s*'\$\{functionApp\.id\}/functions/\$\{handler\.functionName\}'");
        AssertHas(subs, @"maxEventsPerBatch:\s*handler\.maxEventsPerBatch");
        AssertHas(subs, @"eventDeliverySchema:\s*'CloudEventSchemaV1_0'");
        AssertHas(subs, @"maxDeliveryAttempts:\s*handler\.retryPolicy\.maxDeliveryAttempts");
        AssertHas(subs, @"eventTimeToLiveInMinutes:\s*handler\.retryPolicy\.eventTimeToLiveInMinutes");
        AssertHas(subs, @"includedEventTypes:\s*handler\.filter\.\?includedEventTypes");
        AssertHas(subs, @"advancedFilters:\s*handler\.filter\.\?advancedFilters");
        AssertHas(subs, @"deadLetterWithResourceIdentity:\s*handler\.deadLetter\s*\?");
        AssertHas(subs, @"type:\s*'UserAssigned'\s*userAssignedIdentity:\s*identityId");
        AssertHas(subs, @"endpointType:\s*'StorageBlob'");
        AssertHas(subs, @"blobContainerName:\s*topology\.deadLetterContainerName");
        // The hooks pass the identity the topic carries (main.bicep gives the topic module identity.outputs.id).
        AssertHas("infra/main.bicep", @"module\s+topic[^\n]*\n(?:[^\n]*\n){0,8}?\s*identityId:\s*identity\.outputs\.id");
    }

    [Fact]
    public void SignalR_runs_serverless_with_a_sku_parameter_and_monitoring_has_local_auth_off()
    {
        AssertHas("infra/app/signalr.bicep", @"flag:\s*'ServiceMode'\s*value:\s*'Serverless'");
        AssertHas("infra/app/signalr.bicep", @"name:\s*skuName");
        AssertHas("infra/main.bicep", @"skuName:\s*signalRSku");
        AssertHas("infra/app/monitoring.bicep", @"DisableLocalAuth:\s*true");
        AssertHas("infra/app/monitoring.bicep", @"disableLocalAuth:\s*true");
    }

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b")] // Storage Blob Data Owner
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88")] // Storage Queue Data Contributor
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3")] // Storage Table Data Contributor
    [InlineData("d5a91429-5739-47e2-a06b-3470a27159e7")] // EventGrid Data Sender
    [InlineData("fd53cd77-2268-407a-8f46-7e7863d0f521")] // SignalR REST API Owner (REST sends, groups, client tokens)
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb")] // Monitoring Metrics Publisher
    public void Rbac_grants_each_data_role(string roleId)
    {
        Assert.Contains($"'{roleId}'", Code("infra/app/rbac.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public void SignalR_App_Server_is_not_granted_because_it_cannot_call_the_rest_api()
    {
        Assert.DoesNotContain("420fcaa2-552c-430f-98ca-3264be4806c7", Code("infra/app/rbac.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_go_to_the_app_identity_and_to_the_deployer()
    {
        var modules = BicepFiles.Modules(RepositoryFiles.PathOf("infra/main.bicep")).Where(m => m.Path == "./app/rbac.bicep").ToList();
        Assert.Equal(2, modules.Count);
        AssertHas("infra/main.bicep", @"principalId:\s*identity\.outputs\.principalId\s*principalType:\s*'ServicePrincipal'");
        AssertHas("infra/main.bicep", @"if\s*\(!empty\(principalId\)\)\s*\{[^}]*principalId:\s*principalId");
    }
}
