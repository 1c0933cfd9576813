// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// The local machine's journal on disk (<see cref="LocalJournalFile"/>): what is written is read back exactly (each
/// kind of registry value with its data), the write replaces the journal in one rename, and a file that is not a
/// journal is refused, naming it. Pure code: run on every platform.
/// </summary>
public sealed class LocalJournalTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("porsetup-journal-").FullName;

    private string JournalPath => Path.Combine(this.folder, "PorSetup.Tests", "journal.json");

    public static TheoryData<JournalValue> Values =>
    [
        JournalValue.From("Partner", "String", "1234567"),
        JournalValue.From("Partner", "String", string.Empty),
        JournalValue.From("Partner", "String", "#12 345 Contoso [~] \"quoted\" é"),
        JournalValue.From("Partner", "ExpandString", @"%SystemRoot%\x"),
        JournalValue.From("Partner", "MultiString", new[] { "a", string.Empty, "b|c" }),
        JournalValue.From("Partner", "DWord", unchecked((int)0xFFFFFFFE)),
        JournalValue.From("Partner", "QWord", long.MinValue),
        JournalValue.From("Partner", "Binary", new byte[] { 0, 1, 0xFE, 0xFF }),
        JournalValue.From("Partner", "None", Array.Empty<byte>()),
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void EachKindOfValue_IsReadBackWithItsKindAndData(JournalValue value)
    {
        var journal = LocalJournal.Begin(["{11111111-2222-3333-4444-555555555555}"], [new JournalView(RegistryView.Registry64, [value], [.. JournalRestore.MsoChain], PorSetupKeyExisted: false)])
            .With(new JournalRegistryClaim(JournalLimits.InstallerPolicyKey, "Logging", @"HKLM\SOFTWARE\Policies\Microsoft\Windows", value));

        LocalJournalFile.Write(this.JournalPath, journal);
        var read = LocalJournalFile.Read(this.JournalPath)!;

        Assert.Equal(value.Describe(), Assert.Single(Assert.Single(read.Views).MsoValues).Describe());
        Assert.Equal(value.Describe(), Assert.Single(read.RegistryClaims).Before!.Describe());
        Assert.Equal(value.ToRegistry().Value.GetType(), Assert.Single(read.Views[0].MsoValues).ToRegistry().Value.GetType());
        Assert.Equal(journal.ProductsBefore, read.ProductsBefore);
        Assert.Equal((journal.ProcessId, journal.Started), (read.ProcessId, read.Started));
    }

    [Fact]
    public void AClaimedFile_IsReadBackWithItsBytes_AndAnAbsentValueAsAbsent()
    {
        var journal = LocalJournal.Begin([], [])
            .With(new JournalPathClaim(@"C:\Windows\Setup\Scripts\SetupComplete.cmd", @"C:\Windows\Setup", Existed: true, Bytes: [0x40, 0x0D, 0x0A, 0]))
            .With(new JournalPathClaim(@"C:\long", @"C:\", Existed: false, Bytes: null))
            .With(new JournalRegistryClaim(JournalLimits.InstallerPolicyKey, "Logging", JournalLimits.InstallerPolicyKey, Before: null));

        LocalJournalFile.Write(this.JournalPath, journal);
        var read = LocalJournalFile.Read(this.JournalPath)!;

        Assert.Equal([0x40, 0x0D, 0x0A, 0], read.PathClaims[0].Bytes);
        Assert.Equal(journal.PathClaims[1], read.PathClaims[1]);
        Assert.Equal(journal.RegistryClaims, read.RegistryClaims);
    }

    // The write goes to journal.json.tmp and is renamed over journal.json: what a killed write leaves (a partial
    // .tmp) is not the journal, and the journal before it is still whole.
    [Fact]
    public void AWriteReplacesTheJournalWhole_AndAnInterruptedWriteLeavesThePreviousOne()
    {
        var first = LocalJournal.Begin(["{1}"], []);
        var second = first.With(new JournalPathClaim(@"C:\long", @"C:\", Existed: false, Bytes: null));
        LocalJournalFile.Write(this.JournalPath, first);

        File.WriteAllText(this.JournalPath + ".tmp", "{\"format\": 1, \"productsBe");
        Assert.Empty(LocalJournalFile.Read(this.JournalPath)!.PathClaims);

        LocalJournalFile.Write(this.JournalPath, second);
        Assert.Single(LocalJournalFile.Read(this.JournalPath)!.PathClaims);
        Assert.False(File.Exists(this.JournalPath + ".tmp"));
    }

    [Fact]
    public void NoJournal_IsNull_AndAFileThatIsNotOne_IsRefusedNamingIt()
    {
        Assert.Null(LocalJournalFile.Read(this.JournalPath));

        Directory.CreateDirectory(Path.GetDirectoryName(this.JournalPath)!);
        File.WriteAllText(this.JournalPath, "{\"format\": 1, \"productsBe");
        Assert.Contains(this.JournalPath, Assert.Throws<InvalidDataException>(() => LocalJournalFile.Read(this.JournalPath)).Message, StringComparison.Ordinal);

        File.WriteAllText(this.JournalPath, "{\"format\": 2, \"productsBefore\": [], \"views\": [], \"registryClaims\": [], \"pathClaims\": []}");
        Assert.Contains("format 1", Assert.Throws<InvalidDataException>(() => LocalJournalFile.Read(this.JournalPath)).Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(this.folder, recursive: true);
}
