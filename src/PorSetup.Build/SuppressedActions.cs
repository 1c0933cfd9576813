// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build;

/// <summary>
/// A standard action with Suppress="yes" in a sequence (WiX removes its row), which wixl does not read: wixl schedules
/// its standard actions itself. The translation leaves the element out; the fix-up deletes the row wixl wrote.
/// </summary>
/// <param name="Rows">The sequence table and action of each suppressed standard action.</param>
public sealed record SuppressedActions(IReadOnlyList<(string Table, string Action)> Rows)
{
    /// <summary>Translation: whether an element of a sequence is a suppressed standard action, which wixl is not given.</summary>
    public static bool Applies(XElement element) =>
        element.Parent?.Name.LocalName is "InstallUISequence" or "InstallExecuteSequence"
        && element.Name.LocalName != "Custom"
        && (string?)element.Attribute("Suppress") == "yes";

    public static SuppressedActions From(XDocument source) => new(
        source.Descendants().Where(Applies).Select(e => (e.Parent!.Name.LocalName, e.Name.LocalName)).ToList());

    public void ApplyTo(MsitoolsDatabase database)
    {
        foreach (var (table, action) in this.Rows)
        {
            database.Delete(table, "Action", action);
        }
    }
}
