// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>Who starts msiexec: what Windows Installer passes to its elevated side, and whether it elevates at all.</summary>
public enum Caller
{
    /// <summary>An administrator in an elevated prompt (Run as administrator).</summary>
    ElevatedAdministrator,

    /// <summary>An administrator in a prompt that UAC did not elevate: a filtered token, not an administrator's.</summary>
    FilteredAdministrator,

    /// <summary>A user who is not an administrator.</summary>
    StandardUser,

    /// <summary>LocalSystem: Group Policy software installation at startup, Configuration Manager, an RMM agent.</summary>
    System,
}
