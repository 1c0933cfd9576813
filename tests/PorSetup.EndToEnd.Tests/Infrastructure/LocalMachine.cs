// Copyright (c) PorSetup contributors. MIT licensed.

using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.Versioning;
using System.Security.Principal;
using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// This Windows machine, for real (PORSETUP_TEST_MACHINE=local): msiexec.exe and cmd.exe run as processes of their
/// own, with real exit codes; the registry is read and written through the registry API in the 64-bit view (or the
/// 32-bit one when asked); the installed PorSetup products are Windows Installer's own answer
/// (MsiEnumRelatedProducts with PorSetup's UpgradeCode, not the Add/Remove Programs entries, which a package can
/// hide). Tests run one at a time: a machine is held from Create to Dispose. Before it changes anything, and again
/// before each claim, it writes what it will put back to a journal on disk (<see cref="LocalJournal"/>, at
/// <see cref="LocalJournalFile.DefaultPath"/>); Create first restores a journal an interrupted run left, and refuses
/// to start when it cannot. Dispose puts the machine back as the journal says the test found it
/// (<see cref="JournalRestore"/> in <see cref="RestoreSteps"/>' order: uninstalls the PorSetup products it
/// installed, puts the MSO key's values back, removes what the test claimed, each item on its own) and deletes the
/// journal when all of that succeeded, then checks the Partner value,
/// HKLM\SOFTWARE\PorSetup, the products and the custom action's temporary files against the state it read at
/// Create, and cleans up what is left as far as it can, so that the next test starts clean. Every failure and
/// difference fails the test, named. Written to the documentation; never run where this project is built.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class LocalMachine : TestMachine
{
    private static readonly SemaphoreSlim OneTestAtATime = new(1, 1);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private readonly LocalRegistry registry = new();
    private readonly LocalRestorableMachine restorable;
    private readonly LocalMachineState before;
    private LocalJournal journal;
    private bool disposed;

    private LocalMachine()
    {
        this.Root = TestWorkspace.NewFolder("local");
        Directory.CreateDirectory(Path.Combine(this.Root, "tmp"));
        this.restorable = new LocalRestorableMachine(this.Uninstall);
        this.before = LocalMachineState.Read(this, this.registry);
        this.journal = LocalJournal.Begin(
            this.before.Products,
            [.. this.before.MsoValues.Select(view => new JournalView(
                view.Key,
                [.. view.Value.Select(v => JournalValue.From(v.Name, v.Kind.ToString(), v.Value))],
                this.before.MsoKeysThatExisted[view.Key],
                this.registry.KeyExists(MachineRegistry.PorSetupKey, view.Key)))]);
        LocalJournalFile.Write(LocalJournalFile.DefaultPath, this.journal);
    }

    public override bool IsWine => false;

    public override MachineRegistry Registry => this.registry;

    public override string Root { get; }

    /// <summary>This machine, once the test before has given it back; tests and Windows Setup use C:\Windows paths.</summary>
    public static new LocalMachine Create()
    {
        var windows = Environment.GetFolderPath(Environment.SpecialFolder.Windows);
        if (!string.Equals(windows, @"C:\Windows", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The end-to-end tests use C:\\Windows paths, as Windows Setup does; this machine's Windows folder is {windows}.");
        }

        OneTestAtATime.Wait();
        try
        {
            if (RestoreInterruptedRun() is { } refusal)
            {
                throw new InvalidOperationException(refusal);
            }

            return new LocalMachine();
        }
        catch
        {
            OneTestAtATime.Release();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> while no test of this process holds the machine: for a test of the machine itself
    /// (another test host's interrupted run), which must not take it.
    /// </summary>
    public static void WhileNoTestRuns(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        OneTestAtATime.Wait();
        try
        {
            action();
        }
        finally
        {
            OneTestAtATime.Release();
        }
    }

    /// <summary>
    /// Elevated: the process's token is in Administrators. Under UAC an administrator's unelevated token has that
    /// group for deny only, so IsInRole answers false until the process runs elevated, which per-machine installs need.
    /// </summary>
    public static bool IsElevated()
    {
        using var identity = WindowsIdentity.GetCurrent();
        return new WindowsPrincipal(identity).IsInRole(WindowsBuiltInRole.Administrator);
    }

    /// <summary>
    /// What PorSetup or its tests own on this machine now: products with its UpgradeCode, its own registry key, and
    /// what the tests create (<see cref="LocalLeftovers"/>: the OEM scripts, the installer logging policy, PorSetup's folders).
    /// </summary>
    public static IReadOnlyList<string> WhatPorSetupOwnsHere()
    {
        var registry = new LocalRegistry();
        return
        [
            .. RelatedProducts().Select(code => $"installed product {code} (PorSetup's UpgradeCode {InstalledProducts.UpgradeCode}: msiexec /x {code})"),
            .. new[] { RegistryView.Registry64, RegistryView.Registry32 }
                .Where(view => registry.KeyExists(MachineRegistry.PorSetupKey, view))
                .Select(view => $"{MachineRegistry.PorSetupKey} ({(view == RegistryView.Registry64 ? "64" : "32")}-bit view)"),
            .. LocalLeftovers.Find(path => File.Exists(path) || Directory.Exists(path), (key, name) => registry.Get(key, name) is not null),
        ];
    }

    /// <summary>
    /// Puts back what the journal of an interrupted run (<see cref="LocalJournalFile.DefaultPath"/>) says, and
    /// deletes it: null when there was none or the machine is back; else why the local machine must not be used
    /// (the journal then stays). Run before the pre-run check and before every test; the restore command runs it too.
    /// </summary>
    public static string? RestoreInterruptedRun()
    {
        var path = LocalJournalFile.DefaultPath;
        LocalJournal? journal;
        try
        {
            journal = LocalJournalFile.Read(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return $"The journal of an interrupted test run cannot be read ({e.Message}): the machine may still hold that run's changes. Put back what it lists by hand, then delete {path}.";
        }

        if (journal is null)
        {
            return null;
        }

        if (journal.ProcessId != Environment.ProcessId && IsRunningSince(journal.ProcessId, journal.Started))
        {
            return $"{path} belongs to a test run still running (process {journal.ProcessId}, since {journal.Started:u}): one run at a time on this machine.";
        }

        var problems = JournalRestore.Recover(journal, new LocalRestorableMachine(LocalRestorableMachine.MsiexecUninstall), JournalLimits.Windows);
        if (problems.Count > 0)
        {
            return $"The journal of an interrupted test run ({path}, process {journal.ProcessId}, {journal.Started:u}) could not be restored, so the machine may still hold its changes. Fix what is named, then run the restore command (docs/wine-and-windows.md):\n  {string.Join("\n  ", problems)}";
        }

        LocalJournalFile.Delete(path);
        return null;
    }

    public override string WindowsPath(string hostPath) => Path.GetFullPath(hostPath);

    public override string HostPath(string windowsPath) => windowsPath;

    public override string Claim(string windowsPath)
    {
        var path = Path.GetFullPath(windowsPath);
        JournalLimits.Windows.CheckClaim(path);
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new InvalidOperationException($"{path} already exists on this machine, and the test would change or remove it: move it away, or run the tests on a throw-away machine.");
        }

        var ancestor = Path.GetDirectoryName(path)!;
        while (!Directory.Exists(ancestor))
        {
            ancestor = Path.GetDirectoryName(ancestor)!;
        }

        this.Record(this.journal.With(new JournalPathClaim(path, ancestor, Existed: false, Bytes: null)));
        return path;
    }

    public override void ClaimRegistryValue(string key, string name)
    {
        JournalLimits.Windows.CheckClaim(key, name);
        if (this.registry.Get(key, name) is not null)
        {
            throw new InvalidOperationException($"{key}\\{name} already exists on this machine, and the test would change or remove it: remove it, or run the tests on a throw-away machine.");
        }

        var existing = key;
        while (!this.registry.KeyExists(existing))
        {
            existing = existing[..existing.LastIndexOf('\\')];
        }

        this.Record(this.journal.With(new JournalRegistryClaim(key, name, existing, Before: null)));
    }

    /// <summary>cmd.exe /d (no AutoRun commands), the script's folder its working folder; Windows' own exit codes.</summary>
    protected override ToolResult RunBatchFile(string file, IReadOnlyDictionary<string, string> variables)
    {
        var environment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return Tool.Run("cmd.exe", ["/d", "/c", file], environment, Path.Combine(this.Root, "tmp"), CommandTimeout);
    }

    public override ToolResult RunProgram(string program, params string[] arguments) =>
        Tool.Run(program, arguments, timeout: CommandTimeout);

    public override IReadOnlyList<string> RunningProcesses()
    {
        var processes = Process.GetProcesses();
        try
        {
            return [.. processes.Select(p => p.ProcessName)];
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Dispose();
            }
        }
    }

    public override IReadOnlyList<string> PorSetupProductCodes() => RelatedProducts();

    /// <summary>
    /// What an install could change, not all of HKLM and C: (which Windows itself changes all the time): the MSO and
    /// PorSetup keys, the Uninstall entries, Windows Installer's registration of PorSetup's UpgradeCode, the entries
    /// of %WINDIR%\Installer (its cached packages, the worker's folders) and, of %TEMP%, only what the custom action
    /// leaves there (<see cref="ProxyTemporaryFiles.IsProxysOwn"/>): other tests running in parallel and other
    /// programs change %TEMP% as they please. An msi*.tmp of another installer's in %WINDIR%\Installer is not counted.
    /// </summary>
    public override MachineSnapshot TakeSnapshot()
    {
        var views = new[] { RegistryView.Registry64, RegistryView.Registry32 };
        var keys = new[]
        {
            MachineRegistry.MsoKey,
            MachineRegistry.PorSetupKey,
            InstalledProducts.UninstallKey,
            $@"HKLM\SOFTWARE\Classes\Installer\UpgradeCodes\{PackedGuid(InstalledProducts.UpgradeCode)}",
        };
        var registryLines = keys.SelectMany(key => views.SelectMany(view => LocalRegistry.Lines(key, view))).ToHashSet();
        var proxies = ProxyTemporaryFiles.KnownProxies();
        var files = Directory.EnumerateFileSystemEntries(Path.GetTempPath())
            .Where(entry => ProxyTemporaryFiles.IsProxysOwn(entry, proxies))
            .Concat(Directory.EnumerateFileSystemEntries(InstallerFolder)
                .Where(entry => !ProxyTemporaryFiles.IsInstallerTemporaryFileName(Path.GetFileName(entry)) || ProxyTemporaryFiles.IsProxysOwn(entry, proxies)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new MachineSnapshot(registryLines, files);
    }

    /// <summary>Those new since the test began that the custom action left: another program's msi*.tmp is not the test's.</summary>
    public override IReadOnlyList<string> CustomActionTemporaryFiles()
    {
        var proxies = ProxyTemporaryFiles.KnownProxies();
        return [.. TemporaryFilesNow().Except(this.before.TemporaryFiles, StringComparer.OrdinalIgnoreCase).Where(entry => ProxyTemporaryFiles.IsProxysOwn(entry, proxies))];
    }

    /// <summary>
    /// The worker's folders (named exactly as the proxy names them) and every msi*.tmp file in %TEMP% and
    /// %WINDIR%\Installer: a new msi*.tmp is reported, whoever made it, but only the proxy's copies are deleted.
    /// </summary>
    public static IReadOnlySet<string> TemporaryFilesNow() =>
        new[] { Path.GetTempPath(), InstallerFolder }
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder).Where(file => ProxyTemporaryFiles.IsInstallerTemporaryFileName(Path.GetFileName(file)))
                .Concat(Directory.EnumerateDirectories(folder).Where(directory => ProxyTemporaryFiles.IsWorkerFolderName(Path.GetFileName(directory)))))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    protected override void Dispose(bool disposing)
    {
        if (this.disposed || !disposing)
        {
            return;
        }

        this.disposed = true;
        var problems = new List<string>();
        try
        {
            var restore = RestoreSteps.Run(step => JournalRestore.Items(this.journal, this.restorable, step));
            problems.AddRange(restore);
            if (restore.Count == 0)
            {
                RestoreSteps.Attempt(problems, "deleting the journal", () => LocalJournalFile.Delete(LocalJournalFile.DefaultPath));
            }
            else
            {
                problems.Add($"the journal stays at {LocalJournalFile.DefaultPath}: the next test (or run, or the restore command) puts it back first, and refuses to run while it cannot");
            }

            RestoreSteps.Attempt(problems, "checking the machine against its state before the test", () =>
                problems.AddRange(LocalMachineState.Read(this, this.registry).DifferencesFrom(this.before)));
            this.CleanUp(problems);
        }
        finally
        {
            try
            {
                Directory.Delete(this.Root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file still open (an msiexec log); the next run removes this run's folder.
            }

            OneTestAtATime.Release();
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"The test left this machine otherwise than it found it (cleaned up as far as possible; if the test failed as well, that failure is hidden by this one: see its msiexec logs):\n  {string.Join("\n  ", problems)}");
        }
    }

    private void Uninstall(string product)
    {
        var result = new PackageInstaller(this, product).Run("/x");
        if (result.ExitCode is not ((int)MsiExecReturnCode.SUCCESS or (int)MsiExecReturnCode.ERROR_SUCCESS_REBOOT_REQUIRED))
        {
            throw new InvalidOperationException($"msiexec /x {product} returned {result.ExitCode}");
        }
    }

    // Always, after the check, whatever the restore managed: PorSetup's key goes (if it was not there when the test
    // began), the custom action's new folders and msi*.tmp copies go (not other programs' files, which are only
    // reported), and the MSO key is set back once more. Each item on its own, so one file in use stops nothing.
    private void CleanUp(List<string> problems)
    {
        if (this.before.PorSetupKey.Count == 0)
        {
            foreach (var view in new[] { RegistryView.Registry64, RegistryView.Registry32 })
            {
                RestoreSteps.Attempt(problems, $"clean-up: removing {MachineRegistry.PorSetupKey} ({view})", () => LocalRegistry.DeleteTree(MachineRegistry.PorSetupKey, view));
            }
        }

        IReadOnlyList<string> added = [];
        IReadOnlyList<string> proxies = [];
        RestoreSteps.Attempt(problems, "clean-up: listing the temporary files", () =>
        {
            added = [.. TemporaryFilesNow().Except(this.before.TemporaryFiles, StringComparer.OrdinalIgnoreCase)];
            proxies = ProxyTemporaryFiles.KnownProxies();
        });
        foreach (var entry in added)
        {
            if (!ProxyTemporaryFiles.IsProxysOwn(entry, proxies))
            {
                problems.Add($"clean-up: {entry} not deleted: not known to be a copy of a proxy DLL of this run (another installer's, or unreadable)");
            }
            else if (Directory.Exists(entry))
            {
                RestoreSteps.Attempt(problems, $"clean-up: removing {entry}", () => Directory.Delete(entry, recursive: true));
            }
            else
            {
                RestoreSteps.Attempt(problems, $"clean-up: removing {entry}", () => File.Delete(entry));
            }
        }

        foreach (var (what, undo) in JournalRestore.Items(this.journal, this.restorable, RestoreStep.RestoreMsoKey))
        {
            RestoreSteps.Attempt(problems, $"clean-up: {what}", undo);
        }
    }

    private static string InstallerFolder => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Windows), "Installer");

    // Written before the change it announces: a claim is on disk before the test creates what it claims.
    private void Record(LocalJournal next)
    {
        LocalJournalFile.Write(LocalJournalFile.DefaultPath, next);
        this.journal = next;
    }

    private static bool IsRunningSince(int processId, DateTimeOffset started)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited && process.StartTime.ToUniversalTime() <= started.UtcDateTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception)
        {
            return false;
        }
    }

    internal static List<string> RelatedProducts()
    {
        var codes = new List<string>();
        var buffer = new char[NativeMethods.GuidLength];
        for (uint index = 0; ; index++)
        {
            var error = NativeMethods.MsiEnumRelatedProducts(InstalledProducts.UpgradeCode, 0, index, buffer);
            if (error == NativeMethods.ErrorNoMoreItems)
            {
                return codes;
            }

            if (error != NativeMethods.ErrorSuccess)
            {
                throw new Win32Exception(unchecked((int)error), $"MsiEnumRelatedProducts({InstalledProducts.UpgradeCode}) failed");
            }

            codes.Add(new string(buffer, 0, Array.IndexOf(buffer, '\0') is var end and >= 0 ? end : buffer.Length));
        }
    }

    // Windows Installer's packed form of a GUID, as its registration keys are named: each of the first three groups
    // reversed, then each byte's two hexadecimal digits swapped.
    private static string PackedGuid(string guid)
    {
        var hex = guid.Trim('{', '}').Replace("-", string.Empty, StringComparison.Ordinal);
        var packed = new string(hex[..8].Reverse().ToArray()) + new string(hex[8..12].Reverse().ToArray()) + new string(hex[12..16].Reverse().ToArray());
        for (var i = 16; i < 32; i += 2)
        {
            packed += $"{hex[i + 1]}{hex[i]}";
        }

        return packed;
    }
}
