// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;
using PorSetup.Msi;
using PorSetup.Testing;

namespace PorSetup.Build.Tests;

/// <summary>
/// Where the Linux MSI (wixl, msibuild) knowingly differs from what WixToolset.Sdk 6.0.2 writes from the same
/// Package.wxs, as read in wixtoolset/wix at tag v6.0.2; docs/wine-and-windows.md ("The Linux MSI and WiX's")
/// says why each changes nothing. Each entry is checked to hold as described, so that the list stays exact, and
/// the places where wixl alone would differ (Upgrade.Language, the code pages) are checked to agree.
/// </summary>
public sealed class KnownDifferencesTests(BuiltPackage package) : IClassFixture<BuiltPackage>
{
    // Tables wixl always creates; WiX creates a table only for the rows it writes (none of these, for this package).
    private static readonly string[] EmptyTables =
        ["CreateFolder", "Error", "File", "Icon", "Media", "MsiFileHash", "RemoveFile", "ServiceControl", "ServiceInstall", "Shortcut", "Signature"];

    /// <summary>The differences, by the table (and column) where they show.</summary>
    public static IReadOnlyList<string> Differences { get; } = [.. EmptyTables, "Registry.Registry", "_SummaryInformation.CreatingApplication"];

    /// <summary>Where wixl alone would differ and the build makes the Linux MSI agree (checked below).</summary>
    public static IReadOnlyList<string> Agreements { get; } = ["Upgrade.Language", "_SummaryInformation.Codepage"];

    [Fact]
    public void TheDocs_ExplainEachDifference()
    {
        var docs = RepositoryFiles.ReadText("docs/wine-and-windows.md");
        var section = docs[docs.IndexOf("## The Linux MSI and WiX's", StringComparison.Ordinal)..];

        Assert.All(Differences.Concat(Agreements), d => Assert.Contains($"`{d}`", section, StringComparison.Ordinal));
    }

    // WiX (Compiler.ParseMajorUpgradeElement) writes the product language into both Upgrade rows unless
    // IgnoreLanguage="yes"; wixl never writes one, and MajorUpgradeRows puts WiX's value back.
    [MsitoolsFact]
    public void UpgradeLanguage_IsWixs()
    {
        var upgrade = XDocument.Load(RepositoryFiles.PackageSource).Descendants(WixNamespaces.Wxs + "MajorUpgrade").Single();
        var wix = (string?)upgrade.Attribute("IgnoreLanguage") == "yes" ? string.Empty : MsiTables.ReadProperties(package.MsiPath)["ProductLanguage"];

        var rows = package.Rows("Upgrade");

        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(wix, row[3]));
    }

    [MsitoolsFact]
    public void EmptyTables_AreTheListedOnes()
    {
        var tables = package.Columns.Select(c => c.Table).Distinct().Where(t => t != ValidationTable.Name);

        Assert.Equal(EmptyTables, tables.Where(t => package.Rows(t).Count == 0).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(XDocument.Load(RepositoryFiles.PackageSource).Descendants(), e => e.Name.LocalName is "File" or "Shortcut" or "ServiceInstall" or "Icon");
    }

    // wixl names a RegistryValue without an Id "reg" and 32 hexadecimal digits; WiX's generated identifiers are
    // "reg" and a different hash. Only the database refers to them (Component.KeyPath).
    [MsitoolsFact]
    public void GeneratedRegistryIdentifiers_AreWixls()
    {
        var registry = package.Rows("Registry");

        Assert.All(registry, row => Assert.Matches("^reg[0-9A-F]{32}$", row[0]));
        Assert.Equal(registry.Select(r => r[0]).Order(StringComparer.Ordinal), package.Rows("Component").Select(c => c[5]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(XDocument.Load(RepositoryFiles.PackageSource).Descendants(), e => e.Name.LocalName == "RegistryValue" && e.Attribute("Id") is not null);
    }

    // WiX: the summary's PID_CODEPAGE is Package/@SummaryCodepage, else the .wxl's SummaryInformationCodepage, else
    // 1252 (BindSummaryInfoCommand); the database code page is the .wxl's Codepage (1252 for both cultures).
    [MsitoolsFact]
    public void CodePages_AreWixs()
    {
        var source = XDocument.Load(RepositoryFiles.PackageSource).Root!.Element(WixNamespaces.Wxs + "Package")!;
        Assert.Null(source.Attribute("SummaryCodepage"));
        Assert.All(Directory.GetFiles(RepositoryFiles.Installer, "*.wxl"), wxl =>
        {
            var localization = XDocument.Load(wxl).Root!;
            Assert.Null(localization.Attribute("SummaryInformationCodepage"));
            Assert.Equal("1252", (string?)localization.Attribute("Codepage"));
        });

        var database = MsiDatabase.Open(package.MsiPath);

        Assert.Equal(1252, database.ReadSummaryInformation().CodePage);
        Assert.Equal(1252, database.Strings.CodePage);
    }

    [MsitoolsFact]
    public void TheCreatingApplication_IsMsitools()
    {
        var summary = MsiDatabase.Open(package.MsiPath).ReadSummaryInformation();

        Assert.StartsWith("msitools", summary.GetString(SummaryPropertyId.CreatingApplication), StringComparison.Ordinal);
    }
}
