// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build.Tests;

public sealed class DatabaseFixupsTests
{
    [Fact]
    public void ThePackageSource_MakesOnlyPartnerIdSecure_ReplacesSameVersionsInAnyLanguage_InsideTheTransaction_AndRefusesByType19()
    {
        var fixups = DatabaseFixups.From(XDocument.Load(RepositoryFiles.PackageSource), WixLocalization.ForCulture(RepositoryFiles.Installer, "fr-FR"));

        Assert.Equal(["PARTNERID"], fixups.SecureProperties);
        Assert.Equal(new UpgradeRows(SameVersionUpgrades: true, Language: null), fixups.Upgrade);
        Assert.Empty(fixups.HiddenProperties);
        Assert.Equal("InstallInitialize", fixups.RemoveExistingProductsAfter);
        Assert.Equal(["RefuseNonAdministrator", "RefusePerUserInstall"], fixups.ErrorActions);
        Assert.Equal(1252, fixups.Codepage);
        Assert.Equal("1036", fixups.Language);
        Assert.Equal("PARTNERBEFOREPORSETUP", fixups.ComponentConditions["PartnerBeforePorSetupValue"]);
        Assert.Equal(0x500, fixups.ScriptActions["PutBackPartnerBeforeThisInstall"]);
        Assert.False(fixups.ScriptActions.ContainsKey("PutBackPartnerBeforePorSetup"), "Deferred actions are wixl's own business.");
    }

    [Fact]
    public void Schedule_FollowsMajorUpgradeSchedule()
    {
        var source = XDocument.Parse("""<Wix xmlns="http://wixtoolset.org/schemas/v4/wxs"><Package Name="P" Manufacturer="M" Version="1.0.0" Language="1033"><MajorUpgrade Schedule="afterInstallFinalize" DowngradeErrorMessage="x" /><Property Id="A" Hidden="yes" /></Package></Wix>""");

        var fixups = DatabaseFixups.From(source, WixLocalization.ForCulture(Path.Combine(AppContext.BaseDirectory, "TestData", "Localized"), "en-US"));

        Assert.Equal("InstallFinalize", fixups.RemoveExistingProductsAfter);
        Assert.Equal(new UpgradeRows(SameVersionUpgrades: false, Language: "1033"), fixups.Upgrade);
        Assert.Equal(["A"], fixups.HiddenProperties);
        Assert.Empty(fixups.SecureProperties);
    }
}
