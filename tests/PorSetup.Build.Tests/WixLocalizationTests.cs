// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Build.Tests;

public sealed class WixLocalizationTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "Localized");

    [Theory]
    [InlineData("en-US", "Hello from PorSetup")]
    [InlineData("fr-FR", "Bonjour, ça va from PorSetup")]
    [InlineData("FR-fr", "Bonjour, ça va from PorSetup")]
    public void Resolve_ReplacesReferencesWithTheCulturesString(string culture, string expected)
    {
        var localization = WixLocalization.ForCulture(Folder, culture);

        Assert.Equal(expected, localization.Resolve("!(loc.Greeting) from PorSetup"));
        Assert.Equal(1252, localization.Codepage);
    }

    [Fact]
    public void Resolve_RefusesAnUnknownString()
    {
        var localization = WixLocalization.ForCulture(Folder, "en-US");

        var error = Assert.Throws<InvalidDataException>(() => localization.Resolve("!(loc.Missing)"));

        Assert.Contains("'Missing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForCulture_RefusesACultureWithoutWxl()
    {
        Assert.Throws<InvalidDataException>(() => WixLocalization.ForCulture(Folder, "de-DE"));
    }

    [Fact]
    public void Resolve_LeavesOtherSyntaxAlone()
    {
        var localization = WixLocalization.ForCulture(Folder, "en-US");

        Assert.Equal("[PARTNERID] $(var.X) !(bind.Y)", localization.Resolve("[PARTNERID] $(var.X) !(bind.Y)"));
    }
}
