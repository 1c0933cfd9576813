// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Msi;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The PorSetup packages that really exist in a fleet, each a package of its own: the shipped en-US build, the
/// French build, two stamped copies, an older and a newer version; and the shipped build with a transform that
/// `porsetup transform` made (the same package, given TRANSFORMS=). Built (or stamped) once per test run.
/// </summary>
public enum FleetPackage
{
    EnUs,
    FrFr,
    StampedA,
    StampedB,
    Older,
    Newer,
    Transformed,
}

/// <summary>Where the packages of <see cref="FleetPackage"/> are, and the IDs stamped into the stamped ones.</summary>
public static class Fleet
{
    public const string StampedAId = "2222222";
    public const string StampedBId = "3333333";

    /// <summary>The Partner ID the transform of <see cref="FleetPackage.Transformed"/> gives.</summary>
    public const string TransformId = "4444444";

    private static readonly Lazy<string> StampFolder = new(() => TestWorkspace.NewFolder("stamped"));
    private static readonly Lazy<string> StampedA = new(() => Stamp(StampedAId));
    private static readonly Lazy<string> StampedB = new(() => Stamp(StampedBId));
    private static readonly Lazy<string> TransformFile = new(MakeTransform);

    public static string Msi(FleetPackage package) => package switch
    {
        FleetPackage.EnUs => TestPackages.Shipped,
        FleetPackage.FrFr => TestPackages.InCulture("fr-FR"),
        FleetPackage.StampedA => StampedA.Value,
        FleetPackage.StampedB => StampedB.Value,
        FleetPackage.Older => TestPackages.AtVersion("0.9.0"),
        FleetPackage.Newer => TestPackages.AtVersion("9.0.0"),
        FleetPackage.Transformed => TestPackages.Shipped,
        _ => throw new ArgumentOutOfRangeException(nameof(package)),
    };

    /// <summary>The transform (.mst) msiexec is given with the package, or null.</summary>
    public static string? Transform(FleetPackage package) => package == FleetPackage.Transformed ? TransformFile.Value : null;

    /// <summary>The Property rows the package's transform sets, as Windows Installer applies them; empty without one.</summary>
    public static IReadOnlyDictionary<string, string> TransformProperties(FleetPackage package) =>
        Transform(package) is { } mst
            ? MsiTransformReader.Read(mst).Rows.Where(r => r.Table == "Property").ToDictionary(r => (string)r.Values[0]!, r => (string)r.Values[1]!)
            : new Dictionary<string, string>();

    /// <summary>The fleet package (MSI file) with this ProductCode.</summary>
    public static string MsiOfProduct(string productCode) =>
        Enum.GetValues<FleetPackage>().Select(Msi).Distinct().Single(msi => InstalledProducts.ProductCode(msi) == productCode);

    private static string MakeTransform()
    {
        var output = Path.Combine(StampFolder.Value, $"PartnerId-{TransformId}.mst");
        var result = PorSetupTool.Run("transform", TestPackages.Shipped, "--partner-id", TransformId, "--output", output);
        return result.ExitCode == 0 ? output : throw new InvalidOperationException($"porsetup transform failed: {result.StandardError}");
    }

    private static string Stamp(string id)
    {
        var output = Path.Combine(StampFolder.Value, $"PorSetup-{id}.msi");
        var result = PorSetupTool.Run("stamp", TestPackages.Shipped, "--partner-id", id, "--output", output);
        return result.ExitCode == 0 ? output : throw new InvalidOperationException($"porsetup stamp failed: {result.StandardError}");
    }
}
