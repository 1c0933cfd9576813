// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Core.Tests;

public class PartnerIdMessagesTests
{
    private const string EnglishRule = " A Microsoft Partner ID (MPN ID) is 5 to 10 ASCII digits, for example: msiexec /i PorSetup.msi /qn PARTNERID=1234567";
    private const string FrenchRule = " Un ID partenaire Microsoft (ID MPN) compte de 5 à 10 chiffres ASCII, par exemple : msiexec /i PorSetup.msi /qn PARTNERID=1234567";

    [Fact]
    public void Codes_AreStable()
    {
        Assert.Equal("POR1001", PartnerIdMessages.MissingCode);
        Assert.Equal("POR1002", PartnerIdMessages.NotADigitCode);
        Assert.Equal("POR1003", PartnerIdMessages.LengthCode);
    }

    [Fact]
    public void Accepted_English()
    {
        Assert.Equal("PorSetup: PARTNERID accepted: 1234567", PartnerIdMessages.Accepted(PartnerId.Check(" 1234567 "), MessageLanguage.English));
    }

    [Fact]
    public void Accepted_French()
    {
        Assert.Equal("PorSetup : PARTNERID accepté : 1234567", PartnerIdMessages.Accepted(PartnerId.Check(" 1234567 "), MessageLanguage.French));
    }

    [Theory]
    [InlineData(null, "POR1001: PARTNERID is missing or empty.")]
    [InlineData("  ", "POR1001: PARTNERID is missing or empty.")]
    [InlineData("12345a7", "POR1002: PARTNERID \"12345a7\" is not valid: character 6 (U+0061) is not a digit 0-9.")]
    [InlineData("١٢٣٤٥٦٧", "POR1002: PARTNERID \"١٢٣٤٥٦٧\" is not valid: character 1 (U+0661) is not a digit 0-9.")]
    [InlineData("１２３４５６７", "POR1002: PARTNERID \"１２３４５６７\" is not valid: character 1 (U+FF11) is not a digit 0-9.")]
    [InlineData("123😀4567", "POR1002: PARTNERID \"123😀4567\" is not valid: character 4 (U+1F600) is not a digit 0-9.")]
    [InlineData("1234", "POR1003: PARTNERID \"1234\" is not valid: 4 digits is too short.")]
    [InlineData("12345678901", "POR1003: PARTNERID \"12345678901\" is not valid: 11 digits is too long.")]
    public void Refusal_English(string? input, string expectedStart)
    {
        Assert.Equal(expectedStart + EnglishRule, PartnerIdMessages.Refusal(PartnerId.Check(input), MessageLanguage.English));
    }

    [Theory]
    [InlineData(null, "POR1001: PARTNERID est absent ou vide.")]
    [InlineData("12345a7", "POR1002: PARTNERID \"12345a7\" n'est pas valide : le caractère 6 (U+0061) n'est pas un chiffre de 0 à 9.")]
    [InlineData("1234", "POR1003: PARTNERID \"1234\" n'est pas valide : 4 chiffres, c'est trop court.")]
    [InlineData("12345678901", "POR1003: PARTNERID \"12345678901\" n'est pas valide : 11 chiffres, c'est trop long.")]
    public void Refusal_French(string? input, string expectedStart)
    {
        Assert.Equal(expectedStart + FrenchRule, PartnerIdMessages.Refusal(PartnerId.Check(input), MessageLanguage.French));
    }

    // A search of French and English logs for "POR1002:" finds both: the code and its colon are one token.
    [Theory]
    [InlineData(null, "POR1001: ")]
    [InlineData("12345a7", "POR1002: ")]
    [InlineData("1234", "POR1003: ")]
    [InlineData("12345678901", "POR1003: ")]
    public void Refusal_StartsWithTheSameCodeTokenInEveryLanguage(string? input, string token)
    {
        foreach (var language in Enum.GetValues<MessageLanguage>())
        {
            Assert.StartsWith(token, PartnerIdMessages.Refusal(PartnerId.Check(input), language), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Refusal_OfAValidId_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PartnerIdMessages.Refusal(PartnerId.Check("1234567"), MessageLanguage.English));
    }

    [Fact]
    public void Refusal_ShowsTheTrimmedValue()
    {
        Assert.StartsWith("POR1003: PARTNERID \"1234\" ", PartnerIdMessages.Refusal(PartnerId.Check("  1234  "), MessageLanguage.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_OfALongValue_ShowsFortyCharacters()
    {
        var message = PartnerIdMessages.Refusal(PartnerId.Check(new string('7', 300)), MessageLanguage.English);

        Assert.StartsWith($"POR1003: PARTNERID \"{new string('7', 40)}…\" is not valid: 300 digits is too long.", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123\t4567", "123?4567")]
    [InlineData("123\n4567", "123?4567")]
    [InlineData("123\r\n4567", "123??4567")]
    [InlineData("1234567\0", "1234567?")]
    [InlineData("12\u00854567", "12?4567")]
    public void Refusal_ReplacesControlCharacters(string input, string shown)
    {
        var message = PartnerIdMessages.Refusal(PartnerId.Check(input), MessageLanguage.English);

        Assert.Contains($"\"{shown}\"", message, StringComparison.Ordinal);
        Assert.DoesNotContain(message, char.IsControl);
    }

    [Theory]
    [InlineData("[ProductCode]")]
    [InlineData("1234567[~]")]
    [InlineData("{{[1]}}")]
    public void Refusal_KeepsMsiFormattingCharactersLiteral(string input)
    {
        Assert.Contains($"\"{input}\"", PartnerIdMessages.Refusal(PartnerId.Check(input), MessageLanguage.English), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("1234567", "1234567")]
    [InlineData("a\tb", "a?b")]
    public void Show_ReplacesControlCharacters(string value, string shown)
    {
        Assert.Equal(shown, PartnerIdMessages.Show(value));
    }

    [Fact]
    public void Show_KeepsFortyCharacters()
    {
        Assert.Equal(new string('x', 40), PartnerIdMessages.Show(new string('x', 40)));
        Assert.Equal(new string('x', 40) + "…", PartnerIdMessages.Show(new string('x', 41)));
    }
}
