// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.Bench;

/// <summary>
/// One thing the install benchmark times: how it is installed and uninstalled (the arguments of one wine command
/// each), and the DLL custom actions whose success its verified cycle checks in the install log (none for some).
/// </summary>
internal sealed record Kind(string Name, string Label, string[] Install, string[] Uninstall, IReadOnlyList<string> DllActions, bool IsMsi)
{
    public static Kind Msi(string name, string label, string windowsPath, string partnerId, IReadOnlyList<string> dllActions) =>
        new(name, label, ["msiexec", "/i", windowsPath, "/qn", $"PARTNERID={partnerId}"], ["msiexec", "/x", windowsPath, "/qn"], dllActions, IsMsi: true);

    /// <summary>The value written and deleted with reg.exe: no Windows Installer at all.</summary>
    public static Kind Reg(string partnerId) => new(
        "reg",
        "reg add / reg delete",
        ["reg", "add", MachineRegistry.MsoKey, "/v", MachineRegistry.PartnerValue, "/t", "REG_SZ", "/d", partnerId, "/f", "/reg:64"],
        ["reg", "delete", MachineRegistry.MsoKey, "/v", MachineRegistry.PartnerValue, "/f", "/reg:64"],
        [],
        IsMsi: false);

    /// <summary>The immediate DLL custom actions (type 1, not in the script) of a package's CustomAction table.</summary>
    public static IReadOnlyList<string> ImmediateDllActions(string msi) =>
        MsiTables.Read(msi, "CustomAction")
            .Where(row => int.TryParse(row[1], out var type) && (type & 0x3F) == 1 && (type & 0x400) == 0)
            .Select(row => row[0])
            .ToList();
}
