# Copyright (c) PorSetup contributors. MIT licensed.
<#
.SYNOPSIS
    Builds PorSetup: the C# projects, the native custom action and the MSI, into artifacts/.

.DESCRIPTION
    On Windows the MSI is built by WixToolset.Sdk (installer/PorSetup.wixproj). On Linux the same
    installer/Package.wxs is built by src/PorSetup.Build with wixl and msibuild; on Debian or Ubuntu the
    packages it needs are installed with apt-get (and named otherwise).

.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1                      # artifacts/PorSetup.msi
    dotnet pwsh ./build.ps1 -Culture fr-FR                            # artifacts/fr-FR/PorSetup.msi
    dotnet pwsh ./build.ps1 -PartnerId 1234567                        # also artifacts/PorSetup-1234567.msi
    dotnet pwsh ./build.ps1 -Test                                     # build, then run every test
    dotnet pwsh ./build.ps1 -Bench                                    # build, then print the benchmark
#>
[CmdletBinding()]
param(
    # The culture of the MSI: en-US (artifacts/PorSetup.msi) or fr-FR (artifacts/fr-FR/PorSetup.msi).
    [ValidateSet('en-US', 'fr-FR')]
    [string] $Culture = 'en-US',

    # Also write a pre-stamped copy, artifacts/PorSetup-<id>.msi, for Group Policy (no properties there).
    [string] $PartnerId,

    # After the build, run all the tests and print "Tests: N passed, N failed[, N skipped]".
    [switch] $Test,

    # After the build, run the benchmark (bench/run.ps1) and print its table.
    [switch] $Bench,

    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$artifacts = Join-Path $root 'artifacts'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

# Runs a program; its output goes to the console, never into a function's return value.
function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "$Command $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

# What the Linux build runs, and the Debian package that brings each.
$linuxTools = [ordered]@{
    'wixl'                                             = 'wixl'
    'msibuild'                                         = 'msitools'
    'msiinfo'                                          = 'msitools'
    'wine'                                             = 'wine'
    '/usr/lib/wine/wine64'                             = 'wine64'
    'clang'                                            = 'clang'
    'lld-link'                                         = 'lld'
    '/usr/x86_64-w64-mingw32/lib/libmsi.a'             = 'mingw-w64-x86-64-dev'
    'x86_64-w64-mingw32-objdump'                       = 'binutils-mingw-w64-x86-64'
}

function Install-LinuxPrerequisites {
    $missing = @($linuxTools.GetEnumerator() | Where-Object {
            if ($_.Key.StartsWith('/')) { -not (Test-Path $_.Key) } else { -not (Get-Command $_.Key -ErrorAction SilentlyContinue) }
        } | ForEach-Object Value | Select-Object -Unique)
    if ($missing.Count -eq 0) { return }
    if (-not (Get-Command apt-get -ErrorAction SilentlyContinue)) {
        throw "Missing build tools. Install these packages (Debian names): $($missing -join ' ')"
    }
    Write-Host "Installing with apt-get: $($missing -join ' ')"
    $env:DEBIAN_FRONTEND = 'noninteractive'
    Invoke-AptGet @('update', '-qq')
    Invoke-AptGet (@('install', '-y', '-qq') + $missing)
}

function Invoke-AptGet([string[]] $Arguments) {
    if ((& id -u) -eq '0') { Invoke-Native 'apt-get' $Arguments } else { Invoke-Native 'sudo' (@('apt-get') + $Arguments) }
}

function Build-Msi {
    $caFolder = Join-Path $artifacts 'ca'
    Invoke-Native dotnet @('build', (Join-Path $root 'PorSetup.sln'), '-c', $Configuration, '--nologo', '-v', 'quiet')
    Invoke-Native dotnet @('publish', (Join-Path $root 'src/PorSetup.CustomAction/PorSetup.CustomAction.csproj'), '-c', $Configuration, '-r', 'win-x64', '-o', $caFolder, '--nologo', '-v', 'quiet')
    Invoke-Native dotnet @('publish', (Join-Path $root 'src/PorSetup.Cli/PorSetup.Cli.csproj'), '-c', $Configuration, '-o', (Join-Path $artifacts 'porsetup'), '--nologo', '-v', 'quiet')
    # porsetup.exe beside the MSI: win-x64, self-contained single file (the csproj's win-x64 settings), needs no .NET.
    Invoke-Native dotnet @('publish', (Join-Path $root 'src/PorSetup.Cli/PorSetup.Cli.csproj'), '-c', $Configuration, '-r', 'win-x64', '-o', $artifacts, '--nologo', '-v', 'quiet')
    Write-Host "porsetup.exe: $(Join-Path $artifacts 'porsetup.exe') ($([math]::Round((Get-Item (Join-Path $artifacts 'porsetup.exe')).Length / 1KB)) KiB)"
    $customAction = Join-Path $caFolder 'PorSetup.CustomAction.Proxy.dll'

    $msi = if ($Culture -eq 'en-US') { Join-Path $artifacts 'PorSetup.msi' } else { Join-Path $artifacts "$Culture/PorSetup.msi" }
    if ($IsWindows) {
        Invoke-Native dotnet @('build', (Join-Path $root 'installer/PorSetup.wixproj'), '-c', $Configuration, "-p:Cultures=$Culture", "-p:CustomActionDll=$customAction", '-o', (Split-Path $msi))
    }
    else {
        Invoke-Native dotnet @('run', '--project', (Join-Path $root 'src/PorSetup.Build'), '-c', $Configuration, '--no-build', '--',
            '--source', (Join-Path $root 'installer/Package.wxs'), '--culture', $Culture, '--custom-action', $customAction, '--output', $msi)
    }
    Write-Host "MSI: $msi ($([math]::Round((Get-Item $msi).Length / 1KB)) KiB), custom action $([math]::Round((Get-Item $customAction).Length / 1KB)) KiB"
    return $msi
}

function Invoke-Tests {
    $results = Join-Path $artifacts 'test-results'
    Remove-Item -Recurse -Force $results -ErrorAction SilentlyContinue
    $env:PORSETUP_ARTIFACTS = $artifacts
    & dotnet test (Join-Path $root 'PorSetup.sln') -c $Configuration --no-build --nologo `
        --logger 'trx' --logger 'console;verbosity=normal' --results-directory $results | Out-Host
    $testExit = $LASTEXITCODE

    # The closing line is computed from the TRX files, not from the console output.
    $passed = 0; $failed = 0; $skipped = 0
    foreach ($trx in Get-ChildItem $results -Filter '*.trx' -ErrorAction SilentlyContinue) {
        $run = ([xml](Get-Content -Raw $trx.FullName)).TestRun
        $counters = $run.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $skipped += [int]$counters.notExecuted
        # The console logger names failures; the reasons are in the TRX: show them where CI's log can be read.
        foreach ($result in @($run.Results.UnitTestResult | Where-Object { $_.outcome -eq 'Failed' })) {
            $message = "$($result.Output.ErrorInfo.Message)" -split "`n" | Select-Object -First 12
            Write-Host "FAILED $($result.testName)`n    $($message -join "`n    ")"
        }
    }
    if ($testExit -ne 0 -and $failed -eq 0) { $failed = 1; Write-Host "dotnet test exited with $testExit without a failed test in its results." }
    $line = "Tests: $passed passed, $failed failed"
    if ($skipped -gt 0) { $line += ", $skipped skipped" }
    Write-Host $line
    return ($failed -eq 0 -and $passed -gt 0)
}

if (-not $IsWindows) { Install-LinuxPrerequisites }
$msi = Build-Msi

if ($PartnerId) {
    # The tool names the copy after the normalized ID, next to the MSI, and refuses a bad ID as the installer would.
    Invoke-Native dotnet @((Join-Path $artifacts 'porsetup/porsetup.dll'), 'stamp', $msi, '--partner-id', $PartnerId)
}

if ($Bench) { & (Join-Path $root 'bench/run.ps1') -Artifacts $artifacts }

if ($Test -and -not (Invoke-Tests)) { exit 1 }
