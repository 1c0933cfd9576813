// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// An interrupted local run, played in memory and in a temporary folder: the journal is written as the local machine
/// writes it, the "test" changes the machine, the process's state is dropped (only the file on disk remains), and
/// <see cref="JournalRestore.Recover"/> with the journal read back must give the machine back exactly as it was.
/// </summary>
public sealed class JournalRestoreTests : IDisposable
{
    private const string Product = "{0A1B2C3D-0000-4000-8000-00000000000A}";
    private const string OtherProduct = "{0A1B2C3D-0000-4000-8000-00000000000B}";

    private readonly string root = Directory.CreateTempSubdirectory("porsetup-restore-").FullName;
    private readonly FakeRestorableMachine machine = new();

    private string JournalPath => Path.Combine(this.root, "ProgramData", "journal.json");

    private string Scripts => Path.Combine(this.root, "Windows", "Setup", "Scripts");

    private string Logs => Path.Combine(this.root, "Windows", "Logs");

    private JournalLimits Limits => new([this.Scripts, this.Logs], [JournalLimits.InstallerPolicyKey]);

    [Fact]
    public void AnInterruptedRun_IsPutBackFromItsJournalAlone()
    {
        // A server with its real partner's ID (and a DWORD beside it in the 32-bit view), an OEM script of its own,
        // and no PorSetup.
        this.machine.SetValue(MachineRegistry.MsoKey, JournalValue.From("Partner", "String", "7654321"), RegistryView.Registry64);
        this.machine.SetValue(MachineRegistry.MsoKey, JournalValue.From("Other", "DWord", 5), RegistryView.Registry32);
        this.machine.SetValue(@"HKLM\SOFTWARE\Policies\Microsoft\Windows\Other", JournalValue.From("Kept", "String", "x"), RegistryView.Registry64);
        Directory.CreateDirectory(this.Scripts);
        var ownScript = Path.Combine(this.Scripts, "SetupComplete.cmd");
        File.WriteAllBytes(ownScript, [0x40, 0x65, 0x63, 0x68, 0x6F, 0x0D, 0x0A]);
        var before = this.machine.SortedState;

        this.RunATestThatIsInterrupted(ownScript);

        var journal = LocalJournalFile.Read(this.JournalPath)!;
        var problems = JournalRestore.Recover(journal, this.machine, this.Limits);

        Assert.Empty(problems);
        Assert.Equal(before, this.machine.SortedState);
        Assert.Equal([0x40, 0x65, 0x63, 0x68, 0x6F, 0x0D, 0x0A], File.ReadAllBytes(ownScript));
        Assert.Equal(["SetupComplete.cmd"], Directory.EnumerateFileSystemEntries(this.Scripts).Select(Path.GetFileName));
        Assert.False(Directory.Exists(this.Logs));
    }

    [Fact]
    public void OnACleanServer_TheKeysAndFoldersTheTestMade_AreGoneToo()
    {
        var before = this.machine.SortedState;

        this.RunATestThatIsInterrupted(ownScript: null);
        var problems = JournalRestore.Recover(LocalJournalFile.Read(this.JournalPath)!, this.machine, this.Limits);

        Assert.Empty(problems);
        Assert.Equal(before, this.machine.SortedState);
        Assert.DoesNotContain(before, line => line.Contains("MSO", StringComparison.Ordinal) || line.Contains("PorSetup", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(this.root, "Windows")));
    }

    // One failure stops nothing: the product that cannot be uninstalled is named, and the rest is put back.
    [Fact]
    public void AnUninstallThatFails_IsNamed_AndTheRestIsStillPutBack()
    {
        this.machine.SetValue(MachineRegistry.MsoKey, JournalValue.From("Partner", "String", "7654321"), RegistryView.Registry64);
        this.RunATestThatIsInterrupted(ownScript: null);
        this.machine.FailingUninstalls.Add(Product);

        var problems = JournalRestore.Recover(LocalJournalFile.Read(this.JournalPath)!, this.machine, this.Limits);

        Assert.Contains(problems, p => p.StartsWith($"UninstallProducts: msiexec /x {Product} failed", StringComparison.Ordinal));
        Assert.Equal("7654321", this.machine.GetValue(MachineRegistry.MsoKey, "Partner", RegistryView.Registry64)?.Text);
        Assert.Null(this.machine.GetValue(JournalLimits.InstallerPolicyKey, "Logging", RegistryView.Registry64));
        Assert.False(Directory.Exists(this.Logs));
    }

    // The restore runs elevated: a journal that names what no test claims (written by hand, or by someone else) is
    // not restored at all.
    [Fact]
    public void AJournalNamingWhatNoTestClaims_IsRefusedWhole_AndTouchesNothing()
    {
        var elsewhere = Path.Combine(this.root, "Windows", "System32", "important.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(elsewhere)!);
        File.WriteAllText(elsewhere, "keep");
        this.machine.Products.Add(Product);
        var journal = LocalJournal.Begin([], [])
            .With(new JournalPathClaim(elsewhere, this.root, Existed: false, Bytes: null))
            .With(new JournalPathClaim(Path.Combine(this.Logs, "..", "System32"), this.root, Existed: false, Bytes: null))
            .With(new JournalRegistryClaim(@"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Run", "x", @"HKLM\SOFTWARE", Before: null));

        var problems = JournalRestore.Recover(journal, this.machine, this.Limits);

        Assert.All(problems, p => Assert.StartsWith("not restored: ", p, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(elsewhere, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("System32 is not in a folder", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(@"CurrentVersion\Run\x is not a value a test claims", StringComparison.Ordinal));
        Assert.True(File.Exists(elsewhere));
        Assert.Equal([Product], this.machine.Products);
    }

    [Theory]
    [InlineData(@"C:\long", @"C:\long", true)]
    [InlineData(@"C:\long\x\y.txt", @"C:\long", true)]
    [InlineData(@"c:\LONG\x", @"C:\long", true)]
    [InlineData(@"C:\longer", @"C:\long", false)]
    [InlineData(@"C:\long\..\Windows", @"C:\long", false)]
    [InlineData(@"C:\", @"C:\long", false)]
    public void APathIsClaimable_OnlyAtOrBelowAFolderOfTheLimits(string path, string folder, bool allowed)
    {
        Assert.Equal(allowed, JournalLimits.IsAtOrBelow(path, folder));
    }

    // Every test machine checks a claim so (Wine's too): a test that claims elsewhere fails under Wine already.
    [Theory]
    [InlineData(@"C:\Windows\Setup\Scripts\PostIC.cmd", true)]
    [InlineData(@"C:\Windows\Logs\PorSetup.log", true)]
    [InlineData(@"C:\long", true)]
    [InlineData(@"C:\Windows\System32\drivers\etc\hosts", false)]
    [InlineData(@"C:\Windows\Setup\ScriptsOld\PostIC.cmd", false)]
    public void AClaimOutsideTheLimits_IsRefused_NamingIt(string path, bool allowed)
    {
        var refusal = Record.Exception(() => JournalLimits.Windows.CheckClaim(path));

        Assert.Equal(allowed, refusal is null);
        Assert.True(allowed || refusal!.Message.StartsWith(path, StringComparison.Ordinal), refusal?.Message);
        Assert.Null(Record.Exception(() => JournalLimits.Windows.CheckClaim(JournalLimits.InstallerPolicyKey, "Logging")));
        Assert.NotNull(Record.Exception(() => JournalLimits.Windows.CheckClaim(MachineRegistry.MsoKey, "Partner")));
    }

    [Fact]
    public void ThePreRunCheck_NamesWhatTheTestsLeave()
    {
        var present = new HashSet<string> { @"C:\Windows\Setup\Scripts\PostIC.cmd", @"C:\long" };

        var found = LocalLeftovers.Find(present.Contains, (key, name) => key == JournalLimits.InstallerPolicyKey && name == "Logging");

        Assert.Equal(
            [
                @"C:\Windows\Setup\Scripts\PostIC.cmd (an OEM script Windows Server Essentials runs, which the tests write)",
                @"C:\long (the long-path folder FaultTests makes)",
                @"HKLM\SOFTWARE\Policies\Microsoft\Windows\Installer\Logging (the machine-wide installer logging policy, which the tests set)",
            ],
            found);
        Assert.Empty(LocalLeftovers.Find(_ => false, (_, _) => false));
        Assert.All(LocalLeftovers.Paths, p => Assert.True(JournalLimits.Windows.AllowsPath(p.Path), p.Path));
        Assert.True(JournalLimits.Windows.AllowsKey(LocalLeftovers.LoggingPolicy.Key));
    }

    public void Dispose() => Directory.Delete(this.root, recursive: true);

    // What LocalMachine does, in its order: the journal on disk before each change, then the change; then the
    // process "dies": nothing of it but the file is used afterwards.
    private void RunATestThatIsInterrupted(string? ownScript)
    {
        var journal = this.machine.BeginJournal();
        LocalJournalFile.Write(this.JournalPath, journal);

        // PorSetup installed with a test ID; an older test product left from before is not the journal's to remove.
        this.machine.Products.Add(Product);
        this.machine.SetValue(MachineRegistry.MsoKey, JournalValue.From("Partner", "String", "1234567"), RegistryView.Registry64);
        this.machine.SetValue(MachineRegistry.PorSetupKey, JournalValue.From("PreviousPartner", "String", "7654321"), RegistryView.Registry64);
        this.machine.SetValue(MachineRegistry.MsoKey, JournalValue.From("Added", "QWord", 1L), RegistryView.Registry32);
        this.machine.DeleteValue(MachineRegistry.MsoKey, "Other", RegistryView.Registry32);

        var existingKey = JournalLimits.InstallerPolicyKey;
        while (!this.machine.KeyExists(existingKey, RegistryView.Registry64))
        {
            existingKey = existingKey[..existingKey.LastIndexOf('\\')];
        }

        journal = journal.With(new JournalRegistryClaim(JournalLimits.InstallerPolicyKey, "Logging", existingKey, Before: null));
        LocalJournalFile.Write(this.JournalPath, journal);
        this.machine.SetValue(JournalLimits.InstallerPolicyKey, JournalValue.From("Logging", "String", "voicewarmupx"), RegistryView.Registry64);

        var logFolder = Path.Combine(this.Logs, "PorSetup");
        journal = journal.With(new JournalPathClaim(logFolder, Ancestor(logFolder), Existed: false, Bytes: null));
        if (ownScript is not null)
        {
            journal = journal.With(new JournalPathClaim(ownScript, this.Scripts, Existed: true, Bytes: File.ReadAllBytes(ownScript)));
        }

        var postIc = Path.Combine(this.Scripts, "PostIC.cmd");
        journal = journal.With(new JournalPathClaim(postIc, Ancestor(postIc), Existed: false, Bytes: null));
        LocalJournalFile.Write(this.JournalPath, journal);

        Directory.CreateDirectory(Path.Combine(logFolder, "sub"));
        File.WriteAllText(Path.Combine(logFolder, "sub", "PostIC.log"), "msiexec returned 0");
        Directory.CreateDirectory(this.Scripts);
        File.WriteAllText(postIc, "@call Install-PorSetup.cmd 1234567");
        if (ownScript is not null)
        {
            File.WriteAllText(ownScript, "replaced by the test");
        }
    }

    private static string Ancestor(string path)
    {
        var ancestor = Path.GetDirectoryName(path)!;
        while (!Directory.Exists(ancestor))
        {
            ancestor = Path.GetDirectoryName(ancestor)!;
        }

        return ancestor;
    }
}
