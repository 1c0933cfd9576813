// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The PorSetup packages that really exist in a fleet, each a package of its own: the shipped en-US build, the
/// French build, two stamped copies, an older and a newer version. Built (or stamped) once per test run.
/// </summary>
public enum FleetPackage
{
    EnUs,
    FrFr,
    StampedA,
    StampedB,
    Older,
    Newer,
}

/// <summary>Where the packages of <see cref="FleetPackage"/> are, and the IDs stamped into the stamped ones.</summary>
public static class Fleet
{
    public const string StampedAId = "2222222";
    public const string StampedBId = "3333333";

    private static readonly Lazy<string> StampFolder = new(() => TestWorkspace.NewFolder("stamped"));
    private static readonly Lazy<string> StampedA = new(() => Stamp(StampedAId));
    private static readonly Lazy<string> StampedB = new(() => Stamp(StampedBId));

    public static string Msi(FleetPackage package) => package switch
    {
        FleetPackage.EnUs => TestPackages.Shipped,
        FleetPackage.FrFr => TestPackages.InCulture("fr-FR"),
        FleetPackage.StampedA => StampedA.Value,
        FleetPackage.StampedB => StampedB.Value,
        FleetPackage.Older => TestPackages.AtVersion("0.9.0"),
        FleetPackage.Newer => TestPackages.AtVersion("9.0.0"),
        _ => throw new ArgumentOutOfRangeException(nameof(package)),
    };

    /// <summary>The fleet package with this ProductCode.</summary>
    public static string MsiOfProduct(string productCode) =>
        Enum.GetValues<FleetPackage>().Select(Msi).Single(msi => InstalledProducts.ProductCode(msi) == productCode);

    private static string Stamp(string id)
    {
        var output = Path.Combine(StampFolder.Value, $"PorSetup-{id}.msi");
        var result = PorSetupTool.Run("stamp", TestPackages.Shipped, "--partner-id", id, "--output", output);
        return result.ExitCode == 0 ? output : throw new InvalidOperationException($"porsetup stamp failed: {result.StandardError}");
    }
}
