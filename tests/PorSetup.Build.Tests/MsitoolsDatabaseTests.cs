// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Build.Tests;

public sealed class MsitoolsDatabaseTests
{
    [Theory]
    [InlineData("PARTNERBEFOREPORSETUP", "'PARTNERBEFOREPORSETUP'")]
    [InlineData("", "''")]
    [InlineData(1280, "1280")]
    [InlineData(-1, "-1")]
    public void Literal_QuotesStringsAndWritesIntegersInvariantly(object value, string expected)
    {
        Assert.Equal(expected, MsitoolsDatabase.Literal(value));
    }

    [Fact]
    public void Literal_RefusesAStringSqlCannotCarry()
    {
        var refused = Assert.Throws<NotSupportedException>(() => MsitoolsDatabase.Literal("A = 'B'"));

        Assert.Contains("single quote", refused.Message, StringComparison.Ordinal);
    }
}
