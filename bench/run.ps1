# Copyright (c) PorSetup contributors. MIT licensed.
<#
.SYNOPSIS
    Prints one table: PorSetup's sizes, clean-build time and silent install/uninstall times under Wine,
    next to three baselines (minimal MSI, minimal MSI + do-nothing DLL custom action, plain `reg add`).

.DESCRIPTION
    A benchmark script, not a test: it measures and prints, it never fails on a timing. It exits non-zero
    only when a step fails (a build, an install that returns an error or does not write the value, a tool missing).
    See bench/README.md for what each row means.

    Everything it creates lives in one temporary folder (a git clone, a Wine prefix with its own TMPDIR and
    HOME, the baseline MSIs and logs), removed at the end together with the prefix's wineserver.

.EXAMPLE
    dotnet tool restore; dotnet pwsh bench/run.ps1                   # everything, 15 cycles per kind
    dotnet pwsh bench/run.ps1 -SkipBuild -Runs 5                       # quick: sizes and install times only
    dotnet pwsh bench/run.ps1 -WithTests                               # also time `build.ps1 -Test` in the clone
    dotnet pwsh bench/run.ps1 -WorkingTree                             # build the working tree, not HEAD
#>
[CmdletBinding()]
param(
    # Folder holding PorSetup.msi and ca/PorSetup.CustomAction.Proxy.dll. Default: <repo>/artifacts
    # (or the clone's artifacts when <repo>/artifacts has no MSI and the clean build ran).
    [string] $Artifacts,

    # Timed install+uninstall cycles per kind, after one verified, untimed warm-up cycle per kind.
    [ValidateRange(1, 1000)]
    [int] $Runs = 15,

    # Do not time the clean build (no clone, no build).
    [switch] $SkipBuild,

    # Also time the whole test suite: `dotnet pwsh ./build.ps1 -Test` in the clone, after the clean build.
    [switch] $WithTests,

    # Copy the repository's uncommitted changes (modified and untracked, not ignored, files; deletions)
    # into the clone before building, to time the build of what is on disk rather than of HEAD.
    [switch] $WorkingTree,

    # The Partner ID every install writes.
    [ValidatePattern('^\d+$')]
    [string] $PartnerId = '1234567'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$repo = Split-Path $PSScriptRoot -Parent
$artifactsGiven = [bool]$Artifacts
if (-not $Artifacts) { $Artifacts = Join-Path $repo 'artifacts' }
$Artifacts = [IO.Path]::GetFullPath($Artifacts)

$work = Join-Path ([IO.Path]::GetTempPath()) ('porsetup-bench-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
$logs = Join-Path $work 'logs'
$regKey = 'HKLM\SOFTWARE\Microsoft\Windows Server\MSO'
$wineTimeout = 60                 # seconds; a warm install takes well under 1 s
$failed = $false
$rows = [Collections.Generic.List[object]]::new()
$wineEnvironment = $null          # set once the prefix exists; used by the cleanup

# ---------------------------------------------------------------------------------------------- helpers

function Write-Status([string] $Message) {
    # Progress goes to stderr, so that stdout holds only the header and the table.
    [Console]::Error.WriteLine("[bench $((Get-Date).ToString('HH:mm:ss'))] $Message")
}

function Add-Row([string] $Measure, [string] $Value = '', [string] $Min = '', [string] $Max = '', [string] $Note = '') {
    $rows.Add([pscustomobject]@{ Measure = $Measure; Value = $Value; Min = $Min; Max = $Max; Note = $Note })
}

function Invoke-Timed {
    <#
      Runs a program with its output in a log file, waits for it (with a timeout) and returns its exit code and
      wall time. The program runs through `sh -c 'exec ...'` with stdout/stderr on a file rather than a pipe:
      Wine leaves background processes (services.exe, the wineserver) that inherit the standard handles, and a
      pipe would never reach end-of-file. The `sh` exec costs the same for every kind, so ratios are unaffected.
    #>
    param(
        [Parameter(Mandatory)] [string] $File,
        [string[]] $Arguments = @(),
        [hashtable] $Environment = @{},
        [string] $WorkingDirectory = $work,
        [int] $TimeoutSeconds = 180,
        [Parameter(Mandatory)] [string] $LogName
    )
    $log = Join-Path $logs "$LogName.log"
    $psi = [Diagnostics.ProcessStartInfo]::new('/bin/sh')
    $psi.UseShellExecute = $false
    $psi.WorkingDirectory = $WorkingDirectory
    foreach ($a in @('-c', 'exec "$@" </dev/null >"$0" 2>&1', $log, $File) + $Arguments) { $psi.ArgumentList.Add($a) }
    foreach ($e in $Environment.GetEnumerator()) {
        if ($null -eq $e.Value) { [void]$psi.Environment.Remove($e.Key) } else { $psi.Environment[$e.Key] = [string]$e.Value }
    }
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($psi)
    try {
        $timedOut = -not $process.WaitForExit($TimeoutSeconds * 1000)
        $watch.Stop()
        # A Windows program started by `wine` is not a child of it (it is reparented), so this stops only the
        # `wine`/start.exe side; anything left in the prefix goes with `wineserver -k` at the end.
        if ($timedOut) { $process.Kill($true); [void]$process.WaitForExit(10000) }
        return [pscustomobject]@{
            Command = "$File $($Arguments -join ' ')"; TimedOut = $timedOut; TimeoutSeconds = $TimeoutSeconds
            ExitCode = $(if ($timedOut) { $null } else { $process.ExitCode }); Seconds = $watch.Elapsed.TotalSeconds; Log = $log
        }
    }
    finally { $process.Dispose() }
}

function Remove-Ansi([string] $Text) { $Text -replace '\x1b\[[0-9;?]*[A-Za-z]', '' }

function Get-FailureText($Result, [string] $What) {
    # One line for the table (the first line of the log that looks like an error), the tail of the log for stderr.
    $lines = if (Test-Path $Result.Log) { @(Get-Content $Result.Log | ForEach-Object { (Remove-Ansi $_).Trim() } | Where-Object { $_ }) } else { @() }
    # Compiler/MSBuild errors first ("file(line,col): error CS1234: ..."), then anything that reads like an error.
    $first = $lines | Where-Object { $_ -match ':\s*error\s+[A-Z]+\d+:' } | Select-Object -First 1
    if (-not $first) {
        # A PowerShell error record: the message is the "| ..." lines after the "|   ~~~~" marker.
        $marker = [array]::FindLastIndex([string[]]$lines, [Predicate[string]] { param($l) $l -match '^\|\s+~+\s*$' })
        if ($marker -ge 0) {
            $message = @($lines[($marker + 1)..($lines.Count - 1)] | Where-Object { $_ -like '|*' } | ForEach-Object { $_.TrimStart('|').Trim() })
            if ($message) { $first = $message -join ' ' }
        }
    }
    if (-not $first) { $first = $lines | Where-Object { $_ -match '(?i)\berror\b|exception|failed|cannot|missing' } | Select-Object -First 1 }
    if ($first) { $first = $first -replace [regex]::Escape($work), '<tmp>' }
    $how = if ($Result.TimedOut) { "did not finish within $($Result.TimeoutSeconds) s" }
    elseif ($Result.Command -like 'wine *') { "exited with $($Result.ExitCode) (Wine gives exit codes modulo 256)" }
    else { "exited with $($Result.ExitCode)" }
    $line = "$What $how" + $(if ($first) { ": $first" } else { '' })
    return [pscustomobject]@{ Line = $line; Detail = "$line`n--- last lines of $($Result.Log):`n$(($lines | Select-Object -Last 30) -join "`n")" }
}

function Assert-Success($Result, [string] $What) {
    if ($Result.TimedOut -or $Result.ExitCode -ne 0) {
        $f = Get-FailureText $Result $What
        Write-Status $f.Detail
        throw $f.Line
    }
}

function Invoke-Checked {
    param([string] $What, [string] $File, [string[]] $Arguments = @(), [hashtable] $Environment = @{},
        [string] $WorkingDirectory = $work, [int] $TimeoutSeconds = 180, [string] $LogName)
    $r = Invoke-Timed -File $File -Arguments $Arguments -Environment $Environment -WorkingDirectory $WorkingDirectory `
        -TimeoutSeconds $TimeoutSeconds -LogName $LogName
    Assert-Success $r $What
    return $r
}

function Get-Median([double[]] $Values) {
    $s = [double[]]($Values | Sort-Object)
    $n = $s.Count
    if ($n % 2) { return $s[($n - 1) / 2] }
    return ($s[$n / 2 - 1] + $s[$n / 2]) / 2
}

function Format-Seconds([double] $Seconds) { '{0:0.000} s' -f $Seconds }
function Format-KiB([long] $Bytes) { '{0:0.0} KiB' -f ($Bytes / 1KB) }
function Format-Ratio([double] $Ratio) { '{0:0.00}x' -f $Ratio }

function Test-Command([string] $Name) { [bool](Get-Command $Name -CommandType Application -ErrorAction SilentlyContinue) }

function ConvertTo-WinePath([string] $Path) { 'Z:' + $Path.Replace('/', '\') }

# -------------------------------------------------------------------------------------------- the header

function Get-MachineLine {
    $cpu = (Select-String -Path /proc/cpuinfo -Pattern '^model name\s*:\s*(.+)$' | Select-Object -First 1)
    $cpu = if ($cpu) { $cpu.Matches[0].Groups[1].Value.Trim() } else { 'unknown CPU' }
    $memKb = [double]((Select-String -Path /proc/meminfo -Pattern '^MemTotal:\s*(\d+)').Matches[0].Groups[1].Value)
    $nproc = (& nproc).Trim()
    $wine = if (Test-Command wine) { ((& wine --version 2>$null) -join ' ').Trim() } else { 'wine missing' }
    $load = ((Get-Content /proc/loadavg -Raw) -split ' ')[0..2] -join ' '
    "Machine: nproc $nproc, $('{0:0.0}' -f ($memKb / 1MB)) GiB RAM, CPU $cpu, $wine, kernel $((& uname -r).Trim()), load avg at the start $load"
}

function Get-RepoLine {
    $head = (& git -C $repo rev-parse --short HEAD 2>$null)
    $dirty = if (& git -C $repo status --porcelain 2>$null) { ', working tree has uncommitted changes' } else { '' }
    "Repo: $repo at $head$dirty; artifacts: $Artifacts"
}

# ------------------------------------------------------------------------------------ the clean build

function Measure-CleanBuild {
    $clone = Join-Path $work 'clone'
    Write-Status "Cloning $repo into $clone"
    $cloneRun = Invoke-Checked -What 'git clone' -File git -Arguments @('clone', '--quiet', $repo, $clone) -LogName 'git-clone' -TimeoutSeconds 600

    $overlay = ''
    if ($WorkingTree) {
        # What is on disk and not in HEAD: modified, added and untracked files (ignored ones excluded), deletions.
        $changed = @(& git -C $repo ls-files --modified --others --exclude-standard) | Select-Object -Unique
        $deleted = @(& git -C $repo ls-files --deleted)
        foreach ($f in $changed) {
            if ($deleted -contains $f) { continue }
            $target = Join-Path $clone $f
            New-Item -ItemType Directory -Force -Path (Split-Path $target) | Out-Null
            Copy-Item -LiteralPath (Join-Path $repo $f) -Destination $target -Force
        }
        foreach ($f in $deleted) { Remove-Item -LiteralPath (Join-Path $clone $f) -Force -ErrorAction SilentlyContinue }
        $overlay = " + $(@($changed).Count) uncommitted file(s) copied in"
    }

    # No MSBuild node reuse, no MSBuild server, no shared compiler server: the build starts cold, does not lean
    # on build servers other sessions left running, and leaves no process behind.
    $buildEnvironment = @{
        MSBUILDDISABLENODEREUSE = '1'; DOTNET_CLI_USE_MSBUILD_SERVER = '0'; UseSharedCompilation = 'false'
        DOTNET_CLI_TELEMETRY_OPTOUT = '1'; DOTNET_NOLOGO = '1'; NO_COLOR = '1'; TERM = 'dumb'
    }
    Write-Status 'Clean build: dotnet tool restore; dotnet pwsh ./build.ps1 (in the clone)'
    $restore = Invoke-Checked -What 'dotnet tool restore (clone)' -File dotnet -Arguments @('tool', 'restore') `
        -Environment $buildEnvironment -WorkingDirectory $clone -LogName 'clone-tool-restore' -TimeoutSeconds 600
    $build = Invoke-Checked -What 'dotnet pwsh ./build.ps1 (clone)' -File dotnet -Arguments @('pwsh', '-NoProfile', './build.ps1') `
        -Environment $buildEnvironment -WorkingDirectory $clone -LogName 'clone-build' -TimeoutSeconds 3600
    $cloneMsi = Join-Path $clone 'artifacts/PorSetup.msi'
    if (-not (Test-Path $cloneMsi)) { throw "The clean build exited 0 but wrote no $cloneMsi." }

    $total = $cloneRun.Seconds + $restore.Seconds + $build.Seconds
    $head = (& git -C $clone rev-parse --short HEAD)
    Add-Row 'Clean build (git clone + build.ps1)' (Format-Seconds $total) -Note ("clone {0:0.0} s, tool restore {1:0.0} s, build.ps1 {2:0.0} s; HEAD {3}{4}; its MSI {5}" -f `
            $cloneRun.Seconds, $restore.Seconds, $build.Seconds, $head, $overlay, (Format-KiB (Get-Item $cloneMsi).Length))

    if ($WithTests) {
        Write-Status 'Test suite: dotnet pwsh ./build.ps1 -Test (in the clone)'
        $tests = Invoke-Timed -File dotnet -Arguments @('pwsh', '-NoProfile', './build.ps1', '-Test') -Environment $buildEnvironment `
            -WorkingDirectory $clone -LogName 'clone-test' -TimeoutSeconds 7200
        $summary = Select-String -Path $tests.Log -Pattern '^Tests: \d+ passed.*$' | Select-Object -Last 1
        $summary = if ($summary) { $summary.Line.Trim() } else { 'no "Tests:" line in the output' }
        # build.ps1's exit code is not trusted alone: the "Tests:" line (computed from the TRX files) must say 0 failed.
        $testsFailed = $summary -notmatch '^Tests: \d+ passed, 0 failed'
        if ($tests.TimedOut -or $tests.ExitCode -ne 0 -or $testsFailed) {
            $f = Get-FailureText $tests 'build.ps1 -Test'
            $why = if ($tests.TimedOut -or $tests.ExitCode -ne 0) { "; $($f.Line)" } else { " (build.ps1 -Test exited 0 nevertheless)" }
            Add-Row 'Test suite (build.ps1 -Test in the clone)' (Format-Seconds $tests.Seconds) -Note "FAILED: $summary$why"
            $failedTests = @(Select-String -Path $tests.Log -Pattern '\[FAIL\]\s*$|^\s*Failed\s+\S' | ForEach-Object { $_.Line.Trim() } | Select-Object -Unique)
            Write-Status ("build.ps1 -Test failed:`n" + $(if ($failedTests) { $failedTests -join "`n" } else { $f.Detail }))
            $script:failed = $true
        }
        else {
            Add-Row 'Test suite (build.ps1 -Test in the clone)' (Format-Seconds $tests.Seconds) -Note "incremental build + all tests; $summary"
        }
    }
    return (Join-Path $clone 'artifacts')
}

# ------------------------------------------------------------------------------------------- baselines

function New-BaselinePackages([string] $Folder) {
    $wxs = Join-Path $PSScriptRoot 'minimal.wxs'
    $noopSource = Join-Path $PSScriptRoot 'noop.c'
    $noopDll = Join-Path $Folder 'noop.dll'
    $cFlags = @('-O2', '-shared', '-nostdlib', '-Wl,--entry,DllMain', '-s', '-o', $noopDll, $noopSource)
    if (Test-Command clang) {
        Invoke-Checked -What 'clang (noop.dll)' -File clang -Arguments (@('--target=x86_64-w64-windows-gnu') + $cFlags) -LogName 'noop-cc' | Out-Null
    }
    elseif (Test-Command x86_64-w64-mingw32-gcc) {
        Invoke-Checked -What 'x86_64-w64-mingw32-gcc (noop.dll)' -File x86_64-w64-mingw32-gcc -Arguments $cFlags -LogName 'noop-cc' | Out-Null
    }
    else { throw 'Neither clang nor x86_64-w64-mingw32-gcc is installed (Debian: clang, or gcc-mingw-w64-x86-64).' }
    if (Test-Command x86_64-w64-mingw32-objdump) {
        $exports = (& x86_64-w64-mingw32-objdump -p $noopDll) -join "`n"
        if ($exports -notmatch '\]\s+Noop\b') { throw "$noopDll does not export Noop." }
    }

    # wixl takes SourceFile relative to the folder it runs in (it refuses absolute paths): run it in $Folder.
    $variants = @(
        @{ Name = 'minimal'; Defines = @('-D', 'UpgradeCode=5B0C1E52-7E0B-4C55-9A51-0F3E2B9A1C01', '-D', 'ComponentGuid=5B0C1E52-7E0B-4C55-9A51-0F3E2B9A1C02') }
        @{ Name = 'floor'; Defines = @('-D', 'UpgradeCode=5B0C1E52-7E0B-4C55-9A51-0F3E2B9A1C03', '-D', 'ComponentGuid=5B0C1E52-7E0B-4C55-9A51-0F3E2B9A1C04', '-D', 'NoopDll=noop.dll') }
    )
    foreach ($v in $variants) {
        $msi = Join-Path $Folder "$($v.Name).msi"
        Invoke-Checked -What "wixl ($($v.Name).msi)" -File wixl -Arguments (@('-a', 'x64', '-D', "Variant=$($v.Name)") + $v.Defines + @('-o', $msi, $wxs)) `
            -WorkingDirectory $Folder -LogName "wixl-$($v.Name)" | Out-Null
    }
    return @{ Minimal = (Join-Path $Folder 'minimal.msi'); Floor = (Join-Path $Folder 'floor.msi'); NoopDll = $noopDll }
}

# ------------------------------------------------------------------------------------------ Wine prefix

function Start-WinePrefix {
    $root = Join-Path $work 'wine'
    foreach ($d in 'tmp', 'home') { New-Item -ItemType Directory -Force -Path (Join-Path $root $d) | Out-Null }
    $script:wineEnvironment = @{
        WINEPREFIX = (Join-Path $root 'prefix'); WINEARCH = 'win64'; WINEDEBUG = '-all'
        WINEDLLOVERRIDES = 'mscoree,mshtml=;winemenubuilder.exe=d'
        TMPDIR = (Join-Path $root 'tmp'); HOME = (Join-Path $root 'home')
        DISPLAY = $null; WAYLAND_DISPLAY = $null
    }
    Write-Status "wineboot -i in $($wineEnvironment.WINEPREFIX)"
    Invoke-Checked -What 'wineboot -i' -File wine -Arguments @('wineboot', '-i') -Environment $wineEnvironment -LogName 'wineboot' -TimeoutSeconds 600 | Out-Null
    # Let wineboot's server finish (it saves the registry on exit), then start a persistent one: warm installs.
    Invoke-Checked -What 'wineserver -w' -File wineserver -Arguments @('-w') -Environment $wineEnvironment -LogName 'wineserver-w' -TimeoutSeconds 120 | Out-Null
    Invoke-Checked -What 'wineserver -p' -File wineserver -Arguments @('-p') -Environment $wineEnvironment -LogName 'wineserver-p' -TimeoutSeconds 60 | Out-Null
}

function Stop-LeftoverProcesses {
    # Processes that the clean build or the test suite left behind, found by their environment or their working
    # folder pointing into this run's temporary folder (the end-to-end tests' persistent wineservers and the Wine
    # processes they serve, for instance). Stopped by process id: SIGTERM, then SIGKILL for those still there.
    $mine = [Collections.Generic.List[int]]::new()
    foreach ($d in Get-ChildItem /proc -Directory -ErrorAction SilentlyContinue | Where-Object Name -match '^\d+$') {
        $id = [int]$d.Name
        if ($id -eq $PID) { continue }
        try {
            $cwd = (Get-Item -LiteralPath "/proc/$id/cwd" -ErrorAction Stop).Target
            $environ = [IO.File]::ReadAllText("/proc/$id/environ")
        }
        catch { continue }
        if (("$cwd" -like "$work*") -or $environ.Contains("PORSETUP_ARTIFACTS=$work/")) { $mine.Add($id) }
    }
    if ($mine.Count -eq 0) { return }
    Write-Status "Stopping $($mine.Count) process(es) left by the build or the tests: $($mine -join ' ')"
    foreach ($id in $mine) { & kill -TERM $id 2>$null }
    Start-Sleep -Seconds 3
    foreach ($id in $mine) { if (Test-Path "/proc/$id") { & kill -KILL $id 2>$null } }
}

function Stop-WinePrefix {
    if (-not $wineEnvironment) { return }
    try {
        Invoke-Timed -File wineserver -Arguments @('-k') -Environment $wineEnvironment -LogName 'wineserver-k' -TimeoutSeconds 60 | Out-Null
        Invoke-Timed -File wineserver -Arguments @('-w') -Environment $wineEnvironment -LogName 'wineserver-w-end' -TimeoutSeconds 60 | Out-Null
    }
    catch { Write-Status "Stopping the wineserver: $($_.Exception.Message)" }
}

function Get-PartnerValueCount {
    # How many times `reg query` shows Partner = <id> as REG_SZ in the 64-bit view (0 when the value is absent).
    $r = Invoke-Timed -File wine -Arguments @('reg', 'query', $regKey, '/v', 'Partner', '/reg:64') -Environment $wineEnvironment -LogName 'reg-query' -TimeoutSeconds $wineTimeout
    if ($r.TimedOut) { throw "wine reg query did not finish within $wineTimeout s." }
    if ($r.ExitCode -ne 0) { return 0 }
    return @(Select-String -Path $r.Log -Pattern ('^\s*Partner\s+REG_SZ\s+' + [regex]::Escape($PartnerId) + '\s*$')).Count
}

function Get-HangDiagnosis {
    # Where a hung msiexec waits: the top frames of its main thread, from `winedbg --command "bt all"`.
    $r = Invoke-Timed -File wine -Arguments @('winedbg', '--command', 'bt all') -Environment $wineEnvironment -LogName 'winedbg' -TimeoutSeconds 60
    if ($r.TimedOut -or -not (Test-Path $r.Log)) { return 'no backtrace (winedbg did not answer)' }
    $stacks = [Collections.Generic.List[string]]::new(); $current = $null
    foreach ($l in Get-Content $r.Log) {
        if ($l -match '^Backtracing for thread \w+ in process \w+ \((.*)\)') {
            if ($current) { $stacks.Add($current) }
            $current = if ($Matches[1] -match 'msiexec\.exe$') { '' } else { $null }
        }
        elseif ($null -ne $current -and $l -match '^\s*=?>?\s*\d+\s+0x[0-9a-f]+\s+([A-Za-z_]\w*)\+0x') {
            $frames = @($current -split ' <- ' | Where-Object { $_ })
            if ($frames.Count -lt 4) { $current = (@($frames) + $Matches[1]) -join ' <- ' }
        }
    }
    if ($current) { $stacks.Add($current) }
    $msi = $stacks | Where-Object { $_ -match 'custom|ACTION_|MSI_|msi_' } | Select-Object -First 1
    if ($msi) { return "msiexec waits in $msi" }
    if ($stacks.Count) { return "msiexec stacks: $($stacks -join ' | ')" }
    return 'no msiexec thread found by winedbg'
}

function Get-TempUsage {
    # Files under the prefix's temporary folders (where msiexec extracts custom-action DLLs).
    $driveC = Join-Path $wineEnvironment.WINEPREFIX 'drive_c'
    $folders = @(Get-ChildItem -Directory -Path (Join-Path $driveC 'users') -ErrorAction SilentlyContinue | ForEach-Object {
            Join-Path $_.FullName 'Temp'; Join-Path $_.FullName 'AppData/Local/Temp' }) + @(Join-Path $driveC 'windows/temp')
    $files = @($folders | Where-Object { Test-Path $_ } | ForEach-Object { Get-ChildItem -File -Recurse -Force -Path $_ -ErrorAction SilentlyContinue })
    [long] $bytes = 0
    foreach ($f in $files) { $bytes += $f.Length }
    return [pscustomobject]@{ Count = $files.Count; Bytes = $bytes }
}

# ---------------------------------------------------------------------------------- install benchmark

function Assert-Wine($Result, [string] $What) {
    # Assert-Success, with the hung msiexec's backtrace in the message when a Wine command timed out.
    if ($Result.TimedOut) { throw "$What did not finish within $($Result.TimeoutSeconds) s; $(Get-HangDiagnosis)" }
    Assert-Success $Result $What
}

function Register-Failure($Kind, $Result, [string] $When, [hashtable] $Failures) {
    $text = if ($Result.TimedOut) { "$When hung (no exit within $($Result.TimeoutSeconds) s); $(Get-HangDiagnosis)" }
    else { (Get-FailureText $Result $When).Line }
    $Failures[$Kind.Name].Add($text)
    $script:failed = $true
    Write-Status "$($Kind.Name): $text"
}

function Restore-NoValue($Kind) {
    # After a failed step: uninstall (untimed) so the next round starts from a machine without the value.
    $r = Invoke-Timed -File wine -Arguments $Kind.Uninstall -Environment $wineEnvironment -LogName "$($Kind.Name)-recover" -TimeoutSeconds $wineTimeout
    if ($r.TimedOut) { throw "$($Kind.Name): the recovery uninstall hung too; $(Get-HangDiagnosis)" }
    if ((Get-PartnerValueCount) -ne 0) { throw "$($Kind.Name): the value is still there after a failed step and a recovery uninstall." }
}

function Measure-Installs([string] $PorSetupMsi, [hashtable] $Baselines, [string] $WorkerExe) {
    $msiFolder = Join-Path $work 'msi'
    New-Item -ItemType Directory -Force -Path $msiFolder | Out-Null
    Copy-Item $PorSetupMsi (Join-Path $msiFolder 'PorSetup.msi')

    $msiKind = {
        param([string] $Name, [string] $Msi, [string] $Action)
        $winMsi = ConvertTo-WinePath $Msi
        @{ Name = $Name; Action = $Action
            Install = @('msiexec', '/i', $winMsi, '/qn', "PARTNERID=$PartnerId")
            Uninstall = @('msiexec', '/x', $winMsi, '/qn')
            IsMsi = $true }
    }
    $kinds = @(
        (& $msiKind 'PorSetup' (Join-Path $msiFolder 'PorSetup.msi') 'DecidePartnerId')
        (& $msiKind 'minimal' $Baselines.Minimal $null)
        (& $msiKind 'floor' $Baselines.Floor 'Noop')
        @{ Name = 'reg'; Action = $null; IsMsi = $false
            Install = @('reg', 'add', $regKey, '/v', 'Partner', '/t', 'REG_SZ', '/d', $PartnerId, '/f', '/reg:64')
            Uninstall = @('reg', 'delete', $regKey, '/v', 'Partner', '/f', '/reg:64') }
    )

    Start-WinePrefix
    if ((Get-PartnerValueCount) -ne 0) { throw 'The fresh prefix already holds the Partner value.' }

    # One untimed, verified cycle per kind: it warms the server and caches, and proves each install works.
    $notes = @{}
    foreach ($k in $kinds) {
        Write-Status "Warm-up and check: $($k.Name)"
        $before = Get-TempUsage
        $install = $k.Install
        $verboseLog = $null
        if ($k.IsMsi) {
            $verboseLog = Join-Path $logs "verify-$($k.Name).msi.log"
            $install = $install + @('/l*v', (ConvertTo-WinePath $verboseLog))
        }
        Assert-Wine (Invoke-Timed -File wine -Arguments $install -Environment $wineEnvironment -LogName "verify-$($k.Name)-install" -TimeoutSeconds $wineTimeout) "$($k.Name) install"
        $count = Get-PartnerValueCount
        if ($count -ne 1) { throw "$($k.Name): after the install, reg query shows the value Partner = $PartnerId $count time(s), not once." }
        if ($k.Action) {
            $ended = Select-String -Path $verboseLog -Pattern ('Action ended .*: ' + $k.Action + '\. Return value 1\.') -ErrorAction SilentlyContinue
            if (-not $ended) { throw "$($k.Name): the install log $verboseLog does not show $($k.Action) returning success." }
        }
        Assert-Wine (Invoke-Timed -File wine -Arguments $k.Uninstall -Environment $wineEnvironment -LogName "verify-$($k.Name)-uninstall" -TimeoutSeconds $wineTimeout) "$($k.Name) uninstall"
        if ((Get-PartnerValueCount) -ne 0) { throw "$($k.Name): the value is still there after the uninstall." }
        $after = Get-TempUsage
        $left = $after.Count - $before.Count
        $what = if ($k.Action) { "$($k.Action) ran and returned success" } elseif ($k.Name -eq 'reg') { 'no MSI' } else { 'no custom action' }
        $notes[$k.Name] = "value written once and removed; $what; {0} file(s), {1} left in %TEMP% per cycle" -f $left, (Format-KiB ($after.Bytes - $before.Bytes))
    }

    # Timed rounds. Each round runs every kind once, starting with a different kind each time, so drift in the
    # machine's load spreads over all kinds rather than falling on one. A failed or hung command does not end the
    # benchmark: it is counted and reported (and makes the exit code 1), the state is restored, the rounds go on.
    $times = @{}; $failures = @{}
    foreach ($k in $kinds) {
        $times[$k.Name] = @{ Install = [Collections.Generic.List[double]]::new(); Uninstall = [Collections.Generic.List[double]]::new(); Cycle = [Collections.Generic.List[double]]::new() }
        $failures[$k.Name] = [Collections.Generic.List[string]]::new()
    }
    for ($round = 0; $round -lt $Runs; $round++) {
        Write-Status "Round $($round + 1)/$Runs"
        for ($j = 0; $j -lt $kinds.Count; $j++) {
            $k = $kinds[($round + $j) % $kinds.Count]
            $i = Invoke-Timed -File wine -Arguments $k.Install -Environment $wineEnvironment -LogName "$($k.Name)-install" -TimeoutSeconds $wineTimeout
            if ($i.TimedOut -or $i.ExitCode -ne 0) {
                Register-Failure $k $i "install, round $($round + 1)" $failures
                Restore-NoValue $k
                continue
            }
            $u = Invoke-Timed -File wine -Arguments $k.Uninstall -Environment $wineEnvironment -LogName "$($k.Name)-uninstall" -TimeoutSeconds $wineTimeout
            if ($u.TimedOut -or $u.ExitCode -ne 0) {
                Register-Failure $k $u "uninstall, round $($round + 1)" $failures
                Restore-NoValue $k
                $times[$k.Name].Install.Add($i.Seconds)
                continue
            }
            $times[$k.Name].Install.Add($i.Seconds); $times[$k.Name].Uninstall.Add($u.Seconds); $times[$k.Name].Cycle.Add($i.Seconds + $u.Seconds)
        }
    }
    if ((Get-PartnerValueCount) -ne 0) { throw 'The value is still there after the last round.' }

    $labels = @{ PorSetup = 'PorSetup.msi'; minimal = 'minimal MSI (no custom action)'; floor = 'floor MSI (no-op DLL action)'; reg = 'reg add / reg delete' }
    $median = @{}
    foreach ($k in $kinds) {
        $median[$k.Name] = @{}
        foreach ($phase in 'Install', 'Uninstall', 'Cycle') {
            $v = [double[]]$times[$k.Name][$phase]
            $note = switch ($phase) { 'Install' { $notes[$k.Name] } 'Cycle' { 'install + uninstall' } default { '' } }
            $bad = $failures[$k.Name]
            if ($bad.Count -and $phase -eq 'Cycle') {
                $note = "FAILED in $($bad.Count) of $Runs rounds (timings over the $($v.Count) complete cycles): $($bad[0])" + $(if ($bad.Count -gt 1) { " (+$($bad.Count - 1) more, see stderr)" } else { '' })
            }
            elseif ($v.Count -lt $Runs) { $note = ($note, "over $($v.Count) of $Runs runs" | Where-Object { $_ }) -join '; ' }
            if ($v.Count -eq 0) { $median[$k.Name][$phase] = [double]::NaN; Add-Row "$($labels[$k.Name]): $($phase.ToLowerInvariant())" 'FAILED' -Note $note; continue }
            $median[$k.Name][$phase] = Get-Median $v
            Add-Row "$($labels[$k.Name]): $($phase.ToLowerInvariant())" (Format-Seconds $median[$k.Name][$phase]) `
                (Format-Seconds ($v | Measure-Object -Minimum).Minimum) (Format-Seconds ($v | Measure-Object -Maximum).Maximum) $note
        }
    }

    $ratio = {
        param([string] $A, [string] $B, [string] $Goal)
        $c = $median[$A].Cycle / $median[$B].Cycle
        if ([double]::IsNaN($c)) { Add-Row "Ratio $A / $B (cycle)" 'n/a' -Note 'no complete cycle for one of the two'; return }
        $note = 'medians; install {0}, uninstall {1}' -f (Format-Ratio ($median[$A].Install / $median[$B].Install)), (Format-Ratio ($median[$A].Uninstall / $median[$B].Uninstall))
        if ($Goal) { $note += "; goal cycle <= $($Goal)x: " + $(if ($c -le [double]$Goal) { 'MET' } else { 'NOT MET' }) }
        Add-Row "Ratio $A / $B (cycle)" (Format-Ratio $c) -Note $note
    }
    & $ratio 'PorSetup' 'minimal' '1.5'
    & $ratio 'PorSetup' 'floor' '1.15'
    & $ratio 'floor' 'minimal' $null
    & $ratio 'minimal' 'reg' $null

    # The worker's start, alone: run with no input, it starts the NativeAOT runtime, finds no action and exits with
    # 1603 (67 through wine). cmd /c exit 0 is the same launch by wine without the runtime.
    $workerCopy = Join-Path $work 'PorSetup.CustomAction.exe'
    Copy-Item $WorkerExe $workerCopy
    $start = @{ Worker = [Collections.Generic.List[double]]::new(); Cmd = [Collections.Generic.List[double]]::new() }
    for ($round = 0; $round -lt $Runs; $round++) {
        $w = Invoke-Timed -File wine -Arguments @((ConvertTo-WinePath $workerCopy)) -Environment $wineEnvironment -LogName 'worker-start' -TimeoutSeconds $wineTimeout
        if (-not $w.TimedOut -and $w.ExitCode -eq 67) { $start.Worker.Add($w.Seconds) }
        $c = Invoke-Timed -File wine -Arguments @('cmd', '/c', 'exit', '0') -Environment $wineEnvironment -LogName 'cmd-start' -TimeoutSeconds $wineTimeout
        if (-not $c.TimedOut -and $c.ExitCode -eq 0) { $start.Cmd.Add($c.Seconds) }
    }
    if ($start.Worker.Count -eq 0 -or $start.Cmd.Count -eq 0) {
        Add-Row 'Worker start (wine, no input)' 'FAILED' -Note "worker runs that exited with 67: $($start.Worker.Count) of $Runs; cmd runs: $($start.Cmd.Count) of $Runs"
        return
    }
    $workerMedian = Get-Median ([double[]]$start.Worker)
    $cmdMedian = Get-Median ([double[]]$start.Cmd)
    Add-Row 'Worker start (wine, no input)' (Format-Seconds $workerMedian) (Format-Seconds ($start.Worker | Measure-Object -Minimum).Minimum) (Format-Seconds ($start.Worker | Measure-Object -Maximum).Maximum) `
        ("wall clock of wine <worker>, which starts the runtime, finds no action and exits; for scale, wine cmd /c exit 0: {0}; worker {1}" -f (Format-Seconds $cmdMedian), (Format-KiB (Get-Item $WorkerExe).Length))
}

# ------------------------------------------------------------------------------------------------- main

$started = Get-Date
$header = @(
    "PorSetup benchmark, $($started.ToUniversalTime().ToString('yyyy-MM-dd HH:mm:ss')) UTC"
    (Get-MachineLine)
    (Get-RepoLine)
)

try {
    New-Item -ItemType Directory -Force -Path $logs | Out-Null
    $missing = @('git', 'dotnet', 'wine', 'wineserver', 'wixl' | Where-Object { -not (Test-Command $_) })
    if ($missing) { throw "Missing tools: $($missing -join ', ') (Debian: git, wine wine64, wixl; dotnet from the .NET SDK)." }

    # 1. The clean build (first: when the repository has no artifacts yet, its output is what gets measured).
    if (-not $SkipBuild) {
        try {
            $cloneArtifacts = Measure-CleanBuild
            if (-not $artifactsGiven -and -not (Test-Path (Join-Path $Artifacts 'PorSetup.msi'))) {
                $Artifacts = $cloneArtifacts
                $header[2] = "$(Get-RepoLine) (the repository had none: the clean build's are measured)"
            }
        }
        catch {
            Add-Row 'Clean build (git clone + build.ps1)' 'FAILED' -Note $_.Exception.Message.Split("`n")[0]
            if ($WithTests -and -not ($rows | Where-Object Measure -like 'Test suite*')) { Add-Row 'Test suite (build.ps1 -Test in the clone)' 'not run' -Note 'the clean build failed' }
            $failed = $true
        }
    }
    else { Add-Row 'Clean build (git clone + build.ps1)' 'skipped' -Note '-SkipBuild' }

    # 2. Sizes.
    $msi = Join-Path $Artifacts 'PorSetup.msi'
    $dll = Join-Path $Artifacts 'ca/PorSetup.CustomAction.Proxy.dll'
    $worker = Join-Path $Artifacts 'ca/PorSetup.CustomAction.exe'
    foreach ($f in $msi, $dll, $worker) { if (-not (Test-Path $f)) { throw "Missing $f. Build first (dotnet pwsh ./build.ps1) or pass -Artifacts." } }
    $msiBytes = (Get-Item $msi).Length
    $dllBytes = (Get-Item $dll).Length
    $workerBytes = (Get-Item $worker).Length
    $rows.Insert(0, [pscustomobject]@{ Measure = 'Size: PorSetup.msi'; Value = (Format-KiB $msiBytes); Min = ''; Max = ''
            Note = "$msiBytes bytes; goal < 1 MiB (1024 KiB): " + $(if ($msiBytes -lt 1MB) { 'MET' } else { 'NOT MET' }) })
    $rows.Insert(1, [pscustomobject]@{ Measure = 'Size: custom action DLL'; Value = (Format-KiB $dllBytes); Min = ''; Max = ''
            Note = "$dllBytes bytes, ca/PorSetup.CustomAction.Proxy.dll: the C proxy ($($dllBytes - $workerBytes) bytes) carrying the NativeAOT worker ca/PorSetup.CustomAction.exe ($workerBytes bytes)" })
    $insertAt = 2
    $exe = Join-Path $Artifacts 'porsetup.exe'
    if (Test-Path $exe) {
        $exeBytes = (Get-Item $exe).Length
        $rows.Insert($insertAt++, [pscustomobject]@{ Measure = 'Size: porsetup.exe'; Value = (Format-KiB $exeBytes); Min = ''; Max = ''
                Note = "$exeBytes bytes: the CLI for Windows x64, self-contained single file (the .NET runtime inside, trimmed and compressed); needs no .NET installed" })
    }

    # 3. Installs.
    try {
        $baselineFolder = Join-Path $work 'baselines'
        New-Item -ItemType Directory -Force -Path $baselineFolder | Out-Null
        $baselines = New-BaselinePackages $baselineFolder
        $rows.Insert($insertAt++, [pscustomobject]@{ Measure = 'Size: minimal / floor MSI'; Value = (Format-KiB (Get-Item $baselines.Minimal).Length); Min = ''; Max = ''
                Note = "floor MSI $(Format-KiB (Get-Item $baselines.Floor).Length), its no-op DLL $(Format-KiB (Get-Item $baselines.NoopDll).Length) (bench/minimal.wxs, bench/noop.c)" })
        Measure-Installs $msi $baselines $worker
    }
    catch {
        Add-Row 'Install benchmark' 'FAILED' -Note $_.Exception.Message.Split("`n")[0]
        Write-Status "Install benchmark stopped: $($_.Exception.Message)"
        $failed = $true
    }
}
catch {
    Add-Row 'Benchmark' 'FAILED' -Note $_.Exception.Message.Split("`n")[0]
    Write-Status $_.Exception.Message
    $failed = $true
}
finally {
    Stop-WinePrefix
    Stop-LeftoverProcesses
    if (Test-Path $work) {
        Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
        if (Test-Path $work) { Write-Status "Could not remove $work entirely."; $failed = $true }
    }
}

# ------------------------------------------------------------------------------------------------ table

$header += "Install timings: $Runs timed cycles per kind (after 1 verified warm-up cycle each), rounds interleaved; fresh win64 prefix, warm wineserver (-p); wall clock incl. starting wine; took $([int]((Get-Date) - $started).TotalSeconds) s in all; load avg at the end $(((Get-Content /proc/loadavg -Raw) -split ' ')[0..2] -join ' ')"
$columns = 'Measure', 'Value', 'Min', 'Max', 'Note'
$titles = @{ Measure = 'Measure'; Value = 'Median / value'; Min = 'Min'; Max = 'Max'; Note = 'Goal / note' }
$width = @{}
foreach ($c in $columns) { $width[$c] = (@($titles[$c].Length) + @($rows | ForEach-Object { ([string]$_.$c).Length }) | Measure-Object -Maximum).Maximum }
$line = {
    param($cells)
    '| ' + (($columns | ForEach-Object {
                if ($_ -in 'Value', 'Min', 'Max') { ([string]$cells[$_]).PadLeft($width[$_]) } else { ([string]$cells[$_]).PadRight($width[$_]) } }) -join ' | ') + ' |'
}
$header | ForEach-Object { Write-Output $_ }
Write-Output ''
Write-Output (& $line $titles)
Write-Output ('|' + (($columns | ForEach-Object { if ($_ -in 'Value', 'Min', 'Max') { '-' * ($width[$_] + 1) + ':' } else { '-' * ($width[$_] + 2) } }) -join '|') + '|')
foreach ($r in $rows) { Write-Output (& $line @{ Measure = $r.Measure; Value = $r.Value; Min = $r.Min; Max = $r.Max; Note = $r.Note }) }

exit ([int]$failed)
