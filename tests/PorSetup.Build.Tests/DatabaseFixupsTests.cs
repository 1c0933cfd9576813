// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build.Tests;

public sealed class DatabaseFixupsTests
{
    [Fact]
    public void ThePackageSource_MakesTheCommandLinesChoicesSecure_ReplacesSameVersionsInAnyLanguage_InsideTheTransaction_AndRefusesByType19()
    {
        var fixups = DatabaseFixups.From(XDocument.Load(RepositoryFiles.PackageSource), WixLocalization.ForCulture(RepositoryFiles.Installer, "fr-FR"));

        Assert.Equal(["PARTNERID", "UNINSTALLPARTNER"], fixups.Properties.Secure);
        Assert.Equal(new MajorUpgradeRows(SameVersionUpgrades: true, Language: null, RemoveExistingProductsAfter: "InstallInitialize"), fixups.Upgrade);
        Assert.Empty(fixups.Properties.Hidden);
        Assert.Equal(["RefuseNonAdministrator", "RefusePerUserInstall", "RefuseInvalidUninstallPartner"], fixups.Errors.Ids);
        Assert.Equal(1252, fixups.Codepage.Codepage);
        Assert.Equal("1036", fixups.Template.Language);
        Assert.Equal("PARTNERBEFOREPORSETUP", fixups.Components.Conditions["PartnerBeforePorSetupValue"]);
        Assert.Equal(0x500, fixups.Scripts.Bits["PutBackPartnerBeforeThisRun"]);
        Assert.False(fixups.Scripts.Bits.ContainsKey("PutBackPartnerBeforePorSetup"), "Deferred actions are wixl's own business.");
    }

    [Fact]
    public void Schedule_FollowsMajorUpgradeSchedule()
    {
        var source = XDocument.Parse("""<Wix xmlns="http://wixtoolset.org/schemas/v4/wxs"><Package Name="P" Manufacturer="M" Version="1.0.0" Language="1033"><MajorUpgrade Schedule="afterInstallFinalize" DowngradeErrorMessage="x" /><Property Id="A" Hidden="yes" /></Package></Wix>""");

        var fixups = DatabaseFixups.From(source, WixLocalization.ForCulture(Path.Combine(AppContext.BaseDirectory, "TestData", "Localized"), "en-US"));

        Assert.Equal(new MajorUpgradeRows(SameVersionUpgrades: false, Language: "1033", RemoveExistingProductsAfter: "InstallFinalize"), fixups.Upgrade);
        Assert.Equal(["A"], fixups.Properties.Hidden);
        Assert.Empty(fixups.Properties.Secure);
    }
}
