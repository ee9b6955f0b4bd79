metadata description = 'The Event Grid system topic of the blog storage account, with the identity it delivers events with.'

import { resourceTags } from 'types.bicep'

@description('Name of the system topic.')
param name string

@description('Azure region of the topic: the storage account\'s region.')
param location string

@description('Tags applied to the topic.')
param tags resourceTags

@description('Name of the storage account whose events the topic publishes.')
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    // Delivers BlobDeleted events to the delete queue without account keys.
    type: 'SystemAssigned'
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

@description('Object id of the topic\'s system-assigned identity.')
output principalId string = systemTopic.identity.principalId
