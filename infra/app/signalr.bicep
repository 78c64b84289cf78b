// Azure SignalR Service in Serverless mode: the app calls the data-plane REST API (sends, groups, client tokens)
// and clients connect straight to the service. The app authenticates with its identity (SignalR REST API Owner,
// granted in rbac.bicep), so access keys are disabled.
param name string
param location string
param tags object
@allowed([
  'Free_F1'
  'Standard_S1'
  'Premium_P1'
])
param skuName string

resource signalR 'Microsoft.SignalRService/signalR@2024-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'SignalR'
  sku: {
    name: skuName
    capacity: 1
  }
  properties: {
    features: [
      {
        flag: 'ServiceMode'
        value: 'Serverless'
      }
      {
        flag: 'EnableConnectivityLogs'
        value: 'True'
      }
    ]
    cors: {
      allowedOrigins: [
        '*'
      ]
    }
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = signalR.name
output id string = signalR.id
output hostName string = signalR.properties.hostName
