// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using System.Text;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>Reads the values of one key from a .reg file as reg export writes it (version 5.00).</summary>
public static class RegFile
{
    /// <summary>
    /// The value lines of one section, with continuation lines joined: reg export wraps long hex data with a
    /// trailing backslash (a string value always ends with its closing quote, so it never looks continued).
    /// </summary>
    public static List<string> ValueLines(string regFile, string section)
    {
        var lines = new List<string>();
        var inSection = false;
        var pending = new StringBuilder();
        foreach (var line in regFile.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith('[') && pending.Length == 0)
            {
                inSection = string.Equals(line, section, StringComparison.OrdinalIgnoreCase);
                continue;
            }

            if (!inSection || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            pending.Append(line);
            if (line.EndsWith('\\'))
            {
                pending.Length--;
                continue;
            }

            lines.Add(pending.ToString());
            pending.Clear();
        }

        return lines;
    }

    public static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    /// <summary>The data after "name"=: a quoted string, dword:, hex: or hex(n):.</summary>
    public static (string Type, string Data) Parse(string data)
    {
        if (data.StartsWith('"'))
        {
            return ("REG_SZ", Unescape(data[1..^1]));
        }

        if (data.StartsWith("dword:", StringComparison.Ordinal))
        {
            return ("REG_DWORD", "0x" + uint.Parse(data["dword:".Length..], NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString("x", CultureInfo.InvariantCulture));
        }

        var colon = data.IndexOf(':', StringComparison.Ordinal);
        var bytes = data[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(b => Convert.ToByte(b, 16)).ToArray();
        return data[..colon] switch
        {
            "hex" => ("REG_BINARY", Convert.ToHexString(bytes)),
            "hex(2)" => ("REG_EXPAND_SZ", Encoding.Unicode.GetString(bytes).TrimEnd('\0')),
            "hex(7)" => ("REG_MULTI_SZ", string.Join("\\0", Encoding.Unicode.GetString(bytes).TrimEnd('\0').Split('\0'))),
            var type => (type, Convert.ToHexString(bytes)),
        };
    }

    private static string Unescape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            result.Append(text[i] == '\\' && i + 1 < text.Length ? text[++i] : text[i]);
        }

        return result.ToString();
    }
}
