// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction;

/// <summary>The kinds of message a custom action sends (INSTALLMESSAGE_* in msiquery.h).</summary>
public enum InstallMessage
{
    /// <summary>An error: shown in the UI (with an error icon) and written to the log. INSTALLMESSAGE_ERROR.</summary>
    Error = 0x01000000,

    /// <summary>A warning: shown in the UI and written to the log. INSTALLMESSAGE_WARNING.</summary>
    Warning = 0x02000000,

    /// <summary>A line for the log only. INSTALLMESSAGE_INFO.</summary>
    Info = 0x04000000,
}
