// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction;

/// <summary>What a custom action returns to the installer (the Win32 codes msiexec expects).</summary>
public enum ActionResult : uint
{
    /// <summary>ERROR_SUCCESS: the installation goes on.</summary>
    Success = 0,

    /// <summary>ERROR_INSTALL_USEREXIT: the user cancelled (the installer answered a message with IDCANCEL); msiexec exits with 1602.</summary>
    UserExit = 1602,

    /// <summary>ERROR_INSTALL_FAILURE: the installation stops and rolls back; msiexec exits with 1603.</summary>
    Failure = 1603,
}
