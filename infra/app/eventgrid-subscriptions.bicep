// One Event Grid subscription per handler function listed in ../topology.json. Deployed by the postdeploy
// hook (infra/hooks/postdeploy.*) at resource-group scope, after the code is deployed: Event Grid validates
// an AzureFunction destination on creation and answers "Destination endpoint not found" until the
// eventGridTrigger function exists. Every resource is a PUT, so running it again is safe.
targetScope = 'resourceGroup'

param topicName string
param functionAppName string
param storageAccountName string
@description('Resource id of the user-assigned identity assigned to the topic; Event Grid dead-letters with it.')
param identityId string

// The shape of ../topology.json (as ServerlessEvents.Functions.Topology reads it). Declaring it types every
// optional filter field; inferred from the JSON alone, the filter type would hold only the fields some handler
// sets, and reading any other one would be BCP053.
type eventFilter = {
  includedEventTypes: string[]?
  subjectBeginsWith: string?
  subjectEndsWith: string?
  isSubjectCaseSensitive: bool?
  enableAdvancedFilteringOnArrays: bool?
  advancedFilters: object[]?
}

type handlerSubscription = {
  functionName: string
  filter: eventFilter
  maxEventsPerBatch: int
  retryPolicy: {
    maxDeliveryAttempts: int
    eventTimeToLiveInMinutes: int
  }
  deadLetter: bool
}

type topologyDocument = {
  '$comment': string?
  deadLetterContainerName: string
  storage: {
    tables: string[]
    queues: string[]
  }
  handlers: handlerSubscription[]
}

var topology topologyDocument = loadJsonContent('../topology.json')

resource topic 'Microsoft.EventGrid/topics@2025-02-15' existing = {
  name: topicName
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource subscriptions 'Microsoft.EventGrid/topics/eventSubscriptions@2025-02-15' = [for handler in topology.handlers: {
  parent: topic
  name: handler.functionName
  properties: {
    destination: {
      endpointType: 'AzureFunction'
      properties: {
        resourceId: '${functionApp.id}/functions/${handler.functionName}'
        maxEventsPerBatch: handler.maxEventsPerBatch
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'CloudEventSchemaV1_0'
    filter: {
      includedEventTypes: handler.filter.?includedEventTypes
      subjectBeginsWith: handler.filter.?subjectBeginsWith ?? ''
      subjectEndsWith: handler.filter.?subjectEndsWith ?? ''
      isSubjectCaseSensitive: handler.filter.?isSubjectCaseSensitive ?? false
      enableAdvancedFilteringOnArrays: handler.filter.?enableAdvancedFilteringOnArrays ?? false
      advancedFilters: handler.filter.?advancedFilters ?? []
    }
    retryPolicy: {
      maxDeliveryAttempts: handler.retryPolicy.maxDeliveryAttempts
      eventTimeToLiveInMinutes: handler.retryPolicy.eventTimeToLiveInMinutes
    }
    deadLetterWithResourceIdentity: handler.deadLetter ? {
      identity: {
        type: 'UserAssigned'
        userAssignedIdentity: identityId
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: topology.deadLetterContainerName
        }
      }
    } : null
  }
}]

output subscriptionNames array = [for (handler, i) in topology.handlers: subscriptions[i].name]
