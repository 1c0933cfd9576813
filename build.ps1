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
    $env:PORSETUP_PFX_PASSWORD = '...'; dotnet pwsh ./build.ps1 -SignWith signing.pfx   # every Windows file signed
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

    # After the build, run the benchmark (bench/PorSetup.Bench, built with the solution) and print its table.
    [switch] $Bench,

    [string] $Configuration = 'Release',

    # Sign the worker (before the proxy embeds it), the proxy DLL, the MSI, porsetup.exe and the -PartnerId copy
    # with the code-signing certificate in this .pfx file: osslsigncode on Linux, signtool on Windows. Its password
    # is read from the environment variable PORSETUP_PFX_PASSWORD only, and never printed.
    [string] $SignWith,

    # With -SignWith: the RFC 3161 timestamp server that countersigns each signature.
    [string] $TimestampUrl,

    # The folder the build writes into (artifacts/ by default).
    [string] $Output
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
# Relative paths are taken from PowerShell's current location (GetFullPath would use the process's folder).
$artifacts = if ($Output) { $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Output) } else { Join-Path $root 'artifacts' }
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
    # 2.5 (bookworm) and 2.9 (bookworm-backports) both sign and verify PE files, MSIs and transforms the way the
    # build and porsetup call them (sign -pkcs12 -readpass -h sha256 [-ts]); either will do.
    'osslsigncode'                                     = 'osslsigncode'
    # The signed-build tests record every command line the build starts with it (none may hold the password).
    'strace'                                           = 'strace'
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

# What the Windows build needs, each checked by Find-WindowsPrerequisites (the README's Windows prerequisites
# are exactly these): the name it is reported by when missing, and how to get it.
$windowsPrerequisites = [ordered]@{
    'Visual Studio C++ build tools' = 'Visual Studio 2022 or its Build Tools, with the "Desktop development with C++" workload (MSVC x64/x86 build tools and a Windows SDK): NativeAOT links the worker with them'
    'LLVM clang and lld-link'       = 'Visual Studio''s "C++ Clang tools for Windows" component (VC\Tools\Llvm\x64\bin), or LLVM for Windows in its default folder (%ProgramFiles%\LLVM\bin), or both programs on PATH: they build the custom action''s C proxy'
}

# Looks for what $windowsPrerequisites lists and returns the clang to build the proxy with, or throws naming
# everything that is missing.
function Find-WindowsPrerequisites {
    $missing = [System.Collections.Generic.List[string]]::new()
    $vswhere = Join-Path ${env:ProgramFiles(x86)} 'Microsoft Visual Studio/Installer/vswhere.exe'
    $vs = $null
    if (Test-Path $vswhere) {
        # The component NativeAOT's own Visual Studio discovery (findvcvarsall.bat) asks for.
        $vs = & $vswhere -latest -prerelease -products * -requires Microsoft.VisualStudio.Component.VC.Tools.x86.x64 -property installationPath | Select-Object -First 1
    }
    $kits = Get-ItemProperty 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows Kits\Installed Roots' -Name KitsRoot10 -ErrorAction SilentlyContinue
    $sdk = if ($kits) { Get-ChildItem (Join-Path $kits.KitsRoot10 'Lib/*/um/x64/kernel32.lib') -ErrorAction SilentlyContinue | Select-Object -First 1 }
    if (-not $vs -or -not $sdk) { $missing.Add('Visual Studio C++ build tools') }

    # clang finds lld-link (-fuse-ld=lld) in its own folder first: take the two from one folder.
    $folders = @()
    $onPath = Get-Command clang.exe -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($onPath) { $folders += Split-Path $onPath.Source }
    if (Test-Path $vswhere) {
        $folders += @(& $vswhere -prerelease -products * -requires Microsoft.VisualStudio.Component.VC.Llvm.Clang -property installationPath) |
            ForEach-Object { Join-Path $_ 'VC/Tools/Llvm/x64/bin' }
    }
    $folders += Join-Path $env:ProgramFiles 'LLVM/bin'
    $clang = $folders | Where-Object { (Test-Path (Join-Path $_ 'clang.exe')) -and ((Test-Path (Join-Path $_ 'lld-link.exe')) -or (Get-Command lld-link.exe -ErrorAction SilentlyContinue)) } |
        ForEach-Object { Join-Path $_ 'clang.exe' } | Select-Object -First 1
    if (-not $clang) { $missing.Add('LLVM clang and lld-link') }

    if ($missing.Count -gt 0) {
        throw "Missing for the Windows build:`n$(($missing | ForEach-Object { "  - ${_}: $($windowsPrerequisites[$_])" }) -join "`n")"
    }
    Write-Host "Visual Studio: $vs; Windows SDK: $($sdk.FullName); clang: $clang"
    return $clang
}

# Checks -SignWith before anything else is built or written, with porsetup's own check (its hidden check-signing
# command, src/PorSetup.Cli/Signing/SigningCertificate.cs): the file opens with the password in PORSETUP_PFX_PASSWORD,
# holds the private key, its certificate has the Code Signing usage and is valid now. Only porsetup is built first
# (with no build server left holding the password). Throws porsetup's one line, which names the file.
function Test-SigningCertificate([string] $Pfx) {
    & dotnet build (Join-Path $root 'src/PorSetup.Cli/PorSetup.Cli.csproj') -c $Configuration --nologo -v quiet --disable-build-servers | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "Building porsetup, which checks the certificate, failed with exit code $LASTEXITCODE." }
    $said = @(& dotnet $signer check-signing --sign-with $Pfx 2>&1 | ForEach-Object { "$_" })
    if ($LASTEXITCODE -ne 0) { throw ($said -join "`n").Trim() }
    Write-Host ($said -join "`n")
}

# The documented place of the MSI: artifacts/PorSetup.msi for en-US, artifacts/<culture>/PorSetup.msi otherwise.
function Get-ArtifactMsiPath([string] $Artifacts, [string] $Culture) {
    Join-Path $Artifacts (Get-MsiRelativePath $Culture)
}

function Get-MsiRelativePath([string] $Culture) {
    if ($Culture -eq 'en-US') { 'PorSetup.msi' } else { Join-Path $Culture 'PorSetup.msi' }
}

# Where WixToolset.Sdk 6.0.2 writes the MSI built with -p:Cultures=<culture> and -o <OutDir>: the project has
# .wxl files, so WixAssignCulture gives the culture group the output folder "<culture>\" and wix.targets copies
# the MSI to $(OutDir)<culture>\$(TargetFileName) (AssignTargetPaths, CopyFilesToOutputDirectory). The one
# place build.ps1 knows it; tests/PorSetup.Build.Tests/WindowsBuildScriptTests.cs checks it against that rule.
function Get-WixMsiPath([string] $OutDir, [string] $Culture) {
    Join-Path $OutDir $Culture 'PorSetup.msi'
}

# The signing options of porsetup (and of Proxy.targets' PorSetupSignWith), for this build's -SignWith.
function Get-SigningArguments {
    $arguments = @('--sign-with', $SignWith)
    if ($TimestampUrl) { $arguments += @('--timestamp-url', $TimestampUrl) }
    return $arguments
}

# Signs a staged file with porsetup's hidden sign command, the signer stamp and transform use (osslsigncode or
# signtool; the password reaches neither tool's command line: osslsigncode reads it from its standard input, signtool
# takes the certificate from a temporary import into the user's store, src/PorSetup.Cli/Signing/CodeSigner.cs).
function Invoke-Sign([string] $File) {
    Invoke-Native dotnet (@($signer, 'sign', $File) + (Get-SigningArguments))
}

# What this build writes, relative to the output folder: removed before it starts, made in the staging folder, and
# moved to their places only once complete (signed, for a signed build). A rerun makes them again; a build that
# fails leaves none of them, neither an earlier build's nor a half-made or unsigned one. The -PartnerId copy is where `porsetup stamp` writes it by default: beside the MSI, named after the normalized ID
# (src/PorSetup.Cli/Commands/StampCommand.cs; the ID's surrounding spaces are trimmed).
function Get-BuildOutputs([string] $Culture, [string] $PartnerId) {
    $msi = Get-MsiRelativePath $Culture
    $outputs = @('ca', 'porsetup', 'porsetup.exe', $msi)
    if ($PartnerId) { $outputs += $msi -replace 'PorSetup\.msi$', "PorSetup-$($PartnerId.Trim()).msi" }
    return $outputs
}

function Remove-BuildOutputs([string[]] $Outputs) {
    foreach ($output in $Outputs + @('staging', 'wix')) {
        $path = Join-Path $artifacts $output
        if (Test-Path -LiteralPath $path) { Remove-Item -LiteralPath $path -Recurse -Force }
    }
}

# Moves the complete outputs from the staging folder to their places (one volume: each move is a rename).
function Publish-BuildOutputs([string[]] $Outputs) {
    foreach ($output in $Outputs) {
        $target = Join-Path $artifacts $output
        New-Item -ItemType Directory -Force (Split-Path $target) | Out-Null
        Move-Item -LiteralPath (Join-Path $staging $output) -Destination $target
    }
}

# Builds everything into the staging folder; returns the staged MSI.
function Build-Msi {
    $caFolder = Join-Path $staging 'ca'
    $proxyClang = @()
    if ($IsWindows) {
        $clang = Find-WindowsPrerequisites
        $proxyClang = @("-p:PorSetupProxyClang=$clang")
        # The end-to-end tests build a test variant of the proxy with the same clang.
        $env:PORSETUP_PROXY_CLANG = $clang
    }
    # A signed build leaves no MSBuild or compiler server running afterwards with the password in its environment.
    $servers = if ($SignWith) { @('--disable-build-servers') } else { @() }
    Invoke-Native dotnet (@('build', (Join-Path $root 'PorSetup.sln'), '-c', $Configuration, '--nologo', '-v', 'quiet') + $servers)
    $signing = @()
    if ($SignWith) {
        $signing = @("-p:PorSetupSignWith=$SignWith", "-p:PorSetupSigner=$signer")
        if ($TimestampUrl) { $signing += "-p:PorSetupTimestampUrl=$TimestampUrl" }
    }
    # With -SignWith, Proxy.targets signs the worker before the proxy embeds it, then the proxy.
    Invoke-Native dotnet (@('publish', (Join-Path $root 'src/PorSetup.CustomAction/PorSetup.CustomAction.csproj'), '-c', $Configuration, '-r', 'win-x64', '-o', $caFolder, '--nologo', '-v', 'quiet') + $proxyClang + $signing + $servers)
    Invoke-Native dotnet (@('publish', (Join-Path $root 'src/PorSetup.Cli/PorSetup.Cli.csproj'), '-c', $Configuration, '-o', (Join-Path $staging 'porsetup'), '--nologo', '-v', 'quiet') + $servers)
    # porsetup.exe beside the MSI: win-x64, self-contained single file (the csproj's win-x64 settings), needs no .NET.
    $exe = Join-Path $staging 'porsetup.exe'
    Invoke-Native dotnet (@('publish', (Join-Path $root 'src/PorSetup.Cli/PorSetup.Cli.csproj'), '-c', $Configuration, '-r', 'win-x64', '-o', $staging, '--nologo', '-v', 'quiet') + $servers)
    if ($SignWith) { Invoke-Sign $exe }
    Write-Host "porsetup.exe: $(Join-Path $artifacts 'porsetup.exe') ($([math]::Round((Get-Item $exe).Length / 1KB)) KiB)"
    $customAction = Join-Path $caFolder 'PorSetup.CustomAction.Proxy.dll'

    $msi = Get-ArtifactMsiPath $staging $Culture
    if ($IsWindows) {
        $wixOut = Join-Path $staging 'wix'
        Invoke-Native dotnet @('build', (Join-Path $root 'installer/PorSetup.wixproj'), '-c', $Configuration, "-p:Cultures=$Culture", "-p:CustomActionDll=$customAction", '-o', $wixOut, '--nologo')
        $built = Get-WixMsiPath $wixOut $Culture
        if (-not (Test-Path $built)) {
            throw "WixToolset.Sdk did not write $built; MSIs under ${wixOut}: $((Get-ChildItem $wixOut -Recurse -Filter '*.msi' | ForEach-Object FullName) -join ', ')"
        }
        New-Item -ItemType Directory -Force (Split-Path $msi) | Out-Null
        Copy-Item $built $msi -Force
    }
    else {
        Invoke-Native dotnet @('run', '--project', (Join-Path $root 'src/PorSetup.Build'), '-c', $Configuration, '--no-build', '--',
            '--source', (Join-Path $root 'installer/Package.wxs'), '--culture', $Culture, '--custom-action', $customAction, '--output', $msi)
    }
    # After the build on both systems: the package has no cabinet (no files), so WiX's own signing hooks (SignCabs,
    # then SignMsi on the intermediate MSI) would add nothing that signing the finished MSI does not.
    if ($SignWith) { Invoke-Sign $msi }
    Write-Host "MSI: $(Get-ArtifactMsiPath $artifacts $Culture) ($([math]::Round((Get-Item $msi).Length / 1KB)) KiB), custom action $([math]::Round((Get-Item $customAction).Length / 1KB)) KiB"
    return $msi
}

# Adds up the counters of these TRX files (passed, failed, skipped) and prints the reason of each failed test.
function Measure-TestResults([System.IO.FileInfo[]] $Trx) {
    $counts = @{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($file in $Trx) {
        # -LiteralPath: a crashed test host leaves a file named ...[1].trx, which -Path would read as a wildcard.
        $run = ([xml](Get-Content -Raw -LiteralPath $file.FullName)).TestRun
        $counters = $run.ResultSummary.Counters
        $counts.Passed += [int]$counters.passed
        $counts.Failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $counts.Skipped += [int]$counters.notExecuted
        # The console logger names failures; the reasons are in the TRX: show them where CI's log can be read.
        foreach ($result in @($run.Results.UnitTestResult | Where-Object { $_.outcome -eq 'Failed' })) {
            $message = "$($result.Output.ErrorInfo.Message)" -split "`n" | Select-Object -First 12
            Write-Host "FAILED $($result.testName)`n    $($message -join "`n    ")"
        }
    }
    return $counts
}

# The Windows rehearsal (tests/WineRehearsal.ps1): the end-to-end tests as a win-x64 program under Wine, with
# PORSETUP_TEST_MACHINE=local. Returns its counts; prints how many tests it skipped, by reason (from its xunit XML).
function Invoke-Rehearsal([string] $Results) {
    try { & (Join-Path $root 'tests/WineRehearsal.ps1') -Root $root -Artifacts $artifacts -Results $Results -Configuration $Configuration | Out-Host }
    catch { Write-Host "The Windows rehearsal stopped: $($_.Exception.Message)" }
    $expected = @(Get-ChildItem $Results -Filter '*.xml' -ErrorAction SilentlyContinue)
    $counts = Measure-TestResults @(Get-ChildItem $Results -Filter '*.trx' -ErrorAction SilentlyContinue)
    if (@(Get-ChildItem $Results -Filter '*.trx' -ErrorAction SilentlyContinue).Count -eq 0 -or $expected.Count -eq 0) {
        Write-Host 'FAILED the Windows rehearsal: its test program wrote no results (see its output above).'
        $counts.Failed += 1
    }
    $skips = foreach ($xml in $expected) {
        ([xml](Get-Content -Raw -LiteralPath $xml.FullName)).SelectNodes('//test[@result="Skip"]') | ForEach-Object { $_.SelectSingleNode('reason').InnerText.Trim() }
    }
    $line = "Rehearsal (Wine, PORSETUP_TEST_MACHINE=local): $($counts.Passed) passed, $($counts.Failed) failed, $($counts.Skipped) skipped"
    Write-Host $line
    foreach ($group in @($skips | Group-Object | Sort-Object Count -Descending)) {
        Write-Host "  $($group.Count) skipped: $($group.Name)"
    }
    return $counts
}

function Invoke-Tests {
    $results = Join-Path $artifacts 'test-results'
    Remove-Item -Recurse -Force $results -ErrorAction SilentlyContinue
    $env:PORSETUP_ARTIFACTS = $artifacts
    # The damaged-file fuzz test (DamagedFileFuzzTests) draws its cases from this seed, printed here so that any run's
    # cases can be replayed by setting the variable (a failure also names it).
    if (-not $env:PORSETUP_FUZZ_SEED) { $env:PORSETUP_FUZZ_SEED = [string](Get-Random -Minimum 1 -Maximum ([int]::MaxValue)) }
    Write-Host "Fuzz seed: $env:PORSETUP_FUZZ_SEED (replay: PORSETUP_FUZZ_SEED=$env:PORSETUP_FUZZ_SEED dotnet pwsh ./build.ps1 -Test)"
    & dotnet test (Join-Path $root 'PorSetup.sln') -c $Configuration --no-build --nologo `
        --logger 'trx' --logger 'console;verbosity=normal' --results-directory $results | Out-Host
    $testExit = $LASTEXITCODE

    # The closing line is computed from the TRX files, not from the console output.
    $counts = Measure-TestResults @(Get-ChildItem $results -Filter '*.trx' -ErrorAction SilentlyContinue)
    if ($testExit -ne 0 -and $counts.Failed -eq 0) { $counts.Failed = 1; Write-Host "dotnet test exited with $testExit without a failed test in its results." }
    # On Linux, then the Windows rehearsal; on Windows the tests above ran on Windows itself.
    if (-not $IsWindows) {
        $rehearsal = Invoke-Rehearsal (Join-Path $results 'rehearsal')
        foreach ($name in 'Passed', 'Failed', 'Skipped') { $counts[$name] += $rehearsal[$name] }
    }
    $line = "Tests: $($counts.Passed) passed, $($counts.Failed) failed"
    if ($counts.Skipped -gt 0) { $line += ", $($counts.Skipped) skipped" }
    Write-Host $line
    return ($counts.Failed -eq 0 -and $counts.Passed -gt 0)
}

# porsetup.dll as the solution build leaves it: build.ps1's signer and certificate check (its hidden sign and
# check-signing commands), and Proxy.targets'.
$signer = Join-Path $root "src/PorSetup.Cli/bin/$Configuration/net10.0/porsetup.dll"

# Checked before anything else is built or written; a refusal is one plain line (no PowerShell error view, which wraps
# it and colours it) and exit code 1.
try {
    if ($TimestampUrl -and -not $SignWith) { throw '-TimestampUrl is given without -SignWith: a timestamp countersigns a signature, so give the certificate file too.' }
    if ($TimestampUrl) {
        $url = $null
        if (-not [Uri]::TryCreate($TimestampUrl, 'Absolute', [ref] $url) -or $url.Scheme -notin 'http', 'https') {
            throw "-TimestampUrl $TimestampUrl is not an http:// or https:// address of a timestamp server."
        }
    }
    if ($SignWith) {
        $SignWith = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($SignWith)
        Test-SigningCertificate $SignWith
    }
}
catch {
    [Console]::Error.WriteLine($_.Exception.Message)
    exit 1
}

if (-not $IsWindows) { Install-LinuxPrerequisites }
$outputs = Get-BuildOutputs $Culture $PartnerId
Remove-BuildOutputs $outputs
$staging = Join-Path $artifacts 'staging'
try {
    $msi = Build-Msi
    if ($PartnerId) {
        # The tool names the copy after the normalized ID, next to the MSI, and refuses a bad ID as the installer would.
        # A signed build signs the copy too (the MSI's signature does not carry over to it).
        $stampSigning = if ($SignWith) { @(Get-SigningArguments) } else { @() }
        Invoke-Native dotnet (@((Join-Path $staging 'porsetup/porsetup.dll'), 'stamp', $msi, '--partner-id', $PartnerId) + $stampSigning)
    }
    Publish-BuildOutputs $outputs
}
finally {
    Remove-Item -LiteralPath $staging -Recurse -Force -ErrorAction SilentlyContinue
}

if ($Bench) {
    # It exits 1 when a step failed (never for a timing); its table says which.
    Invoke-Native dotnet @('run', '--project', (Join-Path $root 'bench/PorSetup.Bench/PorSetup.Bench.csproj'), '-c', $Configuration, '--no-build', '--', '--artifacts', $artifacts)
}

if ($Test -and -not (Invoke-Tests)) { exit 1 }
