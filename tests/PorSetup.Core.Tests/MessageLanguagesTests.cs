// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Core.Tests;

public class MessageLanguagesTests
{
    [Theory]
    [InlineData(0x000C)] // fr (neutral)
    [InlineData(1036)] // fr-FR
    [InlineData(2060)] // fr-BE
    [InlineData(3084)] // fr-CA
    [InlineData(4108)] // fr-CH
    [InlineData(5132)] // fr-LU
    [InlineData(0x0004_040C)] // fr-FR with a sort ID (an LCID, not a LANGID)
    public void FromLcid_French(int lcid)
    {
        Assert.Equal(MessageLanguage.French, MessageLanguages.FromLcid(lcid));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1033)] // en-US
    [InlineData(2057)] // en-GB
    [InlineData(1031)] // de-DE
    [InlineData(1025)] // ar-SA
    [InlineData(-1)]
    public void FromLcid_OtherwiseEnglish(int lcid)
    {
        Assert.Equal(MessageLanguage.English, MessageLanguages.FromLcid(lcid));
    }

    [Theory]
    [InlineData("fr", MessageLanguage.French)]
    [InlineData("FR", MessageLanguage.French)]
    [InlineData("fr-FR", MessageLanguage.French)]
    [InlineData("fr-ca", MessageLanguage.French)]
    [InlineData("Fr-CH", MessageLanguage.French)]
    [InlineData("en-US", MessageLanguage.English)]
    [InlineData("en", MessageLanguage.English)]
    [InlineData("fra", MessageLanguage.English)]
    [InlineData("fr_FR", MessageLanguage.English)]
    [InlineData("", MessageLanguage.English)]
    [InlineData(null, MessageLanguage.English)]
    public void FromCultureName(string? name, MessageLanguage expected)
    {
        Assert.Equal(expected, MessageLanguages.FromCultureName(name));
    }
}
