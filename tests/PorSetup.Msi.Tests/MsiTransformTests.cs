// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi.Tests;

public class MsiTransformTests
{
    private static readonly Dictionary<string, string> Partner = new() { ["PARTNERID"] = "7654321" };

    [MsitoolsFact]
    public void WriteTransform_NewProperty_InsertsRow()
    {
        using var scratch = new ScratchDirectory();
        var msi = TestPackage.Build(scratch);
        var mst = scratch.File("partner.mst");

        MsiTransformWriter.WriteTransform(msi, mst, Partner);

        var transform = MsiTransformReader.Read(mst, msi);
        Assert.Equal(CompoundFile.TransformClsid, transform.Clsid);
        Assert.Equal(["Property"], transform.Tables);
        var row = Assert.Single(transform.Rows);
        Assert.Equal(MsiTransformOperation.Insert, row.Operation);
        Assert.Equal(0x0201, row.Mask);
        Assert.Equal(["PARTNERID", "7654321"], row.Values);
    }

    [MsitoolsFact]
    public void WriteTransform_ExistingProperty_UpdatesValueOnly()
    {
        using var scratch = new ScratchDirectory();
        var msi = TestPackage.Build(scratch, partnerId: "1111111");
        var mst = scratch.File("partner.mst");

        MsiTransformWriter.WriteTransform(msi, mst, Partner);

        var row = Assert.Single(MsiTransformReader.Read(mst, msi).Rows);
        Assert.Equal(MsiTransformOperation.Update, row.Operation);
        Assert.Equal(0x0002, row.Mask);
        Assert.Equal(["PARTNERID", "7654321"], row.Values);
    }

    [MsitoolsFact]
    public void Read_WithoutTheBasePackage_DecodesThePropertyRows()
    {
        using var scratch = new ScratchDirectory();
        var msi = TestPackage.Build(scratch, partnerId: "1111111");
        var mst = scratch.File("partner.mst");
        MsiTransformWriter.WriteTransform(msi, mst, new Dictionary<string, string> { ["PARTNERID"] = "7654321", ["OTHER"] = "x" });

        var alone = MsiTransformReader.Read(mst);
        var withBase = MsiTransformReader.Read(mst, msi);

        Assert.Equal(["Property"], alone.Tables);
        Assert.Equal(withBase.Rows.Select(r => (r.Operation, string.Join('=', r.Values))), alone.Rows.Select(r => (r.Operation, string.Join('=', r.Values))));
        Assert.Equal(2, alone.Rows.Count);
    }

    [MsitoolsFact]
    public void WriteTransform_HasTheStreamsAndSummaryWindowsInstallerExpects()
    {
        using var scratch = new ScratchDirectory();
        var msi = TestPackage.Build(scratch);
        var mst = scratch.File("partner.mst");

        MsiTransformWriter.WriteTransform(msi, mst, Partner);

        var names = CompoundFile.Read(mst).Streams.Select(s => MsiStreamName.Decode(s.Name, out _)).Order(StringComparer.Ordinal);
        Assert.Equal(["\u0005SummaryInformation", "Property", "_StringData", "_StringPool"], names);

        var properties = MsiProperties.Read(msi);
        var baseSummary = MsiProperties.ReadSummaryInformation(msi);
        var summary = MsiTransformReader.Read(mst, msi).Summary;
        var product = properties["ProductCode"] + properties["ProductVersion"];
        Assert.Equal($"{product};{product};{TestPackage.UpgradeCode}", summary.GetString(SummaryPropertyId.RevisionNumber));
        Assert.Equal("x64;1033", summary.GetString(SummaryPropertyId.Template));
        Assert.Equal("x64;1033", summary.GetString(SummaryPropertyId.LastAuthor));
        Assert.Equal(baseSummary.GetInteger(SummaryPropertyId.PageCount), summary.GetInteger(SummaryPropertyId.PageCount));
        Assert.Equal(baseSummary.CodePage, summary.CodePage);
        Assert.Equal((int)MsiTransformWriter.DefaultFlags, summary.GetInteger(SummaryPropertyId.CharacterCount));
        Assert.Equal(0x0800, (int)MsiTransformWriter.DefaultFlags >>> 16); // the UpgradeCode only: no language, version or ProductCode

        // msitools reads the transform's summary as well.
        var info = MsiTables.ReadSummary(mst);
        Assert.Equal("Transform", info["Title"]);
        Assert.Equal("x64;1033", info["Last author"]);
    }
}
