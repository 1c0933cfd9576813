// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Msi;

namespace PorSetup.Cli.Commands;

/// <summary>
/// What inspect shows of a transform: the properties it sets, the Partner ID first (TransformPartnerId, then
/// PARTNERID, which transforms of earlier porsetup versions set), then the package it was made from and the checks
/// Windows Installer makes before applying it.
/// </summary>
internal static class TransformReport
{
    // A ProductCode in braces, as the transform's summary writes it before the product version.
    private const int GuidLength = 38;

    public static IReadOnlyList<string> Lines(InstallerFile transform)
    {
        var content = transform.Read(() => MsiTransformReader.Read(transform.Path));

        var properties = content.Rows.Where(r => r.Table == "Property" && r.Values[0] is string).ToList();
        var lines = new List<string>
        {
            $"{transform.Path}: transform (.mst)",
            $"Partner ID ({PackageProperties.TransformPartnerId}): {What(properties, PackageProperties.TransformPartnerId)}",
        };
        foreach (var (name, label) in new[] { (PackageProperties.PartnerId, PackageProperties.PartnerId), (PackageProperties.StampedPartnerId, $"Stamped Partner ID ({PackageProperties.StampedPartnerId})") })
        {
            if (properties.Any(r => Name(r) == name))
            {
                lines.Add($"{label}: {What(properties, name)}");
            }
        }

        string[] partnerIds = [PackageProperties.TransformPartnerId, PackageProperties.PartnerId, PackageProperties.StampedPartnerId];
        var others = properties.Where(r => !partnerIds.Contains(Name(r))).ToList();
        if (others.Count > 0)
        {
            lines.Add($"Other properties: {string.Join(", ", others.Select(r => $"{Name(r)} {What(others, Name(r))}"))}");
        }

        var otherTables = content.Tables.Where(t => t != "Property").ToList();
        if (otherTables.Count > 0)
        {
            lines.Add($"Also changes the tables: {string.Join(", ", otherTables)}");
        }

        if (BasePackage(content.Summary.GetString(SummaryPropertyId.RevisionNumber)) is { } basePackage)
        {
            lines.Add($"Made from: {basePackage}");
        }

        lines.Add(Checks(content.Flags));
        return lines;
    }

    private static string Name(MsiTransformRow row) => (string)row.Values[0]!;

    private static string What(IEnumerable<MsiTransformRow> rows, string name) =>
        rows.LastOrDefault(r => Name(r) == name) switch
        {
            null => "(not set by the transform)",
            { Operation: MsiTransformOperation.Delete } => "(removed by the transform)",
            var row => $"{row.Values[1]} (set by the transform)",
        };

    // "{ProductCode}version;{ProductCode}version;{UpgradeCode}": the base package, then the package the transform makes.
    private static string? BasePackage(string? revision)
    {
        var parts = revision?.Split(';') ?? [];
        if (parts.Length < 3 || parts[0].Length < GuidLength)
        {
            return null;
        }

        return $"ProductCode {parts[0][..GuidLength]}, ProductVersion {parts[0][GuidLength..]}, UpgradeCode {parts[2]}";
    }

    private static string Checks(MsiTransformFlags flags)
    {
        var checks = new List<string>();
        if (flags.HasFlag(MsiTransformFlags.ValidateUpgradeCode))
        {
            checks.Add("UpgradeCode");
        }

        if (flags.HasFlag(MsiTransformFlags.ValidateProduct))
        {
            checks.Add("ProductCode");
        }

        if (flags.HasFlag(MsiTransformFlags.ValidateLanguage))
        {
            checks.Add("language");
        }

        if (flags.HasFlag(MsiTransformFlags.ValidatePlatform))
        {
            checks.Add("platform");
        }

        const MsiTransformFlags versions = MsiTransformFlags.ValidateMajorVersion | MsiTransformFlags.ValidateMinorVersion | MsiTransformFlags.ValidateUpdateVersion;
        if ((flags & versions) != 0)
        {
            checks.Add("version");
        }

        return checks.Count == 0 ? "Applies to: any package (no checks)" : $"Applies only to a package with the same: {string.Join(", ", checks)}";
    }
}
