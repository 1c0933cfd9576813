// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using System.Xml.Linq;

namespace PorSetup.Build;

/// <summary>
/// CustomAction/@Execute="rollback" or "commit": the translation passes Execute on, and wixl makes such an action
/// immediate; the fix-up puts the in-script bits back into the CustomAction row's Type.
/// </summary>
/// <param name="Bits">Custom action Id to the in-script bits wixl loses (rollback 0x500, commit 0x600).</param>
public sealed record ScriptActions(IReadOnlyDictionary<string, int> Bits)
{
    /// <summary>The execution bits of a custom action's Type (msidbCustomActionTypeInScript and the rest of 0x700).</summary>
    public const int ExecutionBits = 0x700;

    public static ScriptActions From(XDocument source) => new(
        source.Descendants(WixNamespaces.Wxs + "CustomAction")
            .Select(a => (Id: (string)a.Attribute("Id")!, Bits: InScriptBits((string?)a.Attribute("Execute"))))
            .Where(a => a.Bits != 0)
            .ToDictionary(a => a.Id, a => a.Bits));

    /// <summary>The Type with the execution bits replaced and the rest kept: the source type and NoImpersonate (0x800).</summary>
    public static int WithBits(int type, int bits) => (type & ~ExecutionBits) | bits;

    public void ApplyTo(MsitoolsDatabase database)
    {
        if (this.Bits.Count == 0)
        {
            return;
        }

        var rows = database.Rows("CustomAction");
        foreach (var (action, bits) in this.Bits)
        {
            var type = int.Parse(rows.Single(row => row[0] == action)[1], CultureInfo.InvariantCulture);
            database.Update("CustomAction", "Action", action, ("Type", WithBits(type, bits)));
        }
    }

    // msidbCustomActionTypeInScript (0x400) with msidbCustomActionTypeRollback (0x100) or ...Commit (0x200).
    private static int InScriptBits(string? execute) => execute switch
    {
        "rollback" => 0x500,
        "commit" => 0x600,
        _ => 0,
    };
}
