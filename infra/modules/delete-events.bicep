metadata description = 'Routes the posts container\'s BlobDeleted events to the delete queue, delivered with the system topic\'s identity.'

@description('Name of the Event Grid system topic of the storage account.')
param systemTopicName string

@description('Name of the event subscription.')
param subscriptionName string = 'post-deletes-to-queue'

@description('Name of the blog storage account.')
param storageAccountName string

@description('Container whose deletions unpublish posts.')
param postsContainerName string

@description('Queue the UnpublishPost function reads.')
param deleteQueueName string

resource storage 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource blobDeleted 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: subscriptionName
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: deleteQueueName
        }
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobDeleted'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${postsContainerName}/blobs/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}
