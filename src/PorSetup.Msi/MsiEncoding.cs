// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text;

namespace PorSetup.Msi;

/// <summary>Maps an MSI code page to an encoding (strings in the database are stored in the database's code page).</summary>
internal static class MsiEncoding
{
    static MsiEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>
    /// Code page 0 is "neutral" (the machine's ANSI code page at install time); Latin-1 maps
    /// every byte to a character and back, so unchanged strings round-trip byte for byte.
    /// </summary>
    public static Encoding Get(int codePage) => codePage == 0 ? Encoding.Latin1 : Encoding.GetEncoding(codePage);

    /// <summary>The encoding of a code page read from a file, or null when there is none such.</summary>
    public static Encoding? Find(int codePage)
    {
        try
        {
            return Get(codePage);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
