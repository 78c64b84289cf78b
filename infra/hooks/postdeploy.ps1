# azd postdeploy hook (Windows): create the webhook secret key-encryption key in Key Vault when absent, then
# create or update the Event Grid subscriptions (infra/app/eventgrid-subscriptions.bicep) once every
# eventGridTrigger function is deployed.
# Safe to run again: azd hooks run postdeploy
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..' '..')
$template = 'infra/app/eventgrid-subscriptions.bicep'

foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'EVENTGRID_TOPIC_NAME', 'AZURE_STORAGE_ACCOUNT_NAME', 'AZURE_USER_ASSIGNED_IDENTITY_ID', 'AZURE_KEY_VAULT_NAME') {
    if (-not [Environment]::GetEnvironmentVariable($name)) {
        Write-Error "postdeploy: $name is not set. Run 'azd provision' first (or 'azd env refresh')."
    }
}
if (-not (Get-Command az -ErrorAction SilentlyContinue)) { Write-Error 'postdeploy: the Azure CLI (az) is required.' }

# The key-encryption key of webhook signing secrets: 32 random bytes, base64, created only when absent (replacing it
# would make every stored secret unreadable; rotation is a new version). The value goes through a temporary file.
$kek = if ($env:WEBHOOK_SECRET_KEK_NAME) { $env:WEBHOOK_SECRET_KEK_NAME } else { 'webhook-secret-kek' }
$show = az keyvault secret show --vault-name $env:AZURE_KEY_VAULT_NAME --name $kek --query id -o tsv 2>&1
if ($LASTEXITCODE -eq 0) {
    Write-Host "postdeploy: Key Vault secret $kek exists; left as it is."
} elseif ("$show" -match 'SecretNotFound|not found') {
    $keyFile = New-TemporaryFile
    try {
        $bytes = [System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32)
        [System.IO.File]::WriteAllText($keyFile.FullName, [Convert]::ToBase64String($bytes))
        az keyvault secret set --vault-name $env:AZURE_KEY_VAULT_NAME --name $kek --file $keyFile.FullName --encoding utf-8 `
            --content-type 'base64 of 32 random bytes (AES-256 key-encryption key)' -o none
        if ($LASTEXITCODE -ne 0) { Write-Error "postdeploy: could not create Key Vault secret $kek." }
        Write-Host "postdeploy: created Key Vault secret $kek."
    } finally {
        Remove-Item $keyFile.FullName -Force -ErrorAction SilentlyContinue
    }
} else {
    Write-Host "$show"
    Write-Error "postdeploy: cannot read Key Vault secret $kek in $env:AZURE_KEY_VAULT_NAME (role assignments can take a few minutes; run: azd hooks run postdeploy)."
}

$functions = (Get-Content 'infra/topology.json' -Raw | ConvertFrom-Json).handlers | ForEach-Object { $_.functionName }
$attempts = if ($env:EVENTGRID_FUNCTION_WAIT_ATTEMPTS) { [int]$env:EVENTGRID_FUNCTION_WAIT_ATTEMPTS } else { 18 }
$missing = $functions
while ($attempts -gt 0) {
    $listed = @(az functionapp function list -g $env:AZURE_RESOURCE_GROUP -n $env:AZURE_FUNCTION_APP_NAME --query '[].name' -o tsv 2>$null)
    $missing = @($functions | Where-Object { $fn = $_; -not ($listed | Where-Object { $_ -like "*/$fn" }) })
    if ($missing.Count -eq 0) { break }
    $attempts--
    if ($attempts -gt 0) { Write-Host "postdeploy: waiting for functions to be indexed: $($missing -join ', ')"; Start-Sleep -Seconds 10 }
}
if ($missing.Count -gt 0) {
    Write-Host "postdeploy: function(s) $($missing -join ', ') not found in $env:AZURE_FUNCTION_APP_NAME."
    Write-Host "  Event Grid would reject those subscriptions with 'Destination endpoint not found'."
    Write-Host "  Check that 'azd deploy' succeeded and functions.metadata in the package lists every eventGridTrigger function, then run: azd hooks run postdeploy"
    exit 1
}

Write-Host "postdeploy: deploying Event Grid subscriptions for: $($functions -join ', ')"
$output = az deployment group create `
    --resource-group $env:AZURE_RESOURCE_GROUP `
    --name eventgrid-subscriptions `
    --template-file $template `
    --parameters topicName=$env:EVENTGRID_TOPIC_NAME functionAppName=$env:AZURE_FUNCTION_APP_NAME `
                 storageAccountName=$env:AZURE_STORAGE_ACCOUNT_NAME identityId=$env:AZURE_USER_ASSIGNED_IDENTITY_ID `
    --query properties.provisioningState -o tsv 2>&1
if ($LASTEXITCODE -ne 0) {
    Write-Host ($output | Out-String)
    if (($output | Out-String) -match 'endpoint not found|EventGrid Trigger') {
        Write-Host 'postdeploy: a handler function is not reachable yet. Wait a minute and run: azd hooks run postdeploy'
    }
    exit 1
}
Write-Host "postdeploy: Event Grid subscriptions $output."
