# Copyright (c) PorSetup contributors. MIT licensed.
# Runs one documented PowerShell line on Linux as a Windows server would, with what only Windows has stood in for:
# WindowsInstaller.Installer's RelatedProducts answers one installed PorSetup product (the UpgradeCode must be
# PorSetup's, as a string), and msiexec.exe is the stand-in that the test put first on PATH. Everything else (the
# parsing, the quoting, Start-Process, $env:WINDIR) is PowerShell's own.
param([Parameter(Mandatory)] [string] $LineFile, [Parameter(Mandatory)] [string] $ProductCode)

$ErrorActionPreference = 'Stop'

function New-Object {
    param([string] $ComObject)
    if ($ComObject -ne 'WindowsInstaller.Installer') { throw "This stand-in knows only WindowsInstaller.Installer, not '$ComObject'." }
    $installer = [pscustomobject] @{ ProductCode = $ProductCode }
    Add-Member -InputObject $installer -MemberType ScriptMethod -Name RelatedProducts -Value {
        param($upgradeCode)
        if ($upgradeCode -isnot [string] -or $upgradeCode -ne '{04642C1E-F2AA-4081-867C-BB71239DB337}') { throw "RelatedProducts was given '$upgradeCode', not PorSetup's UpgradeCode as a string." }
        $this.ProductCode
    }
    $installer
}

. ([scriptblock]::Create((Get-Content -Raw -LiteralPath $LineFile)))
