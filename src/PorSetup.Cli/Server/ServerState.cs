// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.Versioning;

namespace PorSetup.Cli.Server;

/// <summary>What `porsetup status` reports: the Partner value, the PorSetup products, and what PorSetup's key remembers.</summary>
/// <param name="Partner">The Partner value, or null when there is none.</param>
/// <param name="InstalledPartner">HKLM\SOFTWARE\PorSetup InstalledPartner: the ID PorSetup installed (null when not recorded).</param>
/// <param name="PreviousPartner">HKLM\SOFTWARE\PorSetup PreviousPartner: what the last uninstall puts back (null: it deletes the value).</param>
/// <param name="Products">The installed products with PorSetup's UpgradeCode.</param>
/// <param name="GroupPolicyKnown">False when this system cannot say which products Group Policy manages (Wine).</param>
public sealed record ServerState(RegistryValueState? Partner, RegistryValueState? InstalledPartner, RegistryValueState? PreviousPartner, IReadOnlyList<InstalledProduct> Products, bool GroupPolicyKnown)
{
    [SupportedOSPlatform("windows")]
    public static ServerState Read()
    {
        var products = PorSetupProducts.Read(out var groupPolicyKnown);
        return new ServerState(
            ServerRegistry.Read(ServerRegistry.MsoKey, ServerRegistry.PartnerValue),
            ServerRegistry.Read(ServerRegistry.PorSetupKey, ServerRegistry.InstalledPartnerValue),
            ServerRegistry.Read(ServerRegistry.PorSetupKey, ServerRegistry.PreviousPartnerValue),
            products,
            groupPolicyKnown);
    }
}
