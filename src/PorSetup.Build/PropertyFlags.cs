// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build;

/// <summary>
/// Property/@Secure and Property/@Hidden, which wixl ignores. The translation drops them (and a Property declared
/// only to carry them, for which WiX writes no Property row either); the fix-up writes them as WiX does, into
/// SecureCustomProperties (without which a managed install ignores the property on the server side) and
/// MsiHiddenProperties.
/// </summary>
/// <param name="Secure">The Ids of the properties with Secure="yes".</param>
/// <param name="Hidden">The Ids of the properties with Hidden="yes".</param>
public sealed record PropertyFlags(IReadOnlyList<string> Secure, IReadOnlyList<string> Hidden)
{
    /// <summary>Translation: the Property attributes wixl is not given.</summary>
    public static bool IsDropped(string attribute) => attribute is "Secure" or "Hidden";

    /// <summary>Translation: a Property with neither a value nor a search is only there to be Secure or Hidden.</summary>
    public static bool IsDeclarationOnly(XElement property) => property.Attribute("Value") is null && !property.HasElements;

    public static PropertyFlags From(XDocument source)
    {
        var properties = source.Descendants(WixNamespaces.Wxs + "Property").ToList();
        return new PropertyFlags(Flagged(properties, "Secure"), Flagged(properties, "Hidden"));
    }

    /// <summary>Fix-up: wixl writes its own SecureCustomProperties (the upgrade properties): ours are added to it, sorted, no duplicates.</summary>
    public void ApplyTo(MsitoolsDatabase database)
    {
        var table = database.Properties();
        MergeList(database, table, "SecureCustomProperties", this.Secure);
        MergeList(database, table, "MsiHiddenProperties", this.Hidden);
    }

    private static List<string> Flagged(IEnumerable<XElement> properties, string attribute) =>
        properties.Where(p => (string?)p.Attribute(attribute) == "yes").Select(p => (string)p.Attribute("Id")!).ToList();

    private static void MergeList(MsitoolsDatabase database, IReadOnlyDictionary<string, string> table, string property, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        var existing = table.TryGetValue(property, out var value) ? value.Split(';', StringSplitOptions.RemoveEmptyEntries) : [];
        var merged = string.Join(';', existing.Concat(names).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        if (table.ContainsKey(property))
        {
            database.Update("Property", "Property", property, ("Value", merged));
        }
        else
        {
            database.Insert("Property", ("Property", property), ("Value", merged));
        }
    }
}
