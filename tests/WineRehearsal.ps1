# Copyright (c) PorSetup contributors. MIT licensed.
<#
.SYNOPSIS
    The Windows rehearsal: the end-to-end tests built for win-x64 and run as a Windows program under Wine, with
    PORSETUP_TEST_MACHINE=local, in a throw-away Wine prefix that plays "this Windows machine".

.DESCRIPTION
    Run by build.ps1 -Test on Linux after the Linux suite (docs/wine-and-windows.md, "The Windows rehearsal"):
    1. The sources as the windows-2022 runner checks them out: the work tree (committed, changed and new files that
       git does not ignore) written into a temporary folder by git archive with core.autocrlf=true, so that text
       files have CRLF line ends there, as they have on Windows.
    2. Each rehearsed test project published from there, self-contained for win-x64 (no .NET in the prefix).
    3. A Wine prefix made for the run, with Wine's mscoree left enabled when the tests run (with it disabled, as the
       Wine test prefixes have it, the .NET runtime cannot load its own assemblies under Wine).
    4. Each test program run with wine, PORSETUP_TEST_MACHINE=local and PORSETUP_REHEARSAL=wine, its results written
       as TRX and xunit XML into -Results. The temporary folder and the prefix are removed afterwards.
    Prints what it does; the caller reads the result files. Returns nothing.
#>
[CmdletBinding()]
param(
    # The repository's root.
    [Parameter(Mandatory)] [string] $Root,
    # Where build.ps1 put the MSI and porsetup.exe (the tests install and run these).
    [Parameter(Mandatory)] [string] $Artifacts,
    # Where the TRX and xunit XML files go (one of each per test program).
    [Parameter(Mandatory)] [string] $Results,
    [string] $Configuration = 'Release',
    # Leaves the temporary folder (sources, published programs, prefix, logs) in place, to look into a failure.
    [switch] $Keep
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# The test projects rehearsed: those with Windows branches (OperatingSystem.IsWindows()) in their tests.
$projects = @('PorSetup.EndToEnd.Tests')

# Runs a program; its output goes to the console. Throws when it fails.
function Invoke-Checked([string] $Command, [string[]] $Arguments) {
    & $Command @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "$Command $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

# A Linux path as Windows programs see it under Wine (drive Z: maps /).
function ConvertTo-ZDrivePath([string] $Path) { 'Z:' + $Path.Replace('/', '\') }

# Short on purpose: Wine puts its server socket under TMPDIR, and a Unix socket path may not exceed 107 bytes.
$work = Join-Path ([IO.Path]::GetTempPath()) "porsetup-rehearsal-$PID"
Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
$sources = Join-Path $work 'src'
$prefix = Join-Path $work 'prefix'
New-Item -ItemType Directory -Force $sources, (Join-Path $work 'tmp'), (Join-Path $work 'home'), $Results | Out-Null

# What every wine command of the rehearsal runs with: this prefix, its own wineserver, no display, no Gecko prompt,
# no desktop menu entries. mscoree is disabled only while wineboot makes the prefix (no Mono download prompt).
$wine = @{
    WINEPREFIX       = $prefix
    WINEARCH         = 'win64'
    WINEDEBUG        = '-all'
    WINEDLLOVERRIDES = 'mshtml=;winemenubuilder.exe=d'
    TMPDIR           = Join-Path $work 'tmp'
    HOME             = Join-Path $work 'home'
    LANG             = 'C.UTF-8'
    LC_ALL           = 'C.UTF-8'
    DISPLAY          = $null
    WAYLAND_DISPLAY  = $null
}

# Sets these environment variables (null removes one) for the script block, and puts the old values back after it.
function Use-Environment([hashtable] $Variables, [scriptblock] $Block) {
    $saved = @{}
    foreach ($name in $Variables.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Variables[$name])
    }
    try { & $Block }
    finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
}

try {
    # 1. The work tree's files as git would check them out on Windows. A copy of the index takes the changed and new
    # files (git add -A on the copy: the repository's own index is not touched); write-tree stores that state, and
    # git archive writes it out, converting line ends as core.autocrlf=true does on checkout.
    $index = Join-Path $work 'index'
    Copy-Item (& git -C $Root rev-parse --path-format=absolute --git-path index) $index
    $tree = Use-Environment @{ GIT_INDEX_FILE = $index } {
        Invoke-Checked git @('-C', $Root, 'add', '-A')
        & git -C $Root write-tree
    }
    if ($LASTEXITCODE -ne 0 -or -not $tree) { throw "git write-tree of the work tree failed." }
    & sh -c 'git -C "$0" -c core.autocrlf=true archive "$1" | tar -x -C "$2"' $Root $tree $sources
    if ($LASTEXITCODE -ne 0) { throw "git archive of the work tree into $sources failed." }
    Write-Host "Rehearsal: sources of the work tree (tree $tree) checked out with core.autocrlf=true into $sources"

    # 2. Self-contained win-x64 test programs, published inside that copy (their tests find the repository's files
    # above their own folder, with Windows line ends).
    $programs = foreach ($project in $projects) {
        $output = Join-Path $sources "artifacts/rehearsal/$project"
        Invoke-Checked dotnet @('publish', (Join-Path $sources "tests/$project/$project.csproj"), '-c', $Configuration, '-r', 'win-x64',
            '--self-contained', '-p:PorSetupWineRehearsal=true', '-o', $output, '--nologo', '-v', 'quiet')
        Join-Path $output "$project.exe"
    }

    Use-Environment $wine {
        # 3. The prefix, as the Wine test prefixes are made.
        Use-Environment @{ WINEDLLOVERRIDES = 'mscoree,mshtml=;winemenubuilder.exe=d' } {
            & sh -c 'wineboot -i >/dev/null 2>&1 </dev/null; wineserver -w'
        }
        if (-not (Test-Path (Join-Path $prefix 'system.reg'))) { throw "wineboot did not make the rehearsal's prefix $prefix." }
        # Windows has C:\Windows\Installer from the start (the local machine's snapshot lists it); Wine makes it only at
        # its first install.
        New-Item -ItemType Directory -Force (Join-Path $prefix 'drive_c/windows/Installer') | Out-Null

        # 4. Each test program, as a Windows program on "this Windows machine". Wine's services inherit wine's output
        # and outlive it, so the output goes to a file, printed once the program has ended.
        # W^X off: with the runtime's default double mapping of its generated code, Wine 8 stops it with an internal
        # error (0x80131506) when the finalizer frees a dynamic method's code (the test invoke stubs).
        $rehearsal = @{
            PORSETUP_TEST_MACHINE          = 'local'
            PORSETUP_REHEARSAL             = 'wine'
            PORSETUP_ARTIFACTS             = ConvertTo-ZDrivePath $Artifacts
            DOTNET_EnableWriteXorExecute   = '0'
        }
        Use-Environment $rehearsal {
            foreach ($program in $programs) {
                $name = [IO.Path]::GetFileNameWithoutExtension($program)
                $log = Join-Path $work "$name.log"
                $arguments = @('-noColor', '-noLogo',
                    '-result-trx', (ConvertTo-ZDrivePath (Join-Path $Results "$name.trx")),
                    '-result-xml', (ConvertTo-ZDrivePath (Join-Path $Results "$name.xml")))
                Write-Host "Rehearsal: wine $name.exe $($arguments -join ' ')"
                # A program that has not ended after 20 minutes is stopped (exit code 124): its results are then missing.
                & sh -c 'log="$0"; exec timeout -k 10 1200 wine "$@" >"$log" 2>&1 </dev/null' $log $program @arguments
                $exit = $LASTEXITCODE
                Get-Content $log | Out-Host
                Write-Host "Rehearsal: $name.exe exited with $exit"
            }
        }
    }
}
finally {
    Use-Environment $wine { & sh -c 'wineserver -k >/dev/null 2>&1; wineserver -w >/dev/null 2>&1' }
    if ($Keep) { Write-Host "Rehearsal: kept $work" } else { Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue }
}
