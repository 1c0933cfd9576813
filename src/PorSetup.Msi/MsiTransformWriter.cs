// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>
/// Writes a transform (.mst) that sets properties of a package, for
/// <c>msiexec /i package.msi TRANSFORMS=file.mst</c>. Windows Installer could generate it
/// (MsiDatabaseGenerateTransform), but Wine's is a stub and msitools has none.
/// </summary>
public static class MsiTransformWriter
{
    /// <summary>
    /// Validation: UpgradeCode only. No ProductCode check (each build and each major upgrade gets a new one),
    /// no version check, so an administrator's transform keeps applying to later versions of the same product,
    /// and no language check, so one transform serves every culture's build (their major upgrades ignore the
    /// language too). Errors ignored: rows already there or missing, tables, code page; a later version may or
    /// may not define the property, and the transform must not make the install fail for that.
    /// High word 0x0800 (upgrade code), low word 0x003F.
    /// </summary>
    public const MsiTransformFlags DefaultFlags =
        MsiTransformFlags.IgnoreAddExistingRow | MsiTransformFlags.IgnoreDeleteMissingRow
        | MsiTransformFlags.IgnoreAddExistingTable | MsiTransformFlags.IgnoreDeleteMissingTable
        | MsiTransformFlags.IgnoreUpdateMissingRow | MsiTransformFlags.IgnoreChangeCodePage
        | MsiTransformFlags.ValidateUpgradeCode;

    /// <summary>
    /// Writes a transform from <paramref name="baseMsi"/> that inserts each property, or updates its value
    /// when the base package already has the row.
    /// </summary>
    public static void WriteTransform(string baseMsi, string outputMst, IReadOnlyDictionary<string, string> properties, MsiTransformFlags flags = DefaultFlags)
    {
        ArgumentNullException.ThrowIfNull(baseMsi);
        ArgumentNullException.ThrowIfNull(outputMst);
        PropertyTable.CheckProperties(properties);

        var database = MsiDatabase.Open(baseMsi);
        var columns = PropertyTable.CheckLayout(database);
        var existing = PropertyTable.Read(database);
        var baseSummary = database.ReadSummaryInformation();

        if (!existing.ContainsKey("UpgradeCode"))
        {
            // Nothing to validate against: without this the transform would never apply.
            flags &= ~MsiTransformFlags.ValidateUpgradeCode;
        }

        var strings = new MsiStringPool(database.Strings.CodePage);
        using var records = new MemoryStream();
        foreach (var (name, value) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // An existing row is updated even when its value is the same, so that the transform still sets
            // the value on a later package whose default differs.
            var mask = existing.ContainsKey(name) ? 1 << 1 : MsiTransformCodec.InsertMask(columns.Count);
            var values = new[] { (uint)strings.AddReference(name), (uint)strings.AddReference(value) };
            MsiTransformCodec.WriteRecord(records, mask, values, columns, strings.ReferenceSize);
        }

        var root = new CompoundStorage(CfbConstants.RootName) { Clsid = CompoundFile.TransformClsid };
        var (pool, data) = strings.Write();
        root.SetStream(MsiStreamName.Encode("_StringPool", table: true), pool);
        root.SetStream(MsiStreamName.Encode("_StringData", table: true), data);
        root.SetStream(MsiStreamName.Encode(PropertyTable.Name, table: true), records.ToArray());
        root.SetStream(MsiDatabase.SummaryInformationStream, BuildSummary(baseSummary, existing, flags).ToBytes());
        CompoundFile.Write(root, outputMst);
    }

    private static SummaryInformation BuildSummary(SummaryInformation baseSummary, Dictionary<string, string> baseProperties, MsiTransformFlags flags)
    {
        var summary = new SummaryInformation();
        summary.CopyFrom(baseSummary, SummaryPropertyId.CodePage);
        summary.SetString(SummaryPropertyId.Title, "Transform");
        foreach (var id in new[] { SummaryPropertyId.Subject, SummaryPropertyId.Author, SummaryPropertyId.Keywords, SummaryPropertyId.Comments })
        {
            summary.CopyFrom(baseSummary, id);
        }

        // Base and new package differ only in Property rows: same platform, language and codes on both sides.
        var template = baseSummary.GetString(SummaryPropertyId.Template) ?? "";
        summary.SetString(SummaryPropertyId.Template, template);
        summary.SetString(SummaryPropertyId.LastAuthor, template);

        var product = baseProperties.GetValueOrDefault("ProductCode", "") + baseProperties.GetValueOrDefault("ProductVersion", "");
        summary.SetString(SummaryPropertyId.RevisionNumber, $"{product};{product};{baseProperties.GetValueOrDefault("UpgradeCode", "")}");

        var now = DateTime.UtcNow;
        summary.SetFileTime(SummaryPropertyId.CreateTime, now);
        summary.SetFileTime(SummaryPropertyId.LastSaveTime, now);
        summary.SetInteger(SummaryPropertyId.PageCount, baseSummary.GetInteger(SummaryPropertyId.PageCount) ?? 200);
        summary.SetInteger(SummaryPropertyId.CharacterCount, unchecked((int)flags));
        summary.SetString(SummaryPropertyId.CreatingApplication, "PorSetup " + typeof(MsiTransformWriter).Assembly.GetName().Version?.ToString(3));
        summary.SetInteger(SummaryPropertyId.Security, baseSummary.GetInteger(SummaryPropertyId.Security) ?? 2);
        return summary;
    }
}
