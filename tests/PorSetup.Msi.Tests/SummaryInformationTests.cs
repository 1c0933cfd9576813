// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi.Tests;

public class SummaryInformationTests
{
    [Fact]
    public void SetThenParse_RoundTripsEachType()
    {
        var summary = new SummaryInformation();
        summary.SetInteger(SummaryPropertyId.CodePage, 1252);
        summary.SetString(SummaryPropertyId.Template, "x64;1033");
        summary.SetInteger(SummaryPropertyId.PageCount, 500);
        var time = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        summary.SetFileTime(SummaryPropertyId.CreateTime, time);

        var read = SummaryInformation.Parse(summary.ToBytes());

        Assert.Equal(1252, read.CodePage);
        Assert.Equal(SummaryInformation.VtI2, read.GetType(SummaryPropertyId.CodePage));
        Assert.Equal("x64;1033", read.GetString(SummaryPropertyId.Template));
        Assert.Equal(500, read.GetInteger(SummaryPropertyId.PageCount));
        Assert.Equal(time, read.GetFileTime(SummaryPropertyId.CreateTime));
    }

    [MsitoolsFact]
    public void ParseThenWrite_UnchangedStream_IsByteIdentical()
    {
        using var scratch = new ScratchDirectory();
        var stream = CompoundFile.Read(TestPackage.Build(scratch)).FindStream(MsiDatabase.SummaryInformationStream)!;

        Assert.Equal(stream.Data, SummaryInformation.Parse(stream.Data).ToBytes());
    }
}
