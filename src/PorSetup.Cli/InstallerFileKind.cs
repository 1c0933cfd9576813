// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli;

/// <summary>What a Windows Installer file is, from the class id of its root storage.</summary>
public enum InstallerFileKind
{
    /// <summary>An MSI database (.msi).</summary>
    Package,

    /// <summary>A transform (.mst).</summary>
    Transform,

    /// <summary>A patch (.msp).</summary>
    Patch,
}
