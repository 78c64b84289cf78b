// Optional: Azure Communication Services email with an Azure-managed sender domain, for sending over SMTP
// (smtp.azurecomm.net:587). SMTP logins use an Entra application's credentials; see "Deploy to Azure" in README.md.
param emailServiceName string
param communicationServiceName string
param tags object
@description('Where ACS stores data at rest, e.g. United States, Europe.')
param dataLocation string

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource managedDomain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      managedDomain.id
    ]
  }
}

output communicationServiceName string = communicationService.name
output communicationServiceId string = communicationService.id
output senderAddress string = 'DoNotReply@${managedDomain.properties.mailFromSenderDomain}'
