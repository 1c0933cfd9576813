// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Core.Tests;

public class PartnerIdTests
{
    [Theory]
    [InlineData("12345")]
    [InlineData("123456")]
    [InlineData("1234567")]
    [InlineData("1234567890")]
    [InlineData("0000000")]
    [InlineData("9999999999")]
    public void Check_AcceptsFiveToTenAsciiDigits(string input)
    {
        var check = PartnerId.Check(input);

        Assert.True(check.IsValid);
        Assert.Equal(PartnerIdProblem.None, check.Problem);
        Assert.Equal(input, check.Normalized);
        Assert.Equal(input, check.Input);
        Assert.Equal(0, check.Position);
        Assert.Equal(string.Empty, check.Offender);
    }

    [Theory]
    [InlineData(" 1234567 ")]
    [InlineData("\t1234567\r\n")]
    [InlineData("\u00A01234567\u3000")]
    [InlineData("\u20281234567\u2029")]
    public void Check_TrimsSurroundingWhitespace(string input)
    {
        var check = PartnerId.Check(input);

        Assert.True(check.IsValid);
        Assert.Equal("1234567", check.Normalized);
        Assert.Equal(input, check.Input);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("\u00A0\u3000")]
    public void Check_RefusesMissingValues(string? input)
    {
        var check = PartnerId.Check(input);

        Assert.False(check.IsValid);
        Assert.Equal(PartnerIdProblem.Missing, check.Problem);
        Assert.Equal(string.Empty, check.Normalized);
        Assert.Equal(input, check.Input);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1234")]
    [InlineData(" 1234 ")]
    public void Check_RefusesFewerThanFiveDigits(string input)
    {
        var check = PartnerId.Check(input);

        Assert.Equal(PartnerIdProblem.TooShort, check.Problem);
        Assert.False(check.IsValid);
    }

    [Theory]
    [InlineData("12345678901")]
    [InlineData("00000000000")]
    [InlineData("123456789012345678901234567890")]
    public void Check_RefusesMoreThanTenDigits(string input)
    {
        Assert.Equal(PartnerIdProblem.TooLong, PartnerId.Check(input).Problem);
    }

    [Fact]
    public void Check_Refuses300Digits()
    {
        var check = PartnerId.Check(new string('1', 300));

        Assert.Equal(PartnerIdProblem.TooLong, check.Problem);
        Assert.Equal(300, check.Normalized.Length);
    }

    [Theory]
    [InlineData("12345a7", 6, "a")]
    [InlineData("12 34567", 3, " ")]
    [InlineData("123\t4567", 4, "\t")]
    [InlineData("123\n4567", 4, "\n")]
    [InlineData("１２３４５６７", 1, "１")]
    [InlineData("١٢٣٤٥٦٧", 1, "١")]
    [InlineData("۱۲۳۴۵۶۷", 1, "۱")]
    [InlineData("१२३४५६७", 1, "१")]
    [InlineData("#1234567", 1, "#")]
    [InlineData("-1234567", 1, "-")]
    [InlineData("+1234567", 1, "+")]
    [InlineData("1234567.0", 8, ".")]
    [InlineData("1,234,567", 2, ",")]
    [InlineData("[ProductCode]", 1, "[")]
    [InlineData("1234567[~]", 8, "[")]
    [InlineData("0x12345", 2, "x")]
    [InlineData("1234567\0", 8, "\0")]
    [InlineData(" 12a45 ", 3, "a")]
    [InlineData("123\u00A04567", 4, "\u00A0")]
    [InlineData("1234\u200B567", 5, "\u200B")]
    [InlineData("123😀4567", 4, "😀")]
    public void Check_RefusesAnythingButAsciiDigits_AndSaysWhere(string input, int position, string offender)
    {
        var check = PartnerId.Check(input);

        Assert.Equal(PartnerIdProblem.NotADigit, check.Problem);
        Assert.Equal(position, check.Position);
        Assert.Equal(offender, check.Offender);
        Assert.Equal(input.Trim(), check.Normalized);
    }

    [Fact]
    public void Check_ReportsTheFirstBadCharacter_BeforeTheLength()
    {
        var check = PartnerId.Check("12x");

        Assert.Equal(PartnerIdProblem.NotADigit, check.Problem);
        Assert.Equal(3, check.Position);
    }

    [Fact]
    public void Check_TakesALoneSurrogateAsOneCharacter()
    {
        var check = PartnerId.Check("123\uD83D4567");

        Assert.Equal(PartnerIdProblem.NotADigit, check.Problem);
        Assert.Equal("\uD83D", check.Offender);
    }

    [Fact]
    public void Example_PassesTheRule()
    {
        Assert.True(PartnerId.Check(PartnerId.Example).IsValid);
    }

    [Fact]
    public void Limits_AreFiveAndTen()
    {
        Assert.Equal(5, PartnerId.MinLength);
        Assert.Equal(10, PartnerId.MaxLength);
    }
}
