// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>What a Windows server holds of PorSetup before msiexec runs, for <see cref="WindowsInstallerModel"/>.</summary>
/// <param name="Package">The package of the PorSetup product registered now (installed, or only advertised), or null.</param>
/// <param name="Partner">The Partner value, in Windows Installer's raw search form (## for a leading #), or null.</param>
/// <param name="Remembered">HKLM\SOFTWARE\PorSetup\PreviousPartner, the value before PorSetup, or null.</param>
/// <param name="Transform">The Property rows of the transform the product was installed or advertised with, if any.</param>
/// <param name="Advertised">The product is only advertised: Group Policy assigned it to the computer, which installs it
/// at the next startup.</param>
/// <param name="InstalledPartner">HKLM\SOFTWARE\PorSetup\InstalledPartner, the installed ID. Null: what an installed
/// product wrote, the Partner value at its install (<see cref="Partner"/>); empty: none (a PorSetup installed before the
/// value existed).</param>
public sealed record WindowsMachine(
    string? Package,
    string? Partner,
    string? Remembered = null,
    IReadOnlyDictionary<string, string>? Transform = null,
    bool Advertised = false,
    string? InstalledPartner = null)
{
    /// <summary>The installed ID the package's search finds, or null.</summary>
    public string? StoredInstalledPartner =>
        this.InstalledPartner ?? (this.Package is not null && !this.Advertised ? this.Partner : null);

    /// <summary>A server without PorSetup, with this Partner value (or none).</summary>
    public static WindowsMachine Without(string? partner = null) => new(null, partner);
}
