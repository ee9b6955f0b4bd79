metadata description = 'The blog storage account: the static website ($web), the posts, state and deployment package containers, and the delete queue.'

import { resourceTags } from 'types.bicep'

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the storage account.')
param location string

@description('Tags applied to the storage account.')
param tags resourceTags

@description('Replication SKU of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param skuName string

@description('Container authors upload Markdown posts and assets to.')
param postsContainerName string

@description('Private container holding the post index and publishing records.')
param stateContainerName string

@description('Container the Flex Consumption plan deploys the function package from.')
param deploymentContainerName string

@description('Queue that receives the posts container\'s BlobDeleted events.')
param deleteQueueName string

@description('Document served for the site root and for every folder.')
param indexDocument string = 'index.html'

@description('Document served, with status 404, for a path that does not exist.')
param errorDocument404Path string = '404.html'

resource storage 'Microsoft.Storage/storageAccounts@2025-08-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    // Nothing is public through the blob endpoint: the site is served by the static website endpoint.
    allowBlobPublicAccess: false
    // Entra ID only: no account keys, no SAS signed with them.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
      // Enabling the static website creates the $web container the site is published to.
      staticWebsite: {
        enabled: true
        indexDocument: indexDocument
        errorDocument404Path: errorDocument404Path
      }
    }

    resource postsContainer 'containers' = {
      name: postsContainerName
      properties: {
        publicAccess: 'None'
      }
    }

    resource stateContainer 'containers' = {
      name: stateContainerName
      properties: {
        publicAccess: 'None'
      }
    }

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource deleteQueue 'queues' = {
      name: deleteQueueName
    }
  }
}

@description('Resource id of the storage account.')
output id string = storage.id

@description('Blob service endpoint, such as https://<account>.blob.core.windows.net/.')
output blobEndpoint string = storage.properties.primaryEndpoints.blob

@description('Queue service endpoint.')
output queueEndpoint string = storage.properties.primaryEndpoints.queue

@description('Table service endpoint.')
output tableEndpoint string = storage.properties.primaryEndpoints.table

@description('Static website endpoint: the URL the blog is served from.')
output webEndpoint string = storage.properties.primaryEndpoints.web
