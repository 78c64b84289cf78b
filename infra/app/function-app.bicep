// The Flex Consumption (FC1) plan and the function app that runs the isolated worker (functions/ServerlessEvents.FunctionApp).
//
// Runtime: functionAppConfig.runtime is { name: 'dotnet-isolated', version: '10.0' }, the Flex stack entry for the
// .NET 10 isolated worker. Flex rejects FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION app settings (the
// runtime comes from functionAppConfig), so neither is set below; FUNCTIONS_WORKER_RUNTIME lives only in
// local.settings.json for func start.
// Moving an existing app from the earlier 'custom' 1.0 runtime to this one in place has been seen to fail at start
// ("exited with code 150", azure-functions-dotnet-worker#3351): recreate the function app (README, "Deploy").
param planName string
param functionAppName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param topicName string
param signalRName string
param keyVaultName string
// 40 (the Flex minimum) keeps one tenant at its default ingest quota (IngestQuota__EventsPerSecond = 70 per instance,
// Platform/Quotas/IngestQuotaOptions.cs) under the storage account's 20,000 entity operations a second: 70 x 40 x ~7 entity
// writes an event = 19,600. Raising it raises that worst case; lower the default quota with it (docs/quotas.md).
@description('Upper bound of Flex instances (40..1000). Keep maximumInstanceCount x IngestQuota__EventsPerSecond x 7 under 20,000 (docs/quotas.md).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048
param enableEmail bool = false
param emailSenderAddress string = ''
param smtpUsername string = ''
@secure()
param smtpPassword string = ''

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource topic 'Microsoft.EventGrid/topics@2025-02-15' existing = {
  name: topicName
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource signalR 'Microsoft.SignalRService/signalR@2024-03-01' existing = {
  name: signalRName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// App settings: identity-based connections only. infra/settings-manifest.json lists every key the code reads;
// a unit test checks each is set here (or marked optional / local-only there) and that no secret slips in.
var storageAppSettings = {
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
}

// .NET 10 on Flex: with placeholders, FunctionsNetHost loads the worker and can crash with SIGSEGV (exit 139) under
// load (azure-functions-dotnet-worker#3335, open). Turning placeholders off for dotnet-isolated starts the worker
// directly (`dotnet ServerlessEvents.FunctionApp.dll`), at the cost of a slower cold start. Remove once #3335 ships.
var workerAppSettings = {
  WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED: '0'
}

var monitoringAppSettings = {
  // identity-exception: the connection string only locates the ingestion endpoint; local auth is off, so ingestion needs the Entra token named below.
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

// SignalR over Microsoft Entra ID: the app's REST client reads these (Handlers/Realtime/RealtimeConnection.cs).
var signalRAppSettings = {
  AzureSignalRConnectionString__serviceUri: 'https://${signalR.properties.hostName}'
  AzureSignalRConnectionString__credential: 'managedidentity'
  AzureSignalRConnectionString__clientId: identityClientId
}

var identityAppSettings = {
  AZURE_CLIENT_ID: identityClientId
  EventGrid__TopicEndpoint: topic.properties.endpoint
  // The key-encryption key of webhook signing secrets, read with the identity above (Key Vault Secrets User).
  Webhooks__SecretKeyVaultUri: keyVault.properties.vaultUri
}

var emailAppSettings = enableEmail ? {
  Email__SmtpHost: 'smtp.azurecomm.net'
  Email__SmtpPort: '587'
  Email__SmtpUsername: smtpUsername
  // identity-exception: ACS SMTP logs in with an Entra application's client secret; SMTP offers no managed-identity login.
  Email__SmtpPassword: smtpPassword
  Email__FromAddress: emailSenderAddress
} : {}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(workerAppSettings, storageAppSettings, monitoringAppSettings, signalRAppSettings, identityAppSettings, emailAppSettings)
}

output name string = functionApp.name
output id string = functionApp.id
output defaultHostName string = functionApp.properties.defaultHostName
