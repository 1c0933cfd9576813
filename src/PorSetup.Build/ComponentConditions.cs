// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build;

/// <summary>
/// Component/@Condition, which wixl has no way to write (it aborts on v3's Component/Condition child). The
/// translation does not give it to wixl (a component is translated with a fixed list of attributes); the fix-up
/// writes the Component table's Condition column.
/// </summary>
/// <param name="Conditions">Component Id to its condition, localized.</param>
public sealed record ComponentConditions(IReadOnlyDictionary<string, string> Conditions)
{
    public static ComponentConditions From(XDocument source, WixLocalization localization) => new(
        source.Descendants(WixNamespaces.Wxs + "Component").Where(c => c.Attribute("Condition") is not null)
            .ToDictionary(c => (string)c.Attribute("Id")!, c => localization.Resolve((string)c.Attribute("Condition")!)));

    public void ApplyTo(MsitoolsDatabase database)
    {
        foreach (var (component, condition) in this.Conditions)
        {
            database.Update("Component", "Component", component, ("Condition", condition));
        }
    }
}
