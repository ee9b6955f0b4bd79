targetScope = 'subscription'

metadata description = 'ServerlessBlog on Azure: a storage account serving the static website, a Flex Consumption Function App that publishes posts, Event Grid wiring and monitoring.'

// ---------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------

@minLength(1)
@maxLength(64)
@description('Name of the environment (azd: AZURE_ENV_NAME). Seeds the unique resource token and names the resource group.')
param environmentName string

@minLength(1)
@description('Azure region of every resource. It must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@minLength(1)
@maxLength(9)
@description('Short prefix of resource names: lowercase letters and digits.')
param namePrefix string = 'blog'

@description('Name of the resource group. Empty: rg-<environmentName>.')
param resourceGroupName string = ''

@minLength(1)
@description('Title of the blog (Blog__Title).')
param siteTitle string = 'My Blog'

@description('One sentence about the blog (Blog__Description).')
param siteDescription string = ''

@description('Default author of posts that name none (Blog__Author).')
param siteAuthor string = ''

@minLength(2)
@description('BCP 47 language tag of the pages and feeds (Blog__Language).')
param siteLanguage string = 'en'

@description('Replication SKU of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Memory of each Function App instance, in MB.')
@allowed([
  512
  2048
  4096
])
param functionInstanceMemoryMB int = 2048

@description('Most instances the Function App scales out to.')
@minValue(40)
@maxValue(1000)
param functionMaximumInstanceCount int = 40

@minLength(3)
@maxLength(63)
@description('Container authors upload posts to (Blog__PostsContainer).')
param postsContainerName string = 'posts'

@minLength(3)
@maxLength(63)
@description('Private container of the post index and publishing records (Blog__StateContainer).')
param stateContainerName string = 'blog-state'

@minLength(3)
@maxLength(63)
@description('Queue of the posts container\'s BlobDeleted events (Blog__DeleteQueue).')
param deleteQueueName string = 'post-deletes'

@minLength(1)
@description('NCRONTAB schedule of the reconcile step (Blog__ReconcileSchedule).')
param reconcileSchedule string = '0 */15 * * * *'

@description('Object id of the user or service principal granted Storage Blob Data Contributor on the posts container, to upload posts. Empty: nobody.')
param principalId string = deployer().objectId

@description('Type of that principal.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var prefix = toLower(namePrefix)
var tags = {
  'azd-env-name': environmentName
  application: 'serverless-blog'
}

var names = {
  resourceGroup: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  storageAccount: take('st${replace(prefix, '-', '')}${resourceToken}', 24)
  functionApp: 'func-${prefix}-${resourceToken}'
  plan: 'plan-${prefix}-${resourceToken}'
  identity: 'id-${prefix}-${resourceToken}'
  logAnalytics: 'log-${prefix}-${resourceToken}'
  applicationInsights: 'appi-${prefix}-${resourceToken}'
  systemTopic: 'evgt-${prefix}-${resourceToken}'
  deploymentContainer: 'app-package-${take(resourceToken, 7)}'
}

// The static website container: fixed by Azure Storage.
var siteContainerName = '$web'

// The azd service (azure.yaml) and the blob-triggered function the BlobCreated webhook calls.
var apiServiceName = 'api'
var publishFunctionName = 'PublishPost'

// ---------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storageAccount
    location: location
    tags: tags
    skuName: storageSkuName
    postsContainerName: postsContainerName
    stateContainerName: stateContainerName
    deploymentContainerName: names.deploymentContainer
    deleteQueueName: deleteQueueName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  dependsOn: [
    identity
    monitoring
  ]
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    serviceName: apiServiceName
    identityName: names.identity
    storageAccountName: names.storageAccount
    deploymentContainerName: names.deploymentContainer
    applicationInsightsName: names.applicationInsights
    runtimeName: 'dotnet-isolated'
    runtimeVersion: '10.0'
    instanceMemoryMB: functionInstanceMemoryMB
    maximumInstanceCount: functionMaximumInstanceCount
    blog: {
      title: siteTitle
      description: siteDescription
      author: siteAuthor
      language: siteLanguage
      baseUrl: storage.outputs.webEndpoint
      postsContainer: postsContainerName
      siteContainer: siteContainerName
      stateContainer: stateContainerName
      deleteQueue: deleteQueueName
      reconcileSchedule: reconcileSchedule
    }
  }
}

module eventGridTopic 'modules/event-grid-topic.bicep' = {
  name: 'event-grid-topic'
  scope: rg
  dependsOn: [
    storage
  ]
  params: {
    name: names.systemTopic
    location: location
    tags: tags
    storageAccountName: names.storageAccount
  }
}

module roleAssignments 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  scope: rg
  dependsOn: [
    storage
    monitoring
  ]
  params: {
    storageAccountName: names.storageAccount
    postsContainerName: postsContainerName
    deleteQueueName: deleteQueueName
    applicationInsightsName: names.applicationInsights
    appIdentityName: names.identity
    appPrincipalId: identity.outputs.principalId
    systemTopicName: names.systemTopic
    systemTopicPrincipalId: eventGridTopic.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

// BlobDeleted -> delete queue is wired here. BlobCreated -> the PublishPost webhook needs the
// blobs_extension key, which exists only once the code is deployed: scripts/postdeploy.* create it.
module deleteEvents 'modules/delete-events.bicep' = {
  name: 'delete-events'
  scope: rg
  dependsOn: [
    roleAssignments
  ]
  params: {
    systemTopicName: names.systemTopic
    storageAccountName: names.storageAccount
    postsContainerName: postsContainerName
    deleteQueueName: deleteQueueName
  }
}

// ---------------------------------------------------------------------------
// Outputs (azd stores them in the environment; the postdeploy hooks read them)
// ---------------------------------------------------------------------------

@description('Region of the deployment.')
output AZURE_LOCATION string = location

@description('Tenant of the deployment.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group holding every resource of the blog.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Name of the Function App.')
output AZURE_FUNCTION_APP_NAME string = names.functionApp

@description('Host name of the Function App, for the BlobCreated webhook.')
output AZURE_FUNCTION_APP_HOSTNAME string = functionApp.outputs.defaultHostName

@description('Name of the blog storage account.')
output AZURE_STORAGE_ACCOUNT_NAME string = names.storageAccount

@description('Event Grid system topic of the storage account.')
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = names.systemTopic

@description('The site URL: the static website endpoint.')
output BLOG_SITE_URL string = storage.outputs.webEndpoint

@description('Container posts are uploaded to.')
output BLOG_POSTS_CONTAINER string = postsContainerName

@description('The blob-triggered function the BlobCreated webhook calls.')
output BLOG_PUBLISH_FUNCTION_NAME string = publishFunctionName
