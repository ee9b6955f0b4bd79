metadata description = 'Every role assignment of the blog, each scoped to the one resource it needs.'

import { roleDefinitionIds } from 'role-definitions.bicep'

@description('Name of the blog storage account.')
param storageAccountName string

@description('Container authors upload posts to.')
param postsContainerName string

@description('Queue that receives BlobDeleted events.')
param deleteQueueName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Name of the Function App\'s user-assigned identity (seeds stable assignment names).')
param appIdentityName string

@description('Object id of the Function App\'s user-assigned identity.')
param appPrincipalId string

@description('Name of the Event Grid system topic (seeds stable assignment names).')
param systemTopicName string

@description('Object id of the Event Grid system topic\'s identity.')
param systemTopicPrincipalId string

@description('Object id of a user or service principal allowed to upload posts. Empty: none.')
param deployerPrincipalId string

@description('Type of that principal.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string

resource storage 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource postsContainer 'containers' existing = {
      name: postsContainerName
    }
  }

  resource queueService 'queueServices' existing = {
    name: 'default'

    resource deleteQueue 'queues' existing = {
      name: deleteQueueName
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

var appIdentityId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', appIdentityName)
var systemTopicId = resourceId('Microsoft.EventGrid/systemTopics', systemTopicName)

resource appBlobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appIdentityId, roleDefinitionIds.storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionIds.storageBlobDataOwner)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appQueueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appIdentityId, roleDefinitionIds.storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionIds.storageQueueDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appIdentityId, roleDefinitionIds.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionIds.storageTableDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appIdentityId, roleDefinitionIds.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionIds.monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource eventGridQueueSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::queueService::deleteQueue.id, systemTopicId, roleDefinitionIds.storageQueueDataMessageSender)
  scope: storage::queueService::deleteQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionIds.storageQueueDataMessageSender)
    principalId: systemTopicPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource deployerPostsContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(storage::blobService::postsContainer.id, deployerPrincipalId, roleDefinitionIds.storageBlobDataContributor)
  scope: storage::blobService::postsContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionIds.storageBlobDataContributor)
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}
