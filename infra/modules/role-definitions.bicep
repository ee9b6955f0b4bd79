metadata description = 'The built-in Azure role definitions the blog assigns, named in one place.'

@export()
@description('Built-in role definition ids by role. Every role assignment in this template reads its id from here.')
var roleDefinitionIds = {
  // Blob trigger, deployment package, site and state containers (the host needs owner for blob leases and receipts).
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // Authors upload posts.
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  // Queue trigger on the delete queue, and the blob trigger's poison queue.
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Event Grid delivers BlobDeleted events to the delete queue.
  storageQueueDataMessageSender: 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'
  // Functions host state (timer schedule monitor, blob trigger bookkeeping).
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Telemetry to Application Insights with local authentication disabled.
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}
