// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi.Tests;

public class MsiStamperTests
{
    private static readonly Dictionary<string, string> Partner = new() { ["PARTNERID"] = "1234567" };

    [MsitoolsFact]
    public void Stamp_AddsRow_AndNewPackageAndProductCodes_KeepingOtherSummaryFields()
    {
        using var scratch = new ScratchDirectory();
        var msi = TestPackage.Build(scratch);
        var stamped = scratch.File("stamped.msi");

        var codes = MsiStamper.Stamp(msi, stamped, Partner);

        var before = MsiTables.ReadProperties(msi);
        var after = MsiTables.ReadProperties(stamped);
        Assert.False(before.ContainsKey("PARTNERID"));
        Assert.Equal("1234567", after["PARTNERID"]);
        Assert.Equal(codes.ProductCode.ToString("B").ToUpperInvariant(), after["ProductCode"]);
        Assert.NotEqual(before["ProductCode"], after["ProductCode"]);
        Assert.NotEqual(codes.PackageCode, codes.ProductCode);
        Assert.Equal(before.Where(p => p.Key != "ProductCode"), after.Where(p => p.Key is not "PARTNERID" and not "ProductCode").ToDictionary());

        var oldSummary = MsiTables.ReadSummary(msi);
        var newSummary = MsiTables.ReadSummary(stamped);
        var revision = newSummary["Revision number (UUID)"];
        Assert.Equal(codes.PackageCode.ToString("B").ToUpperInvariant(), revision);
        Assert.NotEqual(oldSummary["Revision number (UUID)"], revision);
        Assert.Equal(oldSummary.Where(p => !p.Key.StartsWith("Revision", StringComparison.Ordinal)), newSummary.Where(p => !p.Key.StartsWith("Revision", StringComparison.Ordinal)));
        Assert.Equal(oldSummary.Count, newSummary.Count);

        Tool.RunChecked("msidump", "-d", Directory.CreateDirectory(scratch.File("dump")).FullName, stamped);
        Assert.Contains("PARTNERID\t1234567", File.ReadAllText(scratch.File("dump/Property.idt")), StringComparison.Ordinal);
        Assert.Equal("1234567", MsiProperties.Read(stamped)["PARTNERID"]);
    }

    [MsitoolsFact]
    public void Stamp_ExistingRow_IsUpdatedNotDuplicated()
    {
        using var scratch = new ScratchDirectory();
        var msi = TestPackage.Build(scratch, partnerId: "1111111");
        var stamped = scratch.File("stamped.msi");

        MsiStamper.Stamp(msi, stamped, Partner);

        // ReadProperties fails on a duplicate key.
        Assert.Equal("1234567", MsiTables.ReadProperties(stamped)["PARTNERID"]);
        var database = MsiDatabase.Open(stamped);
        Assert.Single(database.ReadRows("Property"), r => (string?)r[0] == "PARTNERID");
        Assert.Equal(0, database.Strings.Find("1111111"));
    }

    [MsitoolsFact]
    public void Stamp_ChangesReferenceCountsByExactlyTheReferencesAdded()
    {
        using var scratch = new ScratchDirectory();
        var msi = TestPackage.Build(scratch, partnerId: "1111111");
        var stamped = scratch.File("stamped.msi");

        MsiStamper.Stamp(msi, stamped, new Dictionary<string, string>
        {
            ["PARTNERID"] = "1234567",
            ["ProductName"] = "PorSetup Test",
            ["NEWPROP"] = "PorSetup",
        });

        // wixl's own counts are not exact, so compare changes: pool delta must equal table-reference delta.
        var before = MsiDatabase.Open(msi);
        var after = MsiDatabase.Open(stamped);
        var (poolBefore, poolAfter) = (StringReferences.Pool(before), StringReferences.Pool(after));
        var (usedBefore, usedAfter) = (StringReferences.Count(before), StringReferences.Count(after));
        foreach (var value in poolBefore.Keys.Union(poolAfter.Keys).Union(usedAfter.Keys))
        {
            var poolDelta = poolAfter.GetValueOrDefault(value) - poolBefore.GetValueOrDefault(value);
            var usedDelta = usedAfter.GetValueOrDefault(value) - usedBefore.GetValueOrDefault(value);
            Assert.True(poolDelta == usedDelta, $"'{value}': pool count changed by {poolDelta}, references by {usedDelta}");
        }

        Assert.True(usedAfter.Keys.All(poolAfter.ContainsKey));
        Assert.Equal("PorSetup", MsiTables.ReadProperties(stamped)["NEWPROP"]);
    }

    [MsitoolsFact]
    public void Stamp_LargePackage_KeepsEmbeddedCabinet()
    {
        using var scratch = new ScratchDirectory();
        var msi = TestPackage.Build(scratch, payloadBytes: 8 * 1024 * 1024);
        var stamped = scratch.File("stamped.msi");

        MsiStamper.Stamp(msi, stamped, Partner);

        Assert.Equal("1234567", MsiTables.ReadProperties(stamped)["PARTNERID"]);
        var extracted = Directory.CreateDirectory(scratch.File("x")).FullName;
        Tool.RunChecked("msiextract", "-C", extracted, stamped);
        var payload = Directory.GetFiles(extracted, "payload.bin", SearchOption.AllDirectories);
        Assert.Equal(File.ReadAllBytes(scratch.File("payload.bin")), File.ReadAllBytes(Assert.Single(payload)));
    }

    [MsitoolsFact]
    public void Stamp_DropsTheSignatureThatNoLongerMatches()
    {
        using var scratch = new ScratchDirectory();
        var msi = TestPackage.Build(scratch);
        var signed = CompoundFile.Read(msi);
        signed.SetStream("\u0005DigitalSignature", [0x30, 0x82, 0x01, 0x00]);
        CompoundFile.Write(signed, msi);
        var stamped = scratch.File("stamped.msi");

        MsiStamper.Stamp(msi, stamped, Partner);

        Assert.Null(CompoundFile.Read(stamped).FindStream("\u0005DigitalSignature"));
        Assert.Equal("1234567", MsiTables.ReadProperties(stamped)["PARTNERID"]);
    }

    [Fact]
    public void Stamp_ProductCodeGiven_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => MsiStamper.Stamp("unused.msi", "unused-out.msi", new Dictionary<string, string> { ["ProductCode"] = "{00000000-0000-0000-0000-000000000001}" }));
    }

    [Theory]
    [InlineData("", "1")]
    [InlineData("1ABC", "1")]
    [InlineData("PARTNER ID", "1")]
    [InlineData("PARTNERID", "")]
    public void Stamp_InvalidProperty_Throws(string name, string value)
    {
        Assert.Throws<ArgumentException>(() => MsiStamper.Stamp("unused.msi", "unused-out.msi", new Dictionary<string, string> { [name] = value }));
    }
}
