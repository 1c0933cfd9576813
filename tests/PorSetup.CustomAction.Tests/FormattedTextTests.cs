// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.CustomAction;

namespace PorSetup.CustomAction.Tests;

public class FormattedTextTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("POR1002: PARTNERID \"12345a7\" is not valid.", "POR1002: PARTNERID \"12345a7\" is not valid.")]
    [InlineData("[ProductCode]", @"[\[]ProductCode[\]]")]
    [InlineData("1234567[~]", @"1234567[\[]~[\]]")]
    [InlineData("[1]", @"[\[]1[\]]")]
    [InlineData("{[%USERNAME]}", @"[\{][\[]%USERNAME[\]][\}]")]
    [InlineData(@"[\[]", @"[\[]\[\[][\]]")]
    [InlineData("accepté : 1234567", "accepté : 1234567")]
    public void Escape_MakesEveryBracketAndBraceAnEscape(string text, string escaped)
    {
        Assert.Equal(escaped, FormattedText.Escape(text));
    }

    [Fact]
    public void Escape_WithoutSpecialCharacters_ReturnsTheSameString()
    {
        const string text = "PorSetup: PARTNERID accepted: 1234567";

        Assert.Same(text, FormattedText.Escape(text));
    }
}
