// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Msi;

namespace PorSetup.Cli.Commands;

/// <summary>What inspect shows of an MSI package: its Partner ID properties first, then its identity.</summary>
internal static class PackageReport
{
    private const string NotSet = "(not set)";

    private static readonly string[] Identity = ["ProductName", "ProductVersion", "Manufacturer", "ProductCode", "UpgradeCode", "ProductLanguage"];

    public static IReadOnlyList<string> Lines(InstallerFile package)
    {
        var properties = package.Read(() => MsiProperties.Read(package.Path));
        var packageCode = package.Read(() => MsiProperties.ReadSummaryInformation(package.Path).GetString(SummaryPropertyId.RevisionNumber));

        var lines = new List<string>
        {
            $"{package.Path}: MSI package",
            $"{PackageProperties.PartnerId}: {properties.GetValueOrDefault(PackageProperties.PartnerId, NotSet)}",
        };
        if (properties.TryGetValue(PackageProperties.StampedPartnerId, out var stamped))
        {
            lines.Add($"Stamped Partner ID ({PackageProperties.StampedPartnerId}): {stamped}");
        }

        lines.AddRange(Identity.Select(name => $"{name}: {properties.GetValueOrDefault(name, NotSet)}"));
        lines.Add($"PackageCode: {packageCode ?? NotSet}");
        return lines;
    }
}
