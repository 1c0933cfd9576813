// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build.Tests;

public sealed class WixlTranslatorTests
{
    private static readonly XNamespace V3 = WixNamespaces.WixlV3;
    private static readonly WixLocalization English = WixLocalization.ForCulture(Path.Combine(AppContext.BaseDirectory, "TestData", "Localized"), "en-US");

    private static XElement Translate(string packageBody, string packageAttributes = "") =>
        WixlTranslator.Translate(
            XDocument.Parse($"""<Wix xmlns="http://wixtoolset.org/schemas/v4/wxs"><Package Name="P" Manufacturer="M" Version="1.0.0" UpgradeCode="04642C1E-F2AA-4081-867C-BB71239DB337" Language="!(loc.Language)" {packageAttributes}>{packageBody}</Package></Wix>""", LoadOptions.SetLineInfo),
            English).Root!.Element(V3 + "Product")!;

    [Fact]
    public void Package_BecomesProductWithAGeneratedProductCodeAndTheWxlCodepage()
    {
        var product = Translate("""<SummaryInformation Description="!(loc.Greeting)" />""", "Scope=\"perMachine\" InstallerVersion=\"500\"");

        Assert.Equal("*", (string?)product.Attribute("Id"));
        Assert.Equal("1033", (string?)product.Attribute("Language"));
        Assert.Equal("1252", (string?)product.Attribute("Codepage"));
        var package = product.Element(V3 + "Package")!;
        Assert.Equal("perMachine", (string?)package.Attribute("InstallScope"));
        Assert.Equal("500", (string?)package.Attribute("InstallerVersion"));
        Assert.Equal("Hello", (string?)package.Attribute("Description"));
    }

    [Fact]
    public void Bitness_Always64_BecomesWin64()
    {
        var product = Translate("""
            <Property Id="P"><RegistrySearch Id="S" Root="HKLM" Key="K" Name="N" Type="raw" Bitness="always64" /></Property>
            <Feature Id="F"><Component Id="C" Directory="TARGETDIR" Guid="FA50DF2C-DE76-494B-AE6B-4F3A0C95E288" Bitness="always64"><RegistryValue Root="HKLM" Key="K" Name="N" Type="string" Value="V" KeyPath="yes" /></Component></Feature>
            """);

        Assert.Equal("yes", (string?)product.Descendants(V3 + "RegistrySearch").Single().Attribute("Win64"));
        Assert.Equal("yes", (string?)product.Descendants(V3 + "Component").Single().Attribute("Win64"));
        Assert.Null(product.Descendants(V3 + "Component").Single().Attribute("Bitness"));
    }

    [Fact]
    public void ComponentsInAFeature_MoveUnderTargetDirAndAreReferenced()
    {
        var product = Translate("""<Feature Id="F" Level="1"><Component Id="C" Directory="TARGETDIR" Guid="FA50DF2C-DE76-494B-AE6B-4F3A0C95E288" /></Feature>""");

        var directory = product.Element(V3 + "Directory")!;
        Assert.Equal("TARGETDIR", (string?)directory.Attribute("Id"));
        Assert.Equal("C", (string?)directory.Element(V3 + "Component")!.Attribute("Id"));
        Assert.Equal("C", (string?)product.Element(V3 + "Feature")!.Element(V3 + "ComponentRef")!.Attribute("Id"));
    }

    [Fact]
    public void CustomAction_GetsBinaryKeyAndWixsImpersonationDefault()
    {
        var product = Translate("""
            <Binary Id="B" SourceFile="ca.dll" />
            <CustomAction Id="A" BinaryRef="B" DllEntry="E" Execute="immediate" Return="check" />
            <CustomAction Id="D" BinaryRef="B" DllEntry="E" Execute="deferred" Impersonate="no" />
            """);

        var actions = product.Elements(V3 + "CustomAction").ToDictionary(a => (string)a.Attribute("Id")!);
        Assert.Equal("B", (string?)actions["A"].Attribute("BinaryKey"));
        Assert.Equal("yes", (string?)actions["A"].Attribute("Impersonate"));
        Assert.Equal("no", (string?)actions["D"].Attribute("Impersonate"));
    }

    [Fact]
    public void CustomCondition_BecomesElementText()
    {
        var product = Translate("""<InstallExecuteSequence><Custom Action="A" Sequence="120" Condition="NOT (REMOVE~=&quot;ALL&quot;)" /></InstallExecuteSequence>""");

        var custom = product.Descendants(V3 + "Custom").Single();
        Assert.Equal("NOT (REMOVE~=\"ALL\")", custom.Value);
        Assert.Equal("120", (string?)custom.Attribute("Sequence"));
        Assert.Null(custom.Attribute("Condition"));
    }

    [Fact]
    public void SecureAndHidden_AreLeftToTheFixups()
    {
        var product = Translate("""<Property Id="SAVED" Value="1" Secure="yes" Hidden="yes" />""");

        var property = product.Element(V3 + "Property")!;
        Assert.Null(property.Attribute("Secure"));
        Assert.Null(property.Attribute("Hidden"));
    }

    [Fact]
    public void APropertyDeclaredOnlyToBeSecure_WritesNoRowForWixl()
    {
        // WiX writes no Property row for it (only SecureCustomProperties); wixl would write an empty one, or refuse.
        var product = Translate("""<Property Id="PARTNERID" Secure="yes" />""");

        Assert.Null(product.Element(V3 + "Property"));
    }

    [Fact]
    public void AnErrorAction_IsGivenToWixlAsATextAction_WithItsLocalizedText()
    {
        var product = Translate("""<CustomAction Id="Refuse" Error="Not here: [ProductName]" />""");

        var action = product.Element(V3 + "CustomAction")!;
        Assert.Equal(("Refuse", "Refuse", "Not here: [ProductName]"), ((string?)action.Attribute("Id"), (string?)action.Attribute("Property"), (string?)action.Attribute("Value")));
    }

    [Fact]
    public void AnErrorAction_WithAnythingElse_IsRefused()
    {
        Assert.Throws<NotSupportedException>(() => Translate("""<CustomAction Id="Refuse" Error="No" Return="ignore" />"""));
    }

    [Fact]
    public void ComponentCondition_IsLeftToTheFixups()
    {
        // wixl aborts on a Component/Condition child; ComponentConditions writes the Component table's column instead.
        var product = Translate("""<Feature Id="F"><Component Id="C" Directory="TARGETDIR" Guid="FA50DF2C-DE76-494B-AE6B-4F3A0C95E288" Condition="A" /></Feature>""");

        var component = product.Descendants(V3 + "Component").Single();
        Assert.Empty(component.Elements());
        Assert.Null(component.Attribute("Condition"));
    }

    [Theory]
    [InlineData("""<Icon Id="I" SourceFile="x.ico" />""")]
    [InlineData("""<Feature Id="F"><ComponentGroupRef Id="G" /></Feature>""")]
    [InlineData("""<Feature Id="F"><Component Id="C" Directory="ProgramFiles64Folder" /></Feature>""")]
    public void UnsupportedAuthoring_IsRefusedNotDropped(string body)
    {
        Assert.Throws<NotSupportedException>(() => Translate(body));
    }

    [Fact]
    public void ThePackageSource_TranslatesWithNoLocalizationLeft()
    {
        var source = XDocument.Load(RepositoryFiles.PackageSource);
        var french = WixLocalization.ForCulture(RepositoryFiles.Installer, "fr-FR");

        var translated = WixlTranslator.Translate(source, french).ToString();

        Assert.DoesNotContain("!(loc.", translated, StringComparison.Ordinal);
        Assert.Contains("Language=\"1036\"", translated, StringComparison.Ordinal);
    }
}
