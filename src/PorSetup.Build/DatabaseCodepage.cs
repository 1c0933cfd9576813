// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using System.Xml.Linq;

namespace PorSetup.Build;

/// <summary>
/// The database code page: Package/@Codepage, or else the localization's. The translation gives it to wixl
/// (Product/@Codepage), which encodes the strings in it but writes 0 into the string pool, "the machine's ANSI code
/// page", which garbles accented text elsewhere; the fix-up writes it into the string pool's header.
/// </summary>
/// <param name="Codepage">The code page, or null to leave wixl's.</param>
public sealed record DatabaseCodepage(int? Codepage)
{
    public static DatabaseCodepage From(XDocument source, WixLocalization localization)
    {
        var codepage = (string?)source.Root!.Element(WixNamespaces.Wxs + "Package")!.Attribute("Codepage");
        return new DatabaseCodepage(codepage is null ? localization.Codepage : int.Parse(localization.Resolve(codepage), CultureInfo.InvariantCulture));
    }

    /// <summary>Translation: Product/@Codepage for wixl, if there is a code page.</summary>
    public void Translate(XElement product)
    {
        if (this.Codepage is { } codepage)
        {
            product.Add(new XAttribute("Codepage", codepage.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Fix-up: msitools sets the string pool's code page by importing the _ForceCodepage pseudo-table.</summary>
    public void ApplyTo(MsitoolsDatabase database)
    {
        if (this.Codepage is { } codepage)
        {
            database.Import("_ForceCodepage", $"\r\n\r\n{codepage.ToString(CultureInfo.InvariantCulture)}\t_ForceCodepage\r\n");
        }
    }
}
