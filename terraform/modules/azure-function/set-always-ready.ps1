# Runbook of the scaling schedule: sets the always-ready instance count of the function app's
# "http" trigger group. With RaiseOnly = "true" it never lowers the count (business hours
# starting on a month-end weekday keep the month-end count). Runs as the Automation account's
# managed identity; logs the change, never a token.
param(
  [Parameter(Mandatory = $true)][string] $FunctionAppId,
  [Parameter(Mandatory = $true)][int] $InstanceCount,
  [Parameter(Mandatory = $true)][string] $RaiseOnly
)

$ErrorActionPreference = 'Stop'
Connect-AzAccount -Identity | Out-Null

$path = "$($FunctionAppId)?api-version=2024-04-01"
$read = Invoke-AzRestMethod -Method GET -Path $path
if ($read.StatusCode -ge 300) { throw "reading $FunctionAppId failed: HTTP $($read.StatusCode)" }
$config = ($read.Content | ConvertFrom-Json).properties.functionAppConfig

$http = @($config.scaleAndConcurrency.alwaysReady | Where-Object { $_.name -eq 'http' })
$held = if ($http.Count -gt 0) { [int]$http[0].instanceCount } else { 0 }
$target = if ($RaiseOnly -eq 'true') { [Math]::Max($held, $InstanceCount) } else { $InstanceCount }

if ($target -ne $held) {
  $others = @($config.scaleAndConcurrency.alwaysReady | Where-Object { $_.name -ne 'http' })
  $alwaysReady = @($others) + @([pscustomobject]@{ name = 'http'; instanceCount = $target })
  $config.scaleAndConcurrency | Add-Member -NotePropertyName alwaysReady -NotePropertyValue $alwaysReady -Force
  $body = @{ properties = @{ functionAppConfig = $config } } | ConvertTo-Json -Depth 20
  $write = Invoke-AzRestMethod -Method PATCH -Path $path -Payload $body
  if ($write.StatusCode -ge 300) { throw "setting always-ready on $FunctionAppId failed: HTTP $($write.StatusCode)" }
}
Write-Output "always-ready http: $held -> $target"
