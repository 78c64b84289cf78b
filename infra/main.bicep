// ServerlessEvents: everything `azd up` provisions. Event Grid subscriptions are NOT created here: a
// subscription to a function fails until the code is deployed, so the postdeploy hook deploys
// app/eventgrid-subscriptions.bicep after `azd deploy` (see azure.yaml and infra/hooks/).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the resource names.')
param environmentName string

@minLength(1)
@description('Region for every regional resource. Must offer Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deployer (azd sets AZURE_PRINCIPAL_ID); granted the same data roles as the app. Empty skips it.')
param principalId string = ''

@description('Principal type of principalId: User for a person, ServicePrincipal for CI.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Azure SignalR Service SKU. Free_F1 allows 20 connections and 20k messages a day.')
@allowed([
  'Free_F1'
  'Standard_S1'
  'Premium_P1'
])
param signalRSku string = 'Free_F1'

@description('Create Azure Communication Services email (SMTP) resources and the Email__* app settings.')
param enableEmail bool = false

@description('ACS data location when enableEmail is true.')
param emailDataLocation string = 'United States'

@description('ACS SMTP username (an SMTP Username or <acs>.<entra-app-id>.<tenant-id>); only with enableEmail.')
param smtpUsername string = ''

@secure()
@description('Client secret of the Entra application behind smtpUsername; only with enableEmail.')
param smtpPassword string = ''

@description('Override the resource group name; empty uses rg-<environmentName>.')
param resourceGroupName string = ''

var abbrs = loadJsonContent('./abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity './app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage './app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module monitoring './app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module topic './app/eventgrid-topic.bicep' = {
  name: 'eventgrid-topic'
  scope: rg
  params: {
    name: '${abbrs.eventGridDomainsTopics}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
  }
}

module signalR './app/signalr.bicep' = {
  name: 'signalr'
  scope: rg
  params: {
    name: '${abbrs.signalRServiceSignalR}${resourceToken}'
    location: location
    tags: tags
    skuName: signalRSku
  }
}

module keyVault './app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
  }
}

module email './app/email.bicep' = if (enableEmail) {
  name: 'email'
  scope: rg
  params: {
    emailServiceName: '${abbrs.communicationEmailServices}${resourceToken}'
    communicationServiceName: '${abbrs.communicationCommunicationServices}${resourceToken}'
    tags: tags
    dataLocation: emailDataLocation
  }
}

module functionApp './app/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    planName: '${abbrs.webServerFarms}${resourceToken}'
    functionAppName: functionAppName
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    topicName: topic.outputs.name
    signalRName: signalR.outputs.name
    keyVaultName: keyVault.outputs.name
    enableEmail: enableEmail
    // `email` is deployed exactly when enableEmail is true, so `!` holds where it is read (BCP318 otherwise).
    emailSenderAddress: enableEmail ? email!.outputs.senderAddress : ''
    smtpUsername: smtpUsername
    smtpPassword: smtpPassword
  }
}

module appRoles './app/rbac.bicep' = {
  name: 'rbac-app'
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
    storageAccountName: storage.outputs.name
    topicName: topic.outputs.name
    signalRName: signalR.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    keyVaultAccess: 'reader'
  }
}

module deployerRoles './app/rbac.bicep' = if (!empty(principalId)) {
  name: 'rbac-deployer'
  scope: rg
  params: {
    principalId: principalId
    principalType: principalType
    storageAccountName: storage.outputs.name
    topicName: topic.outputs.name
    signalRName: signalR.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    keyVaultAccess: 'officer'
  }
}

// Outputs become azd environment values; the postdeploy hooks read them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_ID string = functionApp.outputs.id
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_USER_ASSIGNED_IDENTITY_ID string = identity.outputs.id
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_ACCOUNT_ID string = storage.outputs.id
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output DEAD_LETTER_CONTAINER_NAME string = storage.outputs.deadLetterContainerName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_URI string = keyVault.outputs.uri
output WEBHOOK_SECRET_KEK_NAME string = 'webhook-secret-kek'
output EVENTGRID_TOPIC_NAME string = topic.outputs.name
output EVENTGRID_TOPIC_ID string = topic.outputs.id
output EVENTGRID_TOPIC_ENDPOINT string = topic.outputs.endpoint
output SIGNALR_NAME string = signalR.outputs.name
output SIGNALR_ENDPOINT string = 'https://${signalR.outputs.hostName}'
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
// As for emailSenderAddress above: `email` exists exactly when enableEmail is true.
output EMAIL_SENDER_ADDRESS string = enableEmail ? email!.outputs.senderAddress : ''
