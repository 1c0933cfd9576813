// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build.Tests;

public sealed class DatabaseFixupsTests
{
    [Fact]
    public void ThePackageSource_MakesOnlyPartnerIdSecure_ReplacesSameVersionsInAnyLanguage_InsideTheTransaction_AndRefusesByType19()
    {
        var fixups = DatabaseFixups.From(XDocument.Load(RepositoryFiles.PackageSource), WixLocalization.ForCulture(RepositoryFiles.Installer, "fr-FR"));

        Assert.Equal(["PARTNERID"], fixups.Properties.Secure);
        Assert.Equal(new MajorUpgradeRows(SameVersionUpgrades: true, Language: null, RemoveExistingProductsAfter: "InstallInitialize"), fixups.Upgrade);
        Assert.Empty(fixups.Properties.Hidden);
        Assert.Equal(["RefuseNonAdministrator", "RefusePerUserInstall"], fixups.Errors.Ids);
        Assert.Equal(1252, fixups.Codepage.Codepage);
        Assert.Equal("1036", fixups.Template.Language);
        Assert.Equal("PARTNERBEFOREPORSETUP", fixups.Components.Conditions["PartnerBeforePorSetupValue"]);
        Assert.Equal(0x500, fixups.Scripts.Bits["PutBackPartnerBeforeThisInstall"]);
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

    [Fact]
    public void WithoutMajorUpgrade_NoUpgradeRowsAreTouched_AndTheDefaultScheduleIsAfterInstallValidate()
    {
        var without = XDocument.Parse("""<Wix xmlns="http://wixtoolset.org/schemas/v4/wxs"><Package Name="P" Manufacturer="M" Version="1.0.0" Language="1033" /></Wix>""");
        var with = XDocument.Parse("""<Wix xmlns="http://wixtoolset.org/schemas/v4/wxs"><Package Name="P" Manufacturer="M" Version="1.0.0" Language="1033"><MajorUpgrade DowngradeErrorMessage="x" /></Package></Wix>""");
        var english = WixLocalization.ForCulture(Path.Combine(AppContext.BaseDirectory, "TestData", "Localized"), "en-US");

        Assert.Null(MajorUpgradeRows.From(without, english));
        Assert.Equal("InstallValidate", MajorUpgradeRows.From(with, english)!.RemoveExistingProductsAfter);
    }

    [Theory]
    [InlineData(0x001, 0x500, 0x501)]
    [InlineData(0x822, 0x600, 0xE22)]
    [InlineData(0x422, 0x500, 0x522)]
    public void ScriptActions_ReplaceOnlyTheExecutionBits(int type, int bits, int expected)
    {
        Assert.Equal(expected, ScriptActions.WithBits(type, bits));
    }

    [Fact]
    public void PropertyFlags_DropSecureAndHidden_AndPropertiesDeclaredOnlyForThem()
    {
        Assert.True(PropertyFlags.IsDropped("Secure"));
        Assert.True(PropertyFlags.IsDropped("Hidden"));
        Assert.False(PropertyFlags.IsDropped("Value"));
        Assert.True(PropertyFlags.IsDeclarationOnly(XElement.Parse("""<Property Id="A" Secure="yes" />""")));
        Assert.False(PropertyFlags.IsDeclarationOnly(XElement.Parse("""<Property Id="A" Value="1" Secure="yes" />""")));
        Assert.False(PropertyFlags.IsDeclarationOnly(XElement.Parse("""<Property Id="A" Secure="yes"><RegistrySearch Id="S" /></Property>""")));
    }

    [Fact]
    public void DatabaseCodepage_IsGivenToWixlOnlyWhenThereIsOne()
    {
        var product = new XElement("Product");
        new DatabaseCodepage(null).Translate(product);
        Assert.Null(product.Attribute("Codepage"));

        new DatabaseCodepage(1252).Translate(product);
        Assert.Equal("1252", (string?)product.Attribute("Codepage"));
    }
}
