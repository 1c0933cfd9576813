// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build.Tests;

public sealed class PropertyFlagsTests
{
    [Fact]
    public void TheTranslation_DropsSecureAndHidden_AndPropertiesDeclaredOnlyForThem()
    {
        Assert.True(PropertyFlags.IsDropped("Secure"));
        Assert.True(PropertyFlags.IsDropped("Hidden"));
        Assert.False(PropertyFlags.IsDropped("Value"));
        Assert.True(PropertyFlags.IsDeclarationOnly(XElement.Parse("""<Property Id="A" Secure="yes" />""")));
        Assert.False(PropertyFlags.IsDeclarationOnly(XElement.Parse("""<Property Id="A" Value="1" Secure="yes" />""")));
        Assert.False(PropertyFlags.IsDeclarationOnly(XElement.Parse("""<Property Id="A" Secure="yes"><RegistrySearch Id="S" /></Property>""")));
    }
}
