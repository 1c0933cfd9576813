// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction;

/// <summary>
/// The custom actions by the name the proxy DLL exports them under (the CustomAction rows' DllEntry).
/// </summary>
public static class CustomActions
{
    /// <summary>
    /// Runs the named action; an unknown name or an exception the action let out fails it (1603). When the installer
    /// answered one of the action's messages with IDCANCEL (the user cancelled), the action returns 1602 whatever it
    /// decided, as Windows Installer asks of custom actions.
    /// </summary>
    public static ActionResult Run(string name, ISession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var watched = new CancelWatchingSession(session);
        var result = RunAction(name, watched);
        return watched.Cancelled ? ActionResult.UserExit : result;
    }

    private static ActionResult RunAction(string name, ISession session)
    {
        try
        {
            switch (name)
            {
                case "DecidePartnerId":
                    // Records the Partner value before this run, keeps it or puts back the installed ID when no ID is
                    // given, checks PARTNERID (1603 when it is not valid): one worker for the install's one immediate call.
                    return new DecidePartnerIdAction(session, new MachineRegistry(), static () => NativeMethods.GetUserDefaultUILanguage()).Run();
                case "PutBackPartnerValue":
                    // Deferred (uninstall, keeping uninstall, and rollback): writes CustomActionData back as the Partner
                    // value, or deletes the value when CustomActionData is empty; 1603 when the registry refuses.
                    return new PutBackPartnerValueAction(session, new MachineRegistry()).Run();
                default:
                    session.Log($"PorSetup: no custom action is named '{name}'.");
                    return ActionResult.Failure;
            }
        }
#pragma warning disable CA1031 // The actions catch and log their own; this is the last guard.
        catch (Exception)
#pragma warning restore CA1031
        {
            return ActionResult.Failure;
        }
    }
}
