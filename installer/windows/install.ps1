<#
.SYNOPSIS
  Per-user install of the Click2Call native-messaging host: no administrator rights needed.
.DESCRIPTION
  Copies the app into %LOCALAPPDATA%\Programs\Click2Call and registers it for the current user
  (HKCU keys for Chrome/Brave/Vivaldi/Opera, Chromium, Edge and the Mozilla family) by running
  `click2call install --scope user`. Idempotent: run it again after an upgrade.

  -Source is a folder with click2call.jar, click2call-host.exe, click2call-hook.exe and
  jvm.options (jna\ and runtime\ when present): the files the MSI installs. Files copied from
  a download or a share carry the Mark of the Web, which makes SmartScreen or policy block the
  programs when a browser or MicroSIP starts them; they are unblocked (Unblock-File) after copying.
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
  # The native launcher finds the same Java 17+ runtime a browser start would use.
  & (Join-Path $target "click2call-host.exe") @Arguments
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

if (-not (Test-Path (Join-Path $Source "click2call-host.exe"))) {
  throw "$Source has no click2call-host.exe: give -Source the folder with the Click2Call files."
}
New-Item -ItemType Directory -Force -Path $target | Out-Null
Copy-Item -Recurse -Force (Join-Path $Source "*") $target
# Remove the Mark of the Web (Zone.Identifier) from every copied file.
Get-ChildItem -Recurse -File $target | Unblock-File

$arguments = @("install", "--scope", "user")
if ($Browser) { $arguments += @("--browser", $Browser) }
$arguments += @("--launcher", (Join-Path $target "click2call-host.exe"))
Invoke-Click2Call $arguments
try {
  Invoke-Click2Call @("microsip", "hooks", "install", "--launcher", (Join-Path $target "click2call-hook.exe"))
} catch {
  Write-Warning "MicroSIP's hooks were not installed ($_); run click2call-host.exe microsip hooks install once MicroSIP is set up."
}
Write-Host "Installed for $env:USERNAME. Check with: `"$target\click2call-host.exe`" doctor"
