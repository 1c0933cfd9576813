// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build;

/// <summary>
/// Translates a WiX v4+ package source into the WiX v3 subset that wixl reads, resolving localization on the
/// way. Only the elements PorSetup uses are known; anything else is refused rather than silently dropped, so
/// the Linux build never produces a package that differs from the Windows one without saying so. What wixl drops
/// or gets wrong is left to the class of its element, which also writes it into wixl's database afterwards
/// (<see cref="DatabaseFixups"/>): the translation asks it what to leave out or rewrite.
/// </summary>
public static class WixlTranslator
{
    private static readonly XNamespace V4 = WixNamespaces.Wxs;
    private static readonly XNamespace V3 = WixNamespaces.WixlV3;

    // Elements copied as they are (with the attribute renames below); everything else under Package is refused.
    private static readonly HashSet<string> PassThrough =
    [
        "MajorUpgrade", "Property", "RegistrySearch", "Binary", "CustomAction",
        "InstallUISequence", "InstallExecuteSequence", "Custom", "RegistryKey", "RegistryValue",
    ];

    public static XDocument Translate(XDocument source, WixLocalization localization)
    {
        var package = source.Root?.Element(V4 + "Package")
            ?? throw new InvalidDataException("The source has no Wix/Package element (WiX v4 schema).");

        var product = new XElement(V3 + "Product",
            new XAttribute("Id", (string?)package.Attribute("ProductCode") ?? "*"),
            Copy(package, localization, "Name", "Manufacturer", "Version", "UpgradeCode", "Language"));
        DatabaseCodepage.From(source, localization).Translate(product);

        product.Add(TranslatePackageElement(package, localization));

        var targetDir = new XElement(V3 + "Directory", new XAttribute("Id", "TARGETDIR"), new XAttribute("Name", "SourceDir"));
        foreach (var child in package.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "SummaryInformation":
                    break;
                case "Property" when PropertyFlags.IsDeclarationOnly(child):
                    // Declared only to be Secure or Hidden: WiX writes no Property row, and neither does wixl.
                    break;
                case "CustomAction" when ErrorActions.Applies(child):
                    product.Add(ErrorActions.Translate(child, localization));
                    break;
                case "Feature":
                    product.Add(TranslateFeature(child, localization, targetDir));
                    break;
                case "InstallUISequence" or "InstallExecuteSequence" when child.Elements().All(SuppressedActions.Applies):
                    // Nothing left for wixl once the suppressed actions are out; SuppressedActions deletes their rows.
                    break;
                default:
                    product.Add(TranslateElement(child, localization));
                    break;
            }
        }

        if (targetDir.HasElements)
        {
            product.Add(targetDir);
        }

        return new XDocument(new XElement(V3 + "Wix", product));
    }

    // v4 splits what v3 kept on Package between Package and SummaryInformation.
    private static XElement TranslatePackageElement(XElement package, WixLocalization localization)
    {
        var summary = package.Element(V4 + "SummaryInformation");
        var result = new XElement(V3 + "Package",
            Copy(package, localization, "InstallerVersion", "Compressed"),
            new XAttribute("InstallScope", (string?)package.Attribute("Scope") ?? "perMachine"));
        if (summary is not null)
        {
            result.Add(Copy(summary, localization, "Description", "Manufacturer", "Comments", "Keywords"));
        }

        return result;
    }

    // v4 lets a component live in its feature; v3 wants it under a Directory and referenced from the feature.
    private static XElement TranslateFeature(XElement feature, WixLocalization localization, XElement targetDir)
    {
        var result = new XElement(V3 + "Feature", Copy(feature, localization, "Id", "Title", "Description", "Level"));
        foreach (var child in feature.Elements())
        {
            if (child.Name != V4 + "Component")
            {
                throw Unsupported(child);
            }

            var directory = (string?)child.Attribute("Directory") ?? "TARGETDIR";
            if (directory != "TARGETDIR")
            {
                throw new NotSupportedException($"Component '{(string?)child.Attribute("Id")}': only Directory=\"TARGETDIR\" is supported by the Linux build.");
            }

            targetDir.Add(TranslateComponent(child, localization));
            result.Add(new XElement(V3 + "ComponentRef", new XAttribute("Id", (string)child.Attribute("Id")!)));
        }

        return result;
    }

    private static XElement TranslateComponent(XElement component, WixLocalization localization)
    {
        var result = new XElement(V3 + "Component", Copy(component, localization, "Id", "Guid", "Permanent", "NeverOverwrite", "KeyPath"));
        AddBitness(component, result);

        // wixl has no component conditions: ComponentConditions writes Component/@Condition into the table.

        result.Add(component.Elements().Select(e => TranslateElement(e, localization)));
        return result;
    }

    private static XElement TranslateElement(XElement element, WixLocalization localization)
    {
        var name = element.Name.LocalName;
        if (element.Name.Namespace != V4 || !PassThrough.Contains(name))
        {
            throw Unsupported(element);
        }

        var result = new XElement(V3 + name);
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            var value = localization.Resolve(attribute.Value);
            switch ((name, attribute.Name.LocalName))
            {
                case (_, "Bitness"):
                    AddBitness(element, result);
                    break;
                case ("Property", var flag) when PropertyFlags.IsDropped(flag):
                    // wixl ignores these; PropertyFlags writes SecureCustomProperties and MsiHiddenProperties itself.
                    break;
                case ("CustomAction", "BinaryRef"):
                    result.Add(new XAttribute("BinaryKey", value));
                    break;
                case ("Custom", "Condition"):
                    result.Add(value);
                    break;
                default:
                    result.Add(new XAttribute(attribute.Name.LocalName, value));
                    break;
            }
        }

        // WiX impersonates unless told otherwise; wixl does the reverse, so say it explicitly.
        if (name == "CustomAction" && element.Attribute("Impersonate") is null)
        {
            result.Add(new XAttribute("Impersonate", "yes"));
        }

        result.Add(element.Elements().Where(e => !SuppressedActions.Applies(e)).Select(e => TranslateElement(e, localization)));
        return result;
    }

    private static void AddBitness(XElement source, XElement target)
    {
        switch ((string?)source.Attribute("Bitness"))
        {
            case "always64":
                target.Add(new XAttribute("Win64", "yes"));
                break;
            case "always32":
                target.Add(new XAttribute("Win64", "no"));
                break;
        }
    }

    private static IEnumerable<XAttribute> Copy(XElement source, WixLocalization localization, params string[] names) =>
        names.Select(n => source.Attribute(n)).OfType<XAttribute>()
            .Select(a => new XAttribute(a.Name.LocalName, localization.Resolve(a.Value)));

    internal static NotSupportedException Unsupported(XElement element) =>
        new($"<{element.Name.LocalName}> (line {((System.Xml.IXmlLineInfo)element).LineNumber}) is not supported by the Linux build (wixl); extend WixlTranslator or build on Windows.");
}
