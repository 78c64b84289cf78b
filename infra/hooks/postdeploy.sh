#!/bin/sh
# azd postdeploy hook: create or update the Event Grid subscriptions (infra/app/eventgrid-subscriptions.bicep)
# once the code, and so every eventGridTrigger function, is deployed. Safe to run again:
#   azd hooks run postdeploy
# Reads the azd environment outputs of infra/main.bicep (azd exports them to hooks).
set -eu

cd "$(dirname "$0")/../.."
topology=infra/topology.json
template=infra/app/eventgrid-subscriptions.bicep

for name in AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME EVENTGRID_TOPIC_NAME AZURE_STORAGE_ACCOUNT_NAME AZURE_USER_ASSIGNED_IDENTITY_ID; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then
    echo "postdeploy: $name is not set. Run 'azd provision' first (or 'azd env refresh')." >&2
    exit 1
  fi
done
command -v az >/dev/null 2>&1 || { echo "postdeploy: the Azure CLI (az) is required." >&2; exit 1; }

# One functionName per line in topology.json (a unit test keeps the file in that shape).
functions=$(sed -n 's/.*"functionName"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$topology")

# Flex indexes functions shortly after a deployment: wait for every handler to be listed.
attempts=${EVENTGRID_FUNCTION_WAIT_ATTEMPTS:-18}
missing="$functions"
while [ "$attempts" -gt 0 ]; do
  listed=$(az functionapp function list -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" --query "[].name" -o tsv 2>/dev/null || true)
  missing=""
  for fn in $functions; do
    if ! echo "$listed" | grep -q "/$fn\$"; then
      missing="$missing $fn"
    fi
  done
  if [ -z "$missing" ]; then
    break
  fi
  attempts=$((attempts - 1))
  if [ "$attempts" -gt 0 ]; then
    echo "postdeploy: waiting for functions to be indexed:$missing"
    sleep 10
  fi
done
if [ -n "$missing" ]; then
  echo "postdeploy: function(s)$missing not found in $AZURE_FUNCTION_APP_NAME." >&2
  echo "  Event Grid would reject those subscriptions with 'Destination endpoint not found'." >&2
  echo "  Check that 'azd deploy' succeeded and that each <name>/function.json is in the package, then run: azd hooks run postdeploy" >&2
  exit 1
fi

echo "postdeploy: deploying Event Grid subscriptions for:" $functions
if ! output=$(az deployment group create \
    --resource-group "$AZURE_RESOURCE_GROUP" \
    --name eventgrid-subscriptions \
    --template-file "$template" \
    --parameters topicName="$EVENTGRID_TOPIC_NAME" functionAppName="$AZURE_FUNCTION_APP_NAME" \
                 storageAccountName="$AZURE_STORAGE_ACCOUNT_NAME" identityId="$AZURE_USER_ASSIGNED_IDENTITY_ID" \
    --query properties.provisioningState -o tsv 2>&1); then
  echo "$output" >&2
  if echo "$output" | grep -qi "endpoint not found\|EventGrid Trigger"; then
    echo "postdeploy: a handler function is not reachable yet. Wait a minute and run: azd hooks run postdeploy" >&2
  fi
  exit 1
fi
echo "postdeploy: Event Grid subscriptions $output."
