// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>What <see cref="LocalMachine"/> undoes after a test, in <see cref="RestoreSteps.Order"/>.</summary>
public enum RestoreStep
{
    /// <summary>msiexec /x on each PorSetup product the test installed (which also puts back the Partner value).</summary>
    UninstallProducts,

    /// <summary>The MSO key's values, and whether it and its parent existed.</summary>
    RestoreMsoKey,

    /// <summary>The registry values the test claimed (policies such as Windows Installer's Logging).</summary>
    RemoveClaimedRegistryValues,

    /// <summary>The files and folders the test claimed.</summary>
    RemoveClaimedFiles,
}
