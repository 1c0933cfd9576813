// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build.Tests;

public sealed class DatabaseCodepageTests
{
    [Fact]
    public void Translate_GivesWixlTheCodepageOnlyWhenThereIsOne()
    {
        var product = new XElement("Product");
        new DatabaseCodepage(null).Translate(product);
        Assert.Null(product.Attribute("Codepage"));

        new DatabaseCodepage(1252).Translate(product);
        Assert.Equal("1252", (string?)product.Attribute("Codepage"));
    }
}
