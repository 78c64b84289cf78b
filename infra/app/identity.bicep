// The user-assigned identity the function app runs as. Every data-plane role is granted to it (rbac.bicep),
// and the Event Grid topic carries it too so dead-lettering can use it.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
