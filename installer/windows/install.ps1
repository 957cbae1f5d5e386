<#
.SYNOPSIS
  Per-user install of the Click2Call native-messaging host: no administrator rights needed.
.DESCRIPTION
  Copies the app into %LOCALAPPDATA%\Programs\Click2Call and registers it for the current user
  (HKCU keys for Chrome/Brave/Vivaldi/Opera, Chromium, Edge and the Mozilla family) by running
  `click2call install --scope user`. Idempotent: run it again after an upgrade.

  -Source is either the jpackage app image folder (contains click2call.exe; preferred: Chrome
  then needs no cmd.exe once NativeHostsExecutablesLaunchDirectly is set) or a folder with
  click2call.jar (then a .bat launcher is generated, which Chrome starts through cmd.exe).
.EXAMPLE
  powershell -ExecutionPolicy Bypass -File install.ps1 -Source .\click2call
.EXAMPLE
  powershell -ExecutionPolicy Bypass -File install.ps1 -Uninstall
#>
param(
  [string]$Source = $PSScriptRoot,
  [string]$Browser = "",
  [switch]$Uninstall
)
$ErrorActionPreference = "Stop"
$target = Join-Path $env:LOCALAPPDATA "Programs\Click2Call"

function Invoke-Click2Call([string[]]$Arguments) {
  $exe = Join-Path $target "click2call.exe"
  if (Test-Path $exe) {
    & $exe @Arguments
  } else {
    $java = if ($env:JAVA_HOME) { Join-Path $env:JAVA_HOME "bin\java.exe" } else { "java.exe" }
    & $java -jar (Join-Path $target "click2call.jar") @Arguments
  }
  if ($LASTEXITCODE -ne 0) { throw "click2call $($Arguments -join ' ') failed ($LASTEXITCODE)" }
}

if ($Uninstall) {
  if (Test-Path $target) {
    Invoke-Click2Call @("uninstall", "--scope", "user")
    Remove-Item -Recurse -Force $target
  }
  Write-Host "Click2Call removed for $env:USERNAME."
  exit 0
}

# cmd.exe expands % and treats ^ & specially: keep them out of the launcher path.
if ($target -match '[%^&!]') { throw "The folder $target contains % ^ & or !, which break the browser's launch." }

New-Item -ItemType Directory -Force -Path $target | Out-Null
Copy-Item -Recurse -Force (Join-Path $Source "*") $target

$arguments = @("install", "--scope", "user")
if ($Browser) { $arguments += @("--browser", $Browser) }
$exe = Join-Path $target "click2call.exe"
if (Test-Path $exe) { $arguments += @("--launcher", $exe) }
Invoke-Click2Call $arguments
Write-Host "Installed for $env:USERNAME. Check with: `"$target\click2call.exe`" doctor (or java -jar click2call.jar doctor)"
