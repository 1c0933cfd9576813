// Copyright (c) PorSetup contributors. MIT licensed.

using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PorSetup.Build.Tests;

/// <summary>
/// installer/Package.wxs and <see cref="PackageProperties"/> name the same properties: every property the package
/// defines, sets or reads is one of its constants, one of Windows Installer's or WiX's own, or a deferred action's
/// CustomActionData; and every constant is used by the package.
/// </summary>
public sealed partial class PackagePropertiesTests
{
    // Windows Installer's and WiX's own properties the package reads or sets, and the condition keywords.
    private static readonly HashSet<string> Standard =
    [
        "AdminUser", "ALLUSERS", "ARPCOMMENTS", "ARPNOMODIFY", "Installed", "MSIUSEREALADMINDETECTION",
        "ProductName", "ProductState", "REINSTALL", "REINSTALLMODE", "REMOVE", "UPGRADINGPRODUCTCODE",
        "WIX_DOWNGRADE_DETECTED", "WIX_UPGRADE_DETECTED", "AND", "OR", "NOT", "ALL",
    ];

    [Fact]
    public void ThePackage_NamesOnlyTheSharedProperties_AndUsesEachOfThem()
    {
        var source = XDocument.Load(RepositoryFiles.PackageSource);
        var actions = source.Descendants(WixNamespaces.Wxs + "CustomAction").ToList();
        var deferredData = actions.Where(a => (string?)a.Attribute("Execute") is "deferred" or "rollback").Select(a => (string)a.Attribute("Id")!);
        var named = source.Descendants(WixNamespaces.Wxs + "Property").Select(p => (string)p.Attribute("Id")!)
            .Concat(actions.Select(a => (string?)a.Attribute("Property")).OfType<string>())
            .Concat(actions.Select(a => (string?)a.Attribute("Value")).OfType<string>().SelectMany(v => Reference().Matches(v).Select(m => m.Groups[1].Value)))
            .Concat(source.Descendants(WixNamespaces.Wxs + "Custom").SelectMany(c => Word().Matches((string?)c.Attribute("Condition") ?? string.Empty).Select(m => m.Value)))
            .Concat(source.Descendants(WixNamespaces.Wxs + "Component").SelectMany(c => Word().Matches((string?)c.Attribute("Condition") ?? string.Empty).Select(m => m.Value)))
            .Concat(source.Descendants(WixNamespaces.Wxs + "RegistryValue").SelectMany(r => Reference().Matches((string)r.Attribute("Value")!).Select(m => m.Groups[1].Value)))
            .ToHashSet(StringComparer.Ordinal);
        var shared = typeof(PackageProperties).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(named.Except(shared).Except(Standard).Except(deferredData).Order(StringComparer.Ordinal));
        Assert.Empty(shared.Except(named).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"\[([A-Za-z_][A-Za-z0-9_.]*)\]")]
    private static partial Regex Reference();

    // Names in a condition: words that are not inside a quoted string and not numbers.
    [GeneratedRegex(@"(?<![""\w])[A-Za-z_][A-Za-z0-9_]*(?![\w""])")]
    private static partial Regex Word();
}
