// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace PorSetup.CustomAction;

/// <summary>
/// A registry value's type and data, as RegSetValueExW takes them, read from the text form Windows Installer's raw
/// registry search (RegLocator, RegistrySearch Type="raw") gives a property: a string as it is, or with one more
/// <c>#</c> in front when it starts with <c>#</c>; <c>#%</c> and an expandable string; <c>#x</c> and hex bytes;
/// <c>#</c> and a DWORD; a multi-string with <c>[~]</c> between its strings. The Registry table reads the same form,
/// which is why the remembered value keeps its type in PorSetup's own key. That form cannot say everything: an
/// empty string sets no property, and a string holding <c>[~]</c> reads as a multi-string. So the value PorSetup
/// remembers (<see cref="ToRememberedForm"/>) is a plain string in that form when it can be, readable in regedit,
/// and otherwise its exact type and bytes in a binary envelope of PorSetup's own (<c>#x</c>, "PORSETUP", the type,
/// the data).
/// </summary>
public sealed class RegistryData
{
    public const uint RegSz = 1;
    public const uint RegExpandSz = 2;
    public const uint RegBinary = 3;
    public const uint RegDword = 4;
    public const uint RegMultiSz = 7;

    private const string MultiStringSeparator = "[~]";

    // The envelope's first bytes: "PORSETUP" in ASCII, then the type (32 bits, little-endian), then the data.
    private static readonly byte[] EnvelopeMagic = "PORSETUP"u8.ToArray();

    private RegistryData(uint type, byte[] bytes, string text)
    {
        this.Type = type;
        this.Bytes = bytes;
        this.Text = text;
    }

    /// <summary>REG_SZ, REG_EXPAND_SZ, REG_BINARY, REG_DWORD or REG_MULTI_SZ.</summary>
    public uint Type { get; }

    /// <summary>The data as the registry stores it (strings in UTF-16 with their terminating nulls).</summary>
    public byte[] Bytes { get; }

    /// <summary>The value as an administrator would read it in regedit, for the log.</summary>
    public string Text { get; }

    public string TypeName => this.Type switch
    {
        RegSz => "REG_SZ",
        RegExpandSz => "REG_EXPAND_SZ",
        RegBinary => "REG_BINARY",
        RegDword => "REG_DWORD",
        RegMultiSz => "REG_MULTI_SZ",
        _ => string.Create(CultureInfo.InvariantCulture, $"registry type {this.Type}"),
    };

    public static RegistryData FromString(string value) => new(RegSz, Utf16(value), value);

    /// <summary>A value as RegQueryValueExW read it: its type and its bytes, kept exactly.</summary>
    public static RegistryData FromRegistry(uint type, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var text = type switch
        {
            RegSz or RegExpandSz => Strings(bytes)[0],
            RegMultiSz => string.Join(" | ", Strings(bytes)),
            RegDword when bytes.Length == 4 => BitConverter.ToUInt32(bytes).ToString(CultureInfo.InvariantCulture),
            _ => Convert.ToHexString(bytes),
        };
        return new(type, bytes, text);
    }

    /// <summary>
    /// The text PorSetup keeps for this value (in PreviousPartner, CustomActionData) and <see cref="FromRawSearch"/>
    /// reads back to the same type and bytes: the raw search form of a non-empty string without <c>[~]</c>, else the
    /// envelope.
    /// </summary>
    public string ToRememberedForm()
    {
        if (this.Type == RegSz && this.Text.Length > 0 && !this.Text.Contains(MultiStringSeparator, StringComparison.Ordinal)
            && this.Bytes.AsSpan().SequenceEqual(Utf16(this.Text)))
        {
            return this.Text.StartsWith('#') ? "#" + this.Text : this.Text;
        }

        var envelope = new byte[EnvelopeMagic.Length + 4 + this.Bytes.Length];
        EnvelopeMagic.CopyTo(envelope, 0);
        BitConverter.TryWriteBytes(envelope.AsSpan(EnvelopeMagic.Length), this.Type);
        this.Bytes.CopyTo(envelope, EnvelopeMagic.Length + 4);
        return "#x" + Convert.ToHexString(envelope);
    }

    /// <summary>Reads the raw search form; text that fits no typed form is a string, exactly as given.</summary>
    public static RegistryData FromRawSearch(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.StartsWith("##", StringComparison.Ordinal))
        {
            return FromString(raw[1..]);
        }

        if (raw.StartsWith("#%", StringComparison.Ordinal))
        {
            return new(RegExpandSz, Utf16(raw[2..]), raw[2..]);
        }

        if (raw.Length > 2 && (raw[1] == 'x' || raw[1] == 'X') && raw[0] == '#' && raw.Length % 2 == 0 && IsHex(raw.AsSpan(2)))
        {
            var bytes = Convert.FromHexString(raw.AsSpan(2));
            return bytes.Length >= EnvelopeMagic.Length + 4 && bytes.AsSpan(0, EnvelopeMagic.Length).SequenceEqual(EnvelopeMagic)
                ? FromRegistry(BitConverter.ToUInt32(bytes, EnvelopeMagic.Length), bytes.AsSpan(EnvelopeMagic.Length + 4).ToArray())
                : new(RegBinary, bytes, raw[2..]);
        }

        // Windows Installer writes a DWORD as a signed decimal; a value the registry holds is 32 bits either way.
        if (raw.Length > 1 && raw[0] == '#' && int.TryParse(raw.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return new(RegDword, BitConverter.GetBytes(number), raw[1..]);
        }

        if (raw.Contains(MultiStringSeparator, StringComparison.Ordinal) || raw.Contains('\0', StringComparison.Ordinal))
        {
            var strings = raw.Replace("\0", MultiStringSeparator, StringComparison.Ordinal)
                .Split(MultiStringSeparator, StringSplitOptions.RemoveEmptyEntries);
            var data = new StringBuilder();
            foreach (var item in strings)
            {
                data.Append(item).Append('\0');
            }

            return new(RegMultiSz, Utf16(data.ToString()), string.Join(" | ", strings));
        }

        return FromString(raw);
    }

    /// <summary>"1234567" for a string, "REG_DWORD 1234567" for anything else: what the log says was restored.</summary>
    public override string ToString() => this.Type == RegSz ? this.Text : $"{this.TypeName} {this.Text}";

    // The strings of REG_SZ, REG_EXPAND_SZ or REG_MULTI_SZ data, each up to its null (always at least one, maybe
    // empty); a REG_MULTI_SZ's closing empty string and an odd last byte are not strings.
    private static List<string> Strings(byte[] bytes)
    {
        var text = MemoryMarshal.Cast<byte, char>(bytes.AsSpan(0, bytes.Length & ~1));
        var strings = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\0')
            {
                if (i > start || strings.Count == 0 || i < text.Length)
                {
                    strings.Add(new string(text[start..i]));
                }

                start = i + 1;
            }
        }

        while (strings.Count > 1 && strings[^1].Length == 0)
        {
            strings.RemoveAt(strings.Count - 1);
        }

        return strings;
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // A terminating null, as REG_SZ data has; a REG_MULTI_SZ gets its second one from the last string's. The string's
    // own UTF-16 code units, as Windows keeps them (System.Text.Encoding would add its code to the worker for nothing).
    private static byte[] Utf16(string value) => MemoryMarshal.AsBytes((value + "\0").AsSpan()).ToArray();
}
