// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;

namespace PorSetup.Msi;

/// <summary>
/// Makes a pre-stamped package: a copy with properties written into the Property table, for
/// deployments (Group Policy software installation) that cannot pass properties on a command line.
/// </summary>
public static class MsiStamper
{
    private const string ProductCodeProperty = "ProductCode";

    private static readonly string[] SignatureStreams = ["\u0005DigitalSignature", "\u0005MsiDigitalSignatureEx"];

    /// <summary>
    /// Copies <paramref name="inputMsi"/> to <paramref name="outputMsi"/> with each property inserted or
    /// updated, a new PackageCode (a package that differs must not share its code with the original) and a new
    /// ProductCode: with the original's, Windows refuses the copy where the original is installed (1638); with its
    /// own, the copy is another product that replaces the installed one by a major upgrade.
    /// Every other stream, storage and summary property is kept, except a digital signature, which no
    /// longer matches the content (sign the stamped copy again if it must be signed).
    /// </summary>
    /// <returns>The copy's new codes.</returns>
    public static StampedCodes Stamp(string inputMsi, string outputMsi, IReadOnlyDictionary<string, string> properties)
    {
        ArgumentNullException.ThrowIfNull(inputMsi);
        ArgumentNullException.ThrowIfNull(outputMsi);
        PropertyTable.CheckProperties(properties);
        if (properties.ContainsKey(ProductCodeProperty))
        {
            throw new ArgumentException("The ProductCode of a stamped copy is always a new one.", nameof(properties));
        }

        var productCode = Guid.NewGuid();
        properties = new Dictionary<string, string>(properties) { [ProductCodeProperty] = FormatGuid(productCode) };

        var database = MsiDatabase.Open(inputMsi);
        PropertyTable.CheckLayout(database);
        var strings = database.Strings;
        var rows = database.ReadRawRows(PropertyTable.Name);
        foreach (var (name, value) in properties)
        {
            var keyId = strings.Find(name);
            var row = keyId == 0 ? null : rows.Find(r => r[0] == keyId);
            if (row is not null)
            {
                if (strings[(int)row[1]] != value)
                {
                    strings.RemoveReference((int)row[1]);
                    row[1] = (uint)strings.AddReference(value);
                }

                continue;
            }

            var newRow = new[] { (uint)strings.AddReference(name), (uint)strings.AddReference(value) };

            // Rows stay sorted by key string id, the order Windows Installer and Wine keep them in.
            var index = rows.FindIndex(r => r[0] > newRow[0]);
            rows.Insert(index < 0 ? rows.Count : index, newRow);
        }

        database.WriteRawRows(PropertyTable.Name, rows);

        // An Authenticode signature covers the old content: kept, it would only be a broken one. Re-sign the copy instead.
        foreach (var name in SignatureStreams)
        {
            if (database.Storage.FindStream(name) is { } signature)
            {
                database.Storage.Streams.Remove(signature);
            }
        }

        var packageCode = Guid.NewGuid();
        var summary = database.ReadSummaryInformation();
        summary.SetString(SummaryPropertyId.RevisionNumber, FormatGuid(packageCode));
        database.WriteSummaryInformation(summary);

        database.Save(outputMsi);
        return new StampedCodes(packageCode, productCode);
    }

    /// <summary>Windows Installer's GUID form: braces, upper case.</summary>
    internal static string FormatGuid(Guid guid) => guid.ToString("B", CultureInfo.InvariantCulture).ToUpperInvariant();
}
