#!/usr/bin/env bash
# Subscribes the PublishPost blob trigger (Source = EventGrid) to the posts container's BlobCreated events.
#
# The subscription's webhook carries the Functions host's blobs_extension system key, which exists only
# once the code is deployed, so this runs after deployment: the azd postdeploy hook (azure.yaml), or by
# hand after `az deployment sub create` with the template's outputs exported under the same names.
# Running it again updates the subscription in place (for instance after the key is rotated).
#
# Kept to POSIX sh so that it runs the same under sh and bash.
set -eu

require() {
  eval "value=\${$1:-}"
  if [ -z "$value" ]; then
    echo "postdeploy: $1 is not set; it is an output of infra/main.bicep (azd env get-values)." >&2
    exit 1
  fi
}

for name in AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME AZURE_FUNCTION_APP_HOSTNAME \
  AZURE_EVENTGRID_SYSTEM_TOPIC_NAME BLOG_POSTS_CONTAINER BLOG_PUBLISH_FUNCTION_NAME; do
  require "$name"
done

if ! command -v az >/dev/null 2>&1; then
  echo "postdeploy: the Azure CLI (az) is required." >&2
  exit 1
fi

subscription_name="${POSTDEPLOY_SUBSCRIPTION_NAME:-posts-created-to-publish}"
attempts="${POSTDEPLOY_KEY_ATTEMPTS:-18}"

# The host creates the key when it first loads a blob trigger with Source = EventGrid; a fresh
# Flex Consumption deployment may need a little while, so ask again until it appears.
key=""
attempt=1
while [ "$attempt" -le "$attempts" ]; do
  key="$(az functionapp keys list \
    --resource-group "$AZURE_RESOURCE_GROUP" \
    --name "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension" \
    --output tsv 2>/dev/null || true)"
  if [ -n "$key" ] && [ "$key" != "None" ]; then
    break
  fi
  key=""
  echo "postdeploy: waiting for the blobs_extension key ($attempt/$attempts)..."
  attempt=$((attempt + 1))
  sleep 10
done

if [ -z "$key" ]; then
  echo "postdeploy: no blobs_extension key on $AZURE_FUNCTION_APP_NAME; is the code deployed and does $BLOG_PUBLISH_FUNCTION_NAME use Source = EventGrid?" >&2
  exit 1
fi

endpoint="https://${AZURE_FUNCTION_APP_HOSTNAME}/runtime/webhooks/blobs?functionName=Host.Functions.${BLOG_PUBLISH_FUNCTION_NAME}&code=${key}"

# data.api keeps one event per upload: a chunked upload (PutBlock...) fires once, on PutBlockList.
az eventgrid system-topic event-subscription create \
  --name "$subscription_name" \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --system-topic-name "$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME" \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --event-delivery-schema eventgridschema \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with "/blobServices/default/containers/${BLOG_POSTS_CONTAINER}/blobs/" \
  --advanced-filter data.api StringIn PutBlob PutBlockList CopyBlob \
  --max-delivery-attempts 30 \
  --event-ttl 1440 \
  --output none

echo "postdeploy: BlobCreated events of '$BLOG_POSTS_CONTAINER' now reach $BLOG_PUBLISH_FUNCTION_NAME (subscription $subscription_name)."
