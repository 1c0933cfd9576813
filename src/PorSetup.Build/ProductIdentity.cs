// Copyright (c) PorSetup contributors. MIT licensed.

using System.Reflection;

namespace PorSetup.Build;

/// <summary>
/// The product's name, manufacturer and version, as Directory.Build.props stamped them into this assembly:
/// the one place they are written, for the Linux build as for the Windows one.
/// </summary>
public static class ProductIdentity
{
    private static readonly Assembly Self = typeof(ProductIdentity).Assembly;

    public static string Name => Self.GetCustomAttribute<AssemblyProductAttribute>()!.Product;

    public static string Manufacturer => Self.GetCustomAttribute<AssemblyCompanyAttribute>()!.Company;

    public static string Version => Self.GetName().Version!.ToString(3);

    /// <summary>The preprocessor variables Package.wxs expects.</summary>
    public static Dictionary<string, string> Defines(string customActionDll, string? version = null) => new()
    {
        ["ProductName"] = Name,
        ["Manufacturer"] = Manufacturer,
        ["ProductVersion"] = version ?? Version,
        ["CustomActionDll"] = customActionDll,
    };
}
