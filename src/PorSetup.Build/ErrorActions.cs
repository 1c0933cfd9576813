// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build;

/// <summary>
/// CustomAction/@Error, WiX's type 19, which wixl rejects. The translation gives such an action to wixl as a type 51
/// that carries the same formatted text (which wixl encodes in the database's code page); the fix-up makes the row a
/// type 19.
/// </summary>
/// <param name="Ids">The Ids of the custom actions with Error.</param>
public sealed record ErrorActions(IReadOnlyList<string> Ids)
{
    /// <summary>Custom Action Type 19: "displays a specified error message, returns failure, and then terminates the installation".</summary>
    public const int Type = 19;

    /// <summary>Translation: whether a CustomAction is one that <see cref="Translate"/> takes.</summary>
    public static bool Applies(XElement action) => action.Attribute("Error") is not null;

    /// <summary>Translation: the type 51 wixl is given in its place; anything but Id and Error is refused.</summary>
    public static XElement Translate(XElement action, WixLocalization localization)
    {
        var unsupported = action.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.LocalName is not ("Id" or "Error")).ToList();
        if (unsupported.Count > 0 || action.HasElements)
        {
            throw WixlTranslator.Unsupported(action);
        }

        var id = (string)action.Attribute("Id")!;
        return new XElement(WixNamespaces.WixlV3 + "CustomAction",
            new XAttribute("Id", id),
            new XAttribute("Property", id),
            new XAttribute("Value", localization.Resolve((string)action.Attribute("Error")!)));
    }

    public static ErrorActions From(XDocument source) => new(
        source.Descendants(WixNamespaces.Wxs + "CustomAction").Where(Applies).Select(a => (string)a.Attribute("Id")!).ToList());

    /// <summary>Fix-up: msidbCustomActionTypeTextData | msidbCustomActionTypeSourceFile; "Source: Leave blank" (Custom Action Type 19).</summary>
    public void ApplyTo(MsitoolsDatabase database)
    {
        foreach (var action in this.Ids)
        {
            database.Update("CustomAction", "Action", action, ("Type", Type), ("Source", string.Empty));
        }
    }
}
