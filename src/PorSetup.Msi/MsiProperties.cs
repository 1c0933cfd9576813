// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>Reads the Property table of a package (ProductCode, ProductVersion, UpgradeCode, ...).</summary>
public static class MsiProperties
{
    public static IReadOnlyDictionary<string, string> Read(string msiPath) => PropertyTable.Read(MsiDatabase.Open(msiPath));

    /// <summary>The package's summary information (PackageCode is <see cref="SummaryPropertyId.RevisionNumber"/>).</summary>
    public static SummaryInformation ReadSummaryInformation(string msiPath) => MsiDatabase.Open(msiPath).ReadSummaryInformation();
}
