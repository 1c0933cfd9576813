// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PorSetup.Build;

/// <summary>
/// One .wxl file. wixl has no localization option, so the Linux build resolves !(loc.Id) references itself,
/// exactly as WiX's binder does on Windows.
/// </summary>
public sealed partial class WixLocalization
{
    private readonly IReadOnlyDictionary<string, string> strings;

    private WixLocalization(string culture, int? codepage, IReadOnlyDictionary<string, string> strings)
    {
        this.Culture = culture;
        this.Codepage = codepage;
        this.strings = strings;
    }

    public string Culture { get; }

    public int? Codepage { get; }

    public static WixLocalization Load(string path)
    {
        var root = XDocument.Load(path).Root
            ?? throw new InvalidDataException($"{path}: empty localization file.");
        if (root.Name != WixNamespaces.Wxl + "WixLocalization")
        {
            throw new InvalidDataException($"{path}: expected a WixLocalization element in {WixNamespaces.Wxl}.");
        }

        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in root.Elements(WixNamespaces.Wxl + "String"))
        {
            var id = (string?)s.Attribute("Id") ?? throw new InvalidDataException($"{path}: a String has no Id.");
            if (!strings.TryAdd(id, (string?)s.Attribute("Value") ?? s.Value))
            {
                throw new InvalidDataException($"{path}: string '{id}' is defined twice.");
            }
        }

        var codepage = (string?)root.Attribute("Codepage");
        return new WixLocalization(
            (string?)root.Attribute("Culture") ?? string.Empty,
            codepage is null ? null : int.Parse(codepage, CultureInfo.InvariantCulture),
            strings);
    }

    /// <summary>Finds the .wxl for a culture (e.g. "fr-FR") among the files of a folder.</summary>
    public static WixLocalization ForCulture(string folder, string culture)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.wxl"))
        {
            var localization = Load(file);
            if (string.Equals(localization.Culture, culture, StringComparison.OrdinalIgnoreCase))
            {
                return localization;
            }
        }

        throw new InvalidDataException($"No .wxl file for culture '{culture}' in {folder}.");
    }

    /// <summary>Replaces every !(loc.Id) in a value; an unknown Id is an error, as it is for WiX.</summary>
    public string Resolve(string value) => LocReference().Replace(value, m =>
        this.strings.TryGetValue(m.Groups[1].Value, out var text)
            ? text
            : throw new InvalidDataException($"Localization string '{m.Groups[1].Value}' is not defined for culture '{this.Culture}'."));

    [GeneratedRegex(@"!\(loc\.([A-Za-z0-9_.]+)\)")]
    private static partial Regex LocReference();
}
