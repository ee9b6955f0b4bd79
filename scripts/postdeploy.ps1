#!/usr/bin/env pwsh
# Subscribes the PublishPost blob trigger (Source = EventGrid) to the posts container's BlobCreated events.
#
# The subscription's webhook carries the Functions host's blobs_extension system key, which exists only
# once the code is deployed, so this runs after deployment: the azd postdeploy hook (azure.yaml), or by
# hand after `az deployment sub create` with the template's outputs set as environment variables.
# Running it again updates the subscription in place (for instance after the key is rotated).
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$required = @(
    'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'AZURE_FUNCTION_APP_HOSTNAME',
    'AZURE_EVENTGRID_SYSTEM_TOPIC_NAME', 'BLOG_POSTS_CONTAINER', 'BLOG_PUBLISH_FUNCTION_NAME'
)
foreach ($name in $required) {
    if ([string]::IsNullOrEmpty([Environment]::GetEnvironmentVariable($name))) {
        throw "postdeploy: $name is not set; it is an output of infra/main.bicep (azd env get-values)."
    }
}

if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
    throw 'postdeploy: the Azure CLI (az) is required.'
}

$subscriptionName = if ($env:POSTDEPLOY_SUBSCRIPTION_NAME) { $env:POSTDEPLOY_SUBSCRIPTION_NAME } else { 'posts-created-to-publish' }
$attempts = if ($env:POSTDEPLOY_KEY_ATTEMPTS) { [int]$env:POSTDEPLOY_KEY_ATTEMPTS } else { 18 }

# The host creates the key when it first loads a blob trigger with Source = EventGrid; a fresh
# Flex Consumption deployment may need a little while, so ask again until it appears.
$key = ''
for ($attempt = 1; $attempt -le $attempts; $attempt++) {
    $key = az functionapp keys list `
        --resource-group $env:AZURE_RESOURCE_GROUP `
        --name $env:AZURE_FUNCTION_APP_NAME `
        --query 'systemKeys.blobs_extension' `
        --output tsv 2>$null
    if ($LASTEXITCODE -eq 0 -and $key -and $key -ne 'None') { break }
    $key = ''
    Write-Host "postdeploy: waiting for the blobs_extension key ($attempt/$attempts)..."
    Start-Sleep -Seconds 10
}

if (-not $key) {
    throw "postdeploy: no blobs_extension key on $($env:AZURE_FUNCTION_APP_NAME); is the code deployed and does $($env:BLOG_PUBLISH_FUNCTION_NAME) use Source = EventGrid?"
}

$endpoint = "https://$($env:AZURE_FUNCTION_APP_HOSTNAME)/runtime/webhooks/blobs?functionName=Host.Functions.$($env:BLOG_PUBLISH_FUNCTION_NAME)&code=$key"
# On Windows az is a batch file and cmd.exe would cut the URL at '&': pass it quoted.
$onWindows = [System.Runtime.InteropServices.RuntimeInformation]::IsOSPlatform([System.Runtime.InteropServices.OSPlatform]::Windows)
$endpointArgument = if ($onWindows) { "`"$endpoint`"" } else { $endpoint }

# data.api keeps one event per upload: a chunked upload (PutBlock...) fires once, on PutBlockList.
az eventgrid system-topic event-subscription create `
    --name $subscriptionName `
    --resource-group $env:AZURE_RESOURCE_GROUP `
    --system-topic-name $env:AZURE_EVENTGRID_SYSTEM_TOPIC_NAME `
    --endpoint-type webhook `
    --endpoint $endpointArgument `
    --event-delivery-schema eventgridschema `
    --included-event-types Microsoft.Storage.BlobCreated `
    --subject-begins-with "/blobServices/default/containers/$($env:BLOG_POSTS_CONTAINER)/blobs/" `
    --advanced-filter data.api StringIn PutBlob PutBlockList CopyBlob `
    --max-delivery-attempts 30 `
    --event-ttl 1440 `
    --output none
if ($LASTEXITCODE -ne 0) {
    throw "postdeploy: creating the event subscription failed (exit code $LASTEXITCODE)."
}

Write-Host "postdeploy: BlobCreated events of '$($env:BLOG_POSTS_CONTAINER)' now reach $($env:BLOG_PUBLISH_FUNCTION_NAME) (subscription $subscriptionName)."
