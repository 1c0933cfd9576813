// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text;

namespace PorSetup.Msi;

/// <summary>
/// MSI's packing of table and stream names into compound file names: two characters of
/// [0-9A-Za-z._] share one UTF-16 code unit (0x3800 + a + b*64), a lone one becomes 0x4800 + a,
/// and table streams start with 0x4840. This keeps names within the 31-character limit.
/// </summary>
public static class MsiStreamName
{
    public const char TablePrefix = '\u4840';

    public static string Encode(string name, bool table)
    {
        ArgumentNullException.ThrowIfNull(name);
        var result = new StringBuilder(name.Length + 1);
        if (table)
        {
            result.Append(TablePrefix);
        }

        for (var i = 0; i < name.Length; i++)
        {
            var first = ToSix(name[i]);
            if (first < 0)
            {
                result.Append(name[i]);
                continue;
            }

            var second = i + 1 < name.Length ? ToSix(name[i + 1]) : -1;
            if (second >= 0)
            {
                result.Append((char)(0x3800 + first + (second << 6)));
                i++;
            }
            else
            {
                result.Append((char)(0x4800 + first));
            }
        }

        return result.ToString();
    }

    /// <summary>Decodes a compound file name; <paramref name="table"/> tells whether it named a table.</summary>
    public static string Decode(string encoded, out bool table)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        table = encoded.Length > 0 && encoded[0] == TablePrefix;
        var result = new StringBuilder(encoded.Length * 2);
        foreach (var ch in table ? encoded.AsSpan(1) : encoded.AsSpan())
        {
            if (ch >= 0x3800 && ch < 0x4800)
            {
                result.Append(FromSix((ch - 0x3800) & 0x3F));
                result.Append(FromSix(((ch - 0x3800) >> 6) & 0x3F));
            }
            else if (ch >= 0x4800 && ch < 0x4840)
            {
                result.Append(FromSix(ch - 0x4800));
            }
            else
            {
                result.Append(ch);
            }
        }

        return result.ToString();
    }

    private static int ToSix(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        >= 'a' and <= 'z' => c - 'a' + 36,
        '.' => 62,
        '_' => 63,
        _ => -1,
    };

    private static char FromSix(int x) => x switch
    {
        < 10 => (char)('0' + x),
        < 36 => (char)('A' + x - 10),
        < 62 => (char)('a' + x - 36),
        62 => '.',
        _ => '_',
    };
}
