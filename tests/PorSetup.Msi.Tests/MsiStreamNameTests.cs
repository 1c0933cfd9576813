// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi.Tests;

public class MsiStreamNameTests
{
    // Encoded names as they appear in Windows Installer databases (the same vectors Wine's tests use).
    [Theory]
    [InlineData("Property", true, new[] { 0x4840, 0x4559, 0x44f2, 0x4568, 0x4737 })]
    [InlineData("_StringPool", true, new[] { 0x4840, 0x3f3f, 0x4577, 0x446c, 0x3e6a, 0x44b2, 0x482f })]
    [InlineData("_StringData", true, new[] { 0x4840, 0x3f3f, 0x4577, 0x446c, 0x3b6a, 0x45e4, 0x4824 })]
    [InlineData("_Columns", true, new[] { 0x4840, 0x3b3f, 0x43f2, 0x4438, 0x45b1 })]
    [InlineData("BINARY.1", false, new[] { 0x3c8b, 0x3a97, 0x409b, 0x387e })]
    public void Encode_MatchesWindowsInstaller(string name, bool table, int[] expected)
    {
        var encoded = MsiStreamName.Encode(name, table);

        Assert.Equal(expected, encoded.Select(c => (int)c));
        Assert.Equal(name, MsiStreamName.Decode(encoded, out var decodedTable));
        Assert.Equal(table, decodedTable);
    }

    [Fact]
    public void Encode_LeavesOtherCharactersAlone()
    {
        var encoded = MsiStreamName.Encode("\u0005SummaryInformation", table: false);

        Assert.Equal('\u0005', encoded[0]);
        Assert.Equal("\u0005SummaryInformation", MsiStreamName.Decode(encoded, out _));
    }
}
