// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.CustomAction;

namespace PorSetup.CustomAction.Tests;

/// <summary>
/// The form PorSetup remembers a Partner value in (PreviousPartner, CustomActionData) gives back the same type and
/// bytes, whatever the value: a plain string stays readable, everything the raw search form would lose goes in the
/// envelope.
/// </summary>
public sealed class RegistryDataTests
{
    public static TheoryData<string, uint, string> Values => new()
    {
        // what                                    type                    data (hex)
        { "a plain ID",                            RegistryData.RegSz,      Hex("1234567\0") },
        { "a string starting with #",              RegistryData.RegSz,      Hex("#12 345 Contoso\0") },
        { "an empty string",                       RegistryData.RegSz,      Hex("\0") },
        { "a string holding [~]",                  RegistryData.RegSz,      Hex("a[~]b\0") },
        { "a string without its terminating null", RegistryData.RegSz,      Hex("abc") },
        { "non-ASCII text",                        RegistryData.RegSz,      Hex("accepté 値 Ω\0") },
        { "300 characters",                        RegistryData.RegSz,      Hex(new string('9', 300) + "\0") },
        { "an unexpanded expandable string",       RegistryData.RegExpandSz, Hex("%SystemRoot%\\x\0") },
        { "a multi-string with an empty string",   RegistryData.RegMultiSz, Hex("a\0\0b\0\0") },
        { "a DWORD",                               RegistryData.RegDword,   "87D61200" },
        { "binary data",                           RegistryData.RegBinary,  "0A0B" },
        { "empty binary data",                     RegistryData.RegBinary,  string.Empty },
        { "a QWORD",                               11,                      "0102030405060708" },
        { "REG_NONE",                              0,                       "00" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void TheRememberedForm_ReadsBackToTheSameTypeAndBytes(string what, uint type, string hex)
    {
        var value = RegistryData.FromRegistry(type, Convert.FromHexString(hex));

        var back = RegistryData.FromRawSearch(value.ToRememberedForm());

        Assert.True(type == back.Type && hex == Convert.ToHexString(back.Bytes), $"{what}: {back.TypeName} {Convert.ToHexString(back.Bytes)}");
    }

    [Theory]
    [InlineData("1234567", "1234567")]
    [InlineData("#12 345 Contoso", "##12 345 Contoso")]
    [InlineData("[ProductCode]", "[ProductCode]")]
    public void APlainString_IsRememberedInTheRawSearchForm_ReadableInRegedit(string text, string remembered)
    {
        Assert.Equal(remembered, RegistryData.FromString(text).ToRememberedForm());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a[~]b")]
    public void AStringTheRawSearchFormWouldLose_IsRememberedInTheEnvelope(string text)
    {
        var remembered = RegistryData.FromString(text).ToRememberedForm();

        // "#x", then "PORSETUP" in ASCII, then REG_SZ (1, little-endian): the Registry table writes it as REG_BINARY.
        Assert.StartsWith("#x504F525345545550" + "01000000", remembered, StringComparison.Ordinal);
    }

    [Fact]
    public void HexWithoutTheEnvelopesMark_IsStillBinaryData()
    {
        var value = RegistryData.FromRawSearch("#x0A0B");

        Assert.Equal((RegistryData.RegBinary, "0A0B"), (value.Type, Convert.ToHexString(value.Bytes)));
    }

    private static string Hex(string text) => Convert.ToHexString(System.Text.Encoding.Unicode.GetBytes(text));
}
