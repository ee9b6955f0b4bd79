metadata description = 'The Function App on the Flex Consumption plan (FC1, Linux, dotnet-isolated) with identity-based host storage and the blog\'s settings.'

import { resourceTags } from 'types.bicep'

@description('Settings of the blog, written to the app settings as Blog__<Name> (ServerlessBlog.Core.Configuration.BlogOptions).')
type blogSettings = {
  @description('Blog__Title: the site title.')
  title: string

  @description('Blog__Description: one sentence about the site.')
  description: string

  @description('Blog__Author: the default author of posts.')
  author: string

  @description('Blog__Language: BCP 47 language tag of pages and feeds.')
  language: string

  @description('Blog__BaseUrl: the absolute URL the site is served from (the static website endpoint).')
  baseUrl: string

  @description('Blog__PostsContainer: the container posts are uploaded to.')
  postsContainer: string

  @description('Blog__SiteContainer: the static website container.')
  siteContainer: string

  @description('Blog__StateContainer: the private state container.')
  stateContainer: string

  @description('Blog__DeleteQueue: the queue of BlobDeleted events.')
  deleteQueue: string

  @description('Blog__ReconcileSchedule: NCRONTAB schedule of the reconcile step.')
  reconcileSchedule: string
}

@description('Name of the Function App.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app.')
param tags resourceTags

@description('azd service name of the app (azure.yaml services key).')
param serviceName string

@description('Name of the user-assigned managed identity the app runs as.')
param identityName string

@description('Name of the storage account used for host storage, the deployment package and the blog.')
param storageAccountName string

@description('Container the Flex Consumption plan deploys the function package from.')
param deploymentContainerName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Worker runtime of the app.')
@allowed([
  'dotnet-isolated'
])
param runtimeName string

@description('Version of the worker runtime.')
param runtimeVersion string

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('The blog settings.')
param blog blogSettings

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
    }
  }

  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      // Host storage (AzureWebJobsStorage) through the managed identity: no connection string, no key.
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      // The Azure SDK's DefaultAzureCredential picks the user-assigned identity from this.
      AZURE_CLIENT_ID: identity.properties.clientId
      // The connection string names the ingestion endpoint only: with local auth disabled, telemetry needs the token below.
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
      Blog__Title: blog.title
      Blog__Description: blog.description
      Blog__Author: blog.author
      Blog__Language: blog.language
      Blog__BaseUrl: blog.baseUrl
      Blog__PostsContainer: blog.postsContainer
      Blog__SiteContainer: blog.siteContainer
      Blog__StateContainer: blog.stateContainer
      Blog__DeleteQueue: blog.deleteQueue
      Blog__ReconcileSchedule: blog.reconcileSchedule
    }
  }

  // Deployments authenticate with Entra ID; publishing with basic credentials stays off.
  resource scmBasicAuth 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }

  resource ftpBasicAuth 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }
}

@description('Default host name of the app, such as <name>.azurewebsites.net.')
output defaultHostName string = functionApp.properties.defaultHostName
