// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace PorSetup.Build.Tests;

/// <summary>
/// The package source and its localizations validate against WiX's own schemas, so a mistake that would stop
/// the Windows build (WixToolset.Sdk) fails here first.
/// </summary>
public sealed partial class PackageSourceSchemaTests
{
    [Fact]
    public void PackageWxs_IsValidWixV4AfterPreprocessing()
    {
        // WiX validates after its preprocessor: substitute $(var.X) as the build does.
        var defines = ProductIdentity.Defines("PorSetup.CustomAction.dll");
        var text = VarReference().Replace(File.ReadAllText(RepositoryFiles.PackageSource), m => defines[m.Groups[1].Value]);

        var errors = Validate(XDocument.Parse(text, LoadOptions.SetLineInfo), "wix.xsd");

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("en-us.wxl")]
    [InlineData("fr-fr.wxl")]
    public void Localization_IsValidWixLocalization(string file)
    {
        var errors = Validate(XDocument.Load(Path.Combine(RepositoryFiles.Installer, file), LoadOptions.SetLineInfo), "wixloc.xsd");

        Assert.Empty(errors);
    }

    [Fact]
    public void Localizations_DefineTheSameStrings()
    {
        static string[] Ids(string file) => XDocument.Load(Path.Combine(RepositoryFiles.Installer, file))
            .Descendants(WixNamespaces.Wxl + "String").Select(s => (string)s.Attribute("Id")!).Order().ToArray();

        Assert.Equal(Ids("en-us.wxl"), Ids("fr-fr.wxl"));
    }

    [Fact]
    public void Validation_CatchesAnError()
    {
        // The check must be able to fail: an unknown attribute on Package is a schema error.
        var document = XDocument.Parse("""<Wix xmlns="http://wixtoolset.org/schemas/v4/wxs"><Package Name="a" Manufacturer="b" Version="1.0.0" UpgradeCode="04642C1E-F2AA-4081-867C-BB71239DB337" Bogus="1" /></Wix>""");

        Assert.NotEmpty(Validate(document, "wix.xsd"));
    }

    private static List<string> Validate(XDocument document, string schemaFile)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "WixSchemas", schemaFile));
        var errors = new List<string>();
        document.Validate(schemas, (_, e) => errors.Add($"line {e.Exception.LineNumber}: {e.Message}"));
        return errors;
    }

    [GeneratedRegex(@"\$\(var\.(\w+)\)")]
    private static partial Regex VarReference();
}
