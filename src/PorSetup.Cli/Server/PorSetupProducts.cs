// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.Versioning;

namespace PorSetup.Cli.Server;

/// <summary>
/// The PorSetup products Windows Installer knows on this computer: every product with PorSetup's UpgradeCode, whatever
/// package (a stamped copy, the French build, another version) installed it.
/// </summary>
public static unsafe class PorSetupProducts
{
    /// <summary>PorSetup's UpgradeCode, the same in every build, culture and stamped copy (installer/Package.wxs).</summary>
    public const string UpgradeCode = "{04642C1E-F2AA-4081-867C-BB71239DB337}";

    // LOCALMANAGEDAPPLICATION.dwState flags (appmgmt.h).
    private const uint LocalStateAssigned = 0x1;
    private const uint LocalStatePolicyRemoveUninstall = 0x10;

    // No computer has more; a count beyond it is not a list to walk.
    private const uint MaxManagedApplications = 100_000;

    /// <summary>The ProductCodes, in Windows Installer's order.</summary>
    [SupportedOSPlatform("windows")]
    public static IReadOnlyList<string> ProductCodes()
    {
        var codes = new List<string>();
        var buffer = stackalloc char[NativeMethods.GuidLength];
        for (uint index = 0; ; index++)
        {
            var result = NativeMethods.MsiEnumRelatedProducts(UpgradeCode, 0, index, buffer);
            if (result == NativeMethods.ErrorNoMoreItems)
            {
                return codes;
            }

            if (result != NativeMethods.ErrorSuccess)
            {
                throw new ServerProblemException($"Windows Installer could not list the products with PorSetup's UpgradeCode {UpgradeCode}: MsiEnumRelatedProducts returned {result}.");
            }

            codes.Add(new string(buffer));
        }
    }

    /// <summary>Each product with what Windows Installer registered for it, and the Group Policy deployment managing it.</summary>
    /// <param name="groupPolicyKnown">False when this system has no GetLocalManagedApplications (Wine): then no product shows one.</param>
    [SupportedOSPlatform("windows")]
    public static IReadOnlyList<InstalledProduct> Read(out bool groupPolicyKnown)
    {
        var managed = ManagedApplications();
        groupPolicyKnown = managed is not null;
        return [.. ProductCodes().Select(code => new InstalledProduct(
            code,
            ProductInfo(code, "VersionString"),
            ProductInfo(code, "PackageName"),
            ProductInfo(code, "Transforms") is { Length: > 0 } transforms ? transforms.Split(';', StringSplitOptions.RemoveEmptyEntries) : [],
            managed?.FirstOrDefault(m => string.Equals(m.ProductCode, code, StringComparison.OrdinalIgnoreCase)).Deployment))];
    }

    // MsiGetProductInfo with one of the INSTALLPROPERTY_* names; null when the product has no such property or it is
    // empty. A null buffer gives the length, without the terminating null.
    [SupportedOSPlatform("windows")]
    private static string? ProductInfo(string productCode, string property)
    {
        uint length = 0;
        var result = NativeMethods.MsiGetProductInfo(productCode, property, null, ref length);
        if (result is NativeMethods.ErrorUnknownProperty or NativeMethods.ErrorUnknownProduct || (result == NativeMethods.ErrorSuccess && length == 0))
        {
            return null;
        }

        if (result == NativeMethods.ErrorSuccess)
        {
            var buffer = new char[length + 1];
            length++;
            fixed (char* value = buffer)
            {
                result = NativeMethods.MsiGetProductInfo(productCode, property, value, ref length);
            }

            if (result == NativeMethods.ErrorSuccess && length < buffer.Length)
            {
                return new string(buffer, 0, (int)length);
            }
        }

        throw new ServerProblemException($"Windows Installer could not read {property} of {productCode}: MsiGetProductInfo returned {result}.");
    }

    // The computer's Group Policy managed applications; null when this Windows has no such function (Wine).
    // MsiIsProductElevated cannot tell: "an application installed per-machine is always considered managed".
    [SupportedOSPlatform("windows")]
    private static List<(string ProductCode, GroupPolicyDeployment Deployment)>? ManagedApplications()
    {
        uint count;
        NativeMethods.LocalManagedApplication* applications;
        try
        {
            var result = NativeMethods.GetLocalManagedApplications(0, out count, out applications);
            if (result != NativeMethods.ErrorSuccess)
            {
                throw new ServerProblemException($"Windows could not list the computer's Group Policy managed applications: GetLocalManagedApplications returned {result}.");
            }
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }

        try
        {
            if (count > MaxManagedApplications)
            {
                throw new ServerProblemException($"GetLocalManagedApplications returned {count} applications, more than any computer has.");
            }

            var list = new List<(string, GroupPolicyDeployment)>();
            for (var i = 0; i < count; i++)
            {
                var application = applications[i];
                list.Add((
                    new string(application.ProductId),
                    new GroupPolicyDeployment(
                        new string(application.PolicyName),
                        new string(application.DeploymentName),
                        (application.State & LocalStateAssigned) != 0,
                        (application.State & LocalStatePolicyRemoveUninstall) != 0)));
            }

            return list;
        }
        finally
        {
            NativeMethods.LocalFree(applications);
        }
    }
}
