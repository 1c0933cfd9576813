// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using PorSetup.Testing;

namespace PorSetup.Build.Tests;

/// <summary>
/// The ICE rules that matter to this package, checked on the Linux MSI's tables (Windows' validation runs only
/// on the WiX build): the sequence tables hold WiX's standard actions at WiX's numbers, in-script actions sit
/// inside the script (ICE77), key paths and 64-bit components (ICE80) are sound, and the Media table is as empty
/// as WiX's (ICE71, suppressed in PorSetup.wixproj).
/// </summary>
public sealed class SequenceTableTests(BuiltPackage package) : IClassFixture<BuiltPackage>
{
    private const int InScript = 0x400;
    private const int RegistryKeyPath = 0x4;
    private const int SixtyFourBit = 0x100;

    private static readonly string[] OtherSequences = ["InstallUISequence", "AdminUISequence", "AdminExecuteSequence", "AdvtExecuteSequence"];

    /// <summary>
    /// What WiX 6.0.2 sequences for this package: SequenceActionsCommand's actions for every package, those of the
    /// symbols it has (Upgrade with MigrateFeatures, AppSearch, LaunchCondition, Registry), at the numbers of
    /// WindowsInstallerStandard, and RemoveExistingProducts right after InstallInitialize (MajorUpgrade's
    /// Schedule="afterInstallInitialize": SequenceActionsCommand gives an action scheduled after another that one's
    /// number plus one). Package.wxs suppresses AppSearch in InstallUISequence (a Suppress="yes" action has no row).
    /// </summary>
    public static TheoryData<string, string> StandardActions { get; } = new()
    {
        { "AdminExecuteSequence", "CostInitialize 800, FileCost 900, CostFinalize 1000, InstallValidate 1400, InstallInitialize 1500, InstallAdminPackage 3900, InstallFiles 4000, InstallFinalize 6600" },
        { "AdminUISequence", "CostInitialize 800, FileCost 900, CostFinalize 1000, ExecuteAction 1300" },
        { "AdvtExecuteSequence", "CostInitialize 800, CostFinalize 1000, InstallValidate 1400, InstallInitialize 1500, PublishFeatures 6300, PublishProduct 6400, InstallFinalize 6600" },
        { "InstallUISequence", "FindRelatedProducts 25, LaunchConditions 100, ValidateProductID 700, CostInitialize 800, FileCost 900, CostFinalize 1000, MigrateFeatureStates 1200, ExecuteAction 1300" },
        {
            "InstallExecuteSequence",
            "FindRelatedProducts 25, AppSearch 50, LaunchConditions 100, ValidateProductID 700, CostInitialize 800, FileCost 900, CostFinalize 1000, MigrateFeatureStates 1200, "
            + "InstallValidate 1400, InstallInitialize 1500, RemoveExistingProducts 1501, ProcessComponents 1600, UnpublishFeatures 1800, RemoveRegistryValues 2600, "
            + "WriteRegistryValues 5000, RegisterUser 6000, RegisterProduct 6100, PublishFeatures 6300, PublishProduct 6400, InstallFinalize 6600"
        },
    };

    [MsitoolsTheory]
    [MemberData(nameof(StandardActions))]
    public void StandardActions_AreWixsAtWixsNumbers(string table, string expected)
    {
        var customActions = package.Rows("CustomAction").Select(r => r[0]).ToHashSet(StringComparer.Ordinal);

        var standard = this.Sequence(table).Where(a => !customActions.Contains(a.Action)).OrderBy(a => a.Number).Select(a => $"{a.Action} {a.Number}");

        Assert.Equal(expected, string.Join(", ", standard));
    }

    // ICE77: an in-script (deferred, rollback, commit) action runs between InstallInitialize and InstallFinalize of
    // InstallExecuteSequence, and in no UI sequence.
    [MsitoolsFact]
    public void InScriptActions_AreInsideTheScript()
    {
        var inScript = package.Rows("CustomAction").Where(r => (Number(r[1]) & InScript) != 0).Select(r => r[0]).ToList();
        var execute = this.Sequence("InstallExecuteSequence").ToDictionary(a => a.Action, a => a.Number);

        Assert.Contains("PutBackPartnerBeforePorSetup", inScript);
        Assert.Contains("PutBackPartnerBeforeThisRun", inScript);
        Assert.All(inScript, action => Assert.InRange(execute[action], execute["InstallInitialize"] + 1, execute["InstallFinalize"] - 1));
        Assert.All(OtherSequences, table =>
            Assert.DoesNotContain(this.Sequence(table), a => inScript.Contains(a.Action)));
    }

    [MsitoolsFact]
    public void EveryAction_IsSequencedOnce_AndEverySequencedActionExists()
    {
        var customActions = package.Rows("CustomAction").Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
        var standard = StandardActions.SelectMany(d => ((string)d.Data.Item2).Split(", ").Select(a => a.Split(' ')[0])).ToHashSet(StringComparer.Ordinal);

        foreach (var table in StandardActions.Select(d => (string)d.Data.Item1))
        {
            var sequence = this.Sequence(table);
            Assert.Equal(sequence.Count, sequence.Select(a => a.Number).Distinct().Count());
            Assert.All(sequence, a => Assert.True(customActions.Contains(a.Action) || standard.Contains(a.Action), $"{table}: {a.Action} is neither a custom nor a standard action"));
        }
    }

    // Each component's key path is a registry value of its own (msidbComponentAttributesRegistryKeyPath), in the
    // 64-bit view (msidbComponentAttributes64bit), in a package whose Template says x64 (ICE80).
    [MsitoolsFact]
    public void Components_Are64BitWithTheirOwnRegistryValueAsKeyPath()
    {
        var registry = package.Rows("Registry").ToDictionary(r => r[0]);
        var components = package.Rows("Component");

        Assert.Equal(3, components.Count);
        Assert.All(components, c =>
        {
            var attributes = Number(c[3]);
            Assert.Equal(RegistryKeyPath | SixtyFourBit, attributes);
            Assert.Equal(c[0], registry[c[5]][5]);
            Assert.Equal("2", registry[c[5]][1]);
        });
        Assert.StartsWith("x64;", MsiTables.ReadSummary(package.MsiPath)["Template"], StringComparison.Ordinal);
    }

    // ICE71's premise, in both builds: no file, so nothing on any medium.
    [MsitoolsFact]
    public void MediaAndFile_AreEmpty()
    {
        Assert.Empty(package.Rows("Media"));
        Assert.Empty(package.Rows("File"));
    }

    private List<(string Action, int Number)> Sequence(string table) =>
        package.Rows(table).Select(r => (r[0], Number(r[2]))).ToList();

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
