#!/bin/sh
# azd postdeploy hook: create the webhook secret key-encryption key in Key Vault when it does not exist yet, then
# create or update the Event Grid subscriptions (infra/app/eventgrid-subscriptions.bicep) once the code, and so
# every eventGridTrigger function, is deployed. Safe to run again:
#   azd hooks run postdeploy
# Reads the azd environment outputs of infra/main.bicep (azd exports them to hooks).
set -eu

cd "$(dirname "$0")/../.."
topology=infra/topology.json
template=infra/app/eventgrid-subscriptions.bicep

for name in AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME EVENTGRID_TOPIC_NAME AZURE_STORAGE_ACCOUNT_NAME AZURE_USER_ASSIGNED_IDENTITY_ID AZURE_KEY_VAULT_NAME; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then
    echo "postdeploy: $name is not set. Run 'azd provision' first (or 'azd env refresh')." >&2
    exit 1
  fi
done
command -v az >/dev/null 2>&1 || { echo "postdeploy: the Azure CLI (az) is required." >&2; exit 1; }

# The key-encryption key of webhook signing secrets (Handlers/Webhooks/WebhookSecretStore.cs): 32 random bytes, base64, created
# only when absent, since replacing it would make every stored secret unreadable. Rotation is a new version
# (az keyvault secret set), which the app picks up while older versions keep decrypting. The value goes through a
# private temporary file, never the command line or the output.
kek=${WEBHOOK_SECRET_KEK_NAME:-webhook-secret-kek}
if show=$(az keyvault secret show --vault-name "$AZURE_KEY_VAULT_NAME" --name "$kek" --query id -o tsv 2>&1); then
  echo "postdeploy: Key Vault secret $kek exists; left as it is."
elif echo "$show" | grep -q "SecretNotFound\|not found"; then
  umask 077
  keyfile=$(mktemp)
  trap 'rm -f "$keyfile"' EXIT
  head -c 32 /dev/urandom | base64 | tr -d '\n' > "$keyfile"
  az keyvault secret set --vault-name "$AZURE_KEY_VAULT_NAME" --name "$kek" --file "$keyfile" --encoding utf-8 \
    --content-type "base64 of 32 random bytes (AES-256 key-encryption key)" -o none
  rm -f "$keyfile"
  echo "postdeploy: created Key Vault secret $kek."
else
  echo "$show" >&2
  echo "postdeploy: cannot read Key Vault secret $kek in $AZURE_KEY_VAULT_NAME (role assignments can take a few minutes; run: azd hooks run postdeploy)." >&2
  exit 1
fi

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
  echo "  Check that 'azd deploy' succeeded and that functions.metadata in the package lists every eventGridTrigger function, then run: azd hooks run postdeploy" >&2
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
