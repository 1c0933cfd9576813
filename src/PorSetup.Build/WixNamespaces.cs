// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build;

/// <summary>The XML namespaces of the WiX dialects involved.</summary>
public static class WixNamespaces
{
    /// <summary>WiX v4 and later: what installer/Package.wxs is written in.</summary>
    public static readonly XNamespace Wxs = "http://wixtoolset.org/schemas/v4/wxs";

    /// <summary>WiX v4 and later localization (.wxl).</summary>
    public static readonly XNamespace Wxl = "http://wixtoolset.org/schemas/v4/wxl";

    /// <summary>WiX v3: the only dialect wixl reads.</summary>
    public static readonly XNamespace WixlV3 = "http://schemas.microsoft.com/wix/2006/wi";
}
