// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction;

/// <summary>The two messages every action sends, named as in WiX DTF.</summary>
public static class SessionExtensions
{
    /// <summary>Writes a line to the installation log (INSTALLMESSAGE_INFO).</summary>
    public static void Log(this ISession session, string text)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Message(InstallMessage.Info, text);
    }

    /// <summary>Shows an error in the installer's UI and writes it to the log (INSTALLMESSAGE_ERROR).</summary>
    public static void Error(this ISession session, string text)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Message(InstallMessage.Error, text);
    }
}
