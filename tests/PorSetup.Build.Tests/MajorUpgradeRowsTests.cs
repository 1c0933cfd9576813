// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build.Tests;

public sealed class MajorUpgradeRowsTests
{
    [Fact]
    public void WithoutMajorUpgrade_NoUpgradeRowsAreTouched_AndTheDefaultScheduleIsAfterInstallValidate()
    {
        var without = XDocument.Parse("""<Wix xmlns="http://wixtoolset.org/schemas/v4/wxs"><Package Name="P" Manufacturer="M" Version="1.0.0" Language="1033" /></Wix>""");
        var with = XDocument.Parse("""<Wix xmlns="http://wixtoolset.org/schemas/v4/wxs"><Package Name="P" Manufacturer="M" Version="1.0.0" Language="1033"><MajorUpgrade DowngradeErrorMessage="x" /></Package></Wix>""");
        var english = WixLocalization.ForCulture(Path.Combine(AppContext.BaseDirectory, "TestData", "Localized"), "en-US");

        Assert.Null(MajorUpgradeRows.From(without, english));
        Assert.Equal("InstallValidate", MajorUpgradeRows.From(with, english)!.RemoveExistingProductsAfter);
    }
}
