// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;

namespace PorSetup.CustomAction;

/// <summary>The messages every action sends, named as in WiX DTF.</summary>
public static class SessionExtensions
{
    /// <summary>Writes a line to the installation log (INSTALLMESSAGE_INFO).</summary>
    public static void Log(this ISession session, string text)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Message(InstallMessage.Info, text);
    }

    /// <summary>
    /// Writes a line to the log when the session still takes one: for an action that is failing already, or whose work
    /// is done, a log that fails too must not change the result it returns.
    /// </summary>
    public static void TryLog(this ISession session, string text)
    {
        ArgumentNullException.ThrowIfNull(session);
        try
        {
            session.Log(text);
        }
#pragma warning disable CA1031 // The session itself may be what failed; the return code still reports the outcome.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>Logs an exception no action expects, with its type, for the verbose log; the action then returns 1603.</summary>
    public static void LogUnexpectedFailure(this ISession session, string action, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        session.TryLog(string.Create(CultureInfo.InvariantCulture, $"PorSetup: {action} failed unexpectedly: {exception.GetType().Name}: {exception.Message}"));
    }

    /// <summary>Shows an error in the installer's UI and writes it to the log (INSTALLMESSAGE_ERROR).</summary>
    public static void Error(this ISession session, string text)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Message(InstallMessage.Error, text);
    }
}
