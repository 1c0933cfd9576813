// Copyright (c) PorSetup contributors. MIT licensed.

using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.Versioning;
using System.Security.Principal;
using PorSetup.Build;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// This Windows machine, for real (PORSETUP_TEST_MACHINE=local): msiexec.exe and cmd.exe run as processes of their
/// own, with real exit codes; the registry is read and written through the registry API in the 64-bit view (or the
/// 32-bit one when asked); the installed PorSetup products are Windows Installer's own answer
/// (MsiEnumRelatedProducts with PorSetup's UpgradeCode, not the Add/Remove Programs entries, which a package can
/// hide). Tests run one at a time: a machine is held from Create to Dispose. Dispose puts the machine back as the
/// test found it (removes what the test claimed, uninstalls the PorSetup products it installed, puts the MSO key's
/// values back), then checks the Partner value, HKLM\SOFTWARE\PorSetup, the products and the temporary folders
/// against the state it read at Create. Whatever differs fails the test, named, and is cleaned up as far as it can
/// be, so that the next test starts clean. Written to the documentation; never run where this project is built.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class LocalMachine : TestMachine
{
    private static readonly SemaphoreSlim OneTestAtATime = new(1, 1);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private readonly LocalRegistry registry = new();
    private readonly List<(string Path, string ExistingAncestor)> claimedPaths = [];
    private readonly List<(string Key, string Name, string ExistingKey)> claimedValues = [];
    private readonly LocalMachineState before;
    private bool disposed;

    private LocalMachine()
    {
        this.Root = TestWorkspace.NewFolder("local");
        Directory.CreateDirectory(Path.Combine(this.Root, "tmp"));
        this.before = LocalMachineState.Read(this, this.registry);
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
            return new LocalMachine();
        }
        catch
        {
            OneTestAtATime.Release();
            throw;
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

    /// <summary>What PorSetup owns on this machine now: products with its UpgradeCode, and its own registry key.</summary>
    public static IReadOnlyList<string> WhatPorSetupOwnsHere()
    {
        var registry = new LocalRegistry();
        return
        [
            .. RelatedProducts().Select(code => $"installed product {code} (PorSetup's UpgradeCode {InstalledProducts.UpgradeCode}: msiexec /x {code})"),
            .. new[] { RegistryView.Registry64, RegistryView.Registry32 }
                .Where(view => registry.KeyExists(MachineRegistry.PorSetupKey, view))
                .Select(view => $"{MachineRegistry.PorSetupKey} ({(view == RegistryView.Registry64 ? "64" : "32")}-bit view)"),
        ];
    }

    public override string WindowsPath(string hostPath) => Path.GetFullPath(hostPath);

    public override string HostPath(string windowsPath) => windowsPath;

    public override string Claim(string windowsPath)
    {
        var path = Path.GetFullPath(windowsPath);
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new InvalidOperationException($"{path} already exists on this machine, and the test would change or remove it: move it away, or run the tests on a throw-away machine.");
        }

        var ancestor = Path.GetDirectoryName(path)!;
        while (!Directory.Exists(ancestor))
        {
            ancestor = Path.GetDirectoryName(ancestor)!;
        }

        this.claimedPaths.Add((path, ancestor));
        return path;
    }

    public override void ClaimRegistryValue(string key, string name)
    {
        if (this.registry.Get(key, name) is not null)
        {
            throw new InvalidOperationException($"{key}\\{name} already exists on this machine, and the test would change or remove it: remove it, or run the tests on a throw-away machine.");
        }

        var existing = key;
        while (!this.registry.KeyExists(existing))
        {
            existing = existing[..existing.LastIndexOf('\\')];
        }

        this.claimedValues.Add((key, name, existing));
    }

    /// <summary>cmd.exe /d (no AutoRun commands), the script's folder its working folder; Windows' own exit codes.</summary>
    public override (int ExitCode, string Output) RunBatch(string script, IReadOnlyDictionary<string, string>? variables = null)
    {
        var file = Path.Combine(this.Root, "tmp", $"run-{Guid.NewGuid():N}.cmd");
        File.WriteAllText(file, BatchScript.Text(script));
        var environment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var result = Tool.Run("cmd.exe", ["/d", "/c", file], environment, Path.Combine(this.Root, "tmp"), CommandTimeout);
        File.Delete(file);
        return (BatchScript.ExitCode(script, result.StandardOutput, result.StandardError), result.StandardOutput);
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
    /// PorSetup keys, the Uninstall entries, Windows Installer's registration of PorSetup's UpgradeCode, and the
    /// entries of %TEMP% and %WINDIR%\Installer (its cached packages and the worker's folders).
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
        var files = Directory.EnumerateFileSystemEntries(Path.GetTempPath())
            .Where(entry => !IsTestWorkspace(entry))
            .Concat(Directory.EnumerateFileSystemEntries(InstallerFolder))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new MachineSnapshot(registryLines, files);
    }

    /// <summary>Those new since the test began: another program's msi*.tmp of before is not the test's.</summary>
    public override IReadOnlyList<string> CustomActionTemporaryFiles() =>
        [.. TemporaryFilesNow().Except(this.before.TemporaryFiles, StringComparer.OrdinalIgnoreCase)];

    /// <summary>msi*.tmp files and PorSetup-* folders in %TEMP% and %WINDIR%\Installer (not this run's own workspace).</summary>
    public static IReadOnlySet<string> TemporaryFilesNow() =>
        new[] { Path.GetTempPath(), InstallerFolder }
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "msi*.tmp").Concat(Directory.EnumerateDirectories(folder, "PorSetup-*")))
            .Where(entry => !IsTestWorkspace(entry))
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
            this.Restore(problems);
            var after = LocalMachineState.Read(this, this.registry);
            var left = after.DifferencesFrom(this.before);
            if (left.Count > 0)
            {
                problems.AddRange(left);
                this.CleanUp(after);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or Win32Exception or TimeoutException)
        {
            problems.Add($"restoring the machine failed: {e}");
        }
        finally
        {
            try
            {
                Directory.Delete(this.Root, recursive: true);
            }
            catch (IOException)
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

    // What every test does to the machine, undone: its claimed files and values, the PorSetup products it installed
    // (with msiexec /x, which also puts back the Partner value PorSetup found), then the MSO key's values.
    private void Restore(List<string> problems)
    {
        foreach (var (path, ancestor) in this.claimedPaths)
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }

            for (var folder = Path.GetDirectoryName(path)!; folder.Length > ancestor.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder)!)
            {
                Directory.Delete(folder);
            }
        }

        foreach (var (key, name, existingKey) in this.claimedValues)
        {
            this.registry.Delete(key, name);
            for (var created = key; created.Length > existingKey.Length && LocalRegistry.DeleteIfEmpty(created, RegistryView.Registry64); created = created[..created.LastIndexOf('\\')])
            {
            }
        }

        foreach (var product in this.PorSetupProductCodes().Except(this.before.Products, StringComparer.OrdinalIgnoreCase))
        {
            var result = new PackageInstaller(this, product).Run("/x");
            if (result.ExitCode is not ((int)MsiExecReturnCode.SUCCESS or (int)MsiExecReturnCode.ERROR_SUCCESS_REBOOT_REQUIRED))
            {
                problems.Add($"msiexec /x {product} returned {result.ExitCode}");
            }
        }

        this.before.RestoreMsoKey(this.registry);
    }

    // What the restore did not put back: PorSetup's key goes (it was not there when the run began), new temporary
    // files go, and the MSO key is set back once more. A product that msiexec /x could not remove stays, named.
    private void CleanUp(LocalMachineState after)
    {
        if (this.before.PorSetupKey.Count == 0)
        {
            LocalRegistry.DeleteTree(MachineRegistry.PorSetupKey, RegistryView.Registry64);
            LocalRegistry.DeleteTree(MachineRegistry.PorSetupKey, RegistryView.Registry32);
        }

        foreach (var entry in after.TemporaryFiles.Except(this.before.TemporaryFiles, StringComparer.OrdinalIgnoreCase))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        this.before.RestoreMsoKey(this.registry);
    }

    private static string InstallerFolder => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Windows), "Installer");

    private static bool IsTestWorkspace(string entry) =>
        Path.GetFileName(entry.TrimEnd(Path.DirectorySeparatorChar)).StartsWith(TestWorkspace.FolderPrefix, StringComparison.OrdinalIgnoreCase);

    private static List<string> RelatedProducts()
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
