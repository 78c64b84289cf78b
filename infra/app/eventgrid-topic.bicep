// The custom topic the app publishes to. CloudEvents 1.0 in (and out, see eventgrid-subscriptions.bicep);
// local auth (access keys, SAS) is off, so publishers need the EventGrid Data Sender role.
// The topic carries the app's user-assigned identity: subscriptions dead-letter with that identity
// (deadLetterWithResourceIdentity), which Event Grid only accepts for an identity assigned to the topic.
param name string
param location string
param tags object
@description('Resource id of the user-assigned identity used for dead-lettering.')
param identityId string

resource topic 'Microsoft.EventGrid/topics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    inputSchema: 'CloudEventSchemaV1_0'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
    minimumTlsVersionAllowed: '1.2'
  }
}

output name string = topic.name
output id string = topic.id
output endpoint string = topic.properties.endpoint
