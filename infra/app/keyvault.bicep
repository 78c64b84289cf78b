// Key Vault for the key-encryption key that protects webhook signing secrets at rest (Handlers/Webhooks/WebhookSecretStore.cs).
// RBAC authorization only (no access policies): the app identity gets Key Vault Secrets User and the deployer
// Key Vault Secrets Officer in rbac.bicep. The secret itself (webhook-secret-kek, 32 random bytes, base64) is created
// by the postdeploy hook when absent, so its value never passes through a template or deployment history.
param name string
param location string
param tags object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
