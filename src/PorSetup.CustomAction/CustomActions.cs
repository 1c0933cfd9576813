// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.InteropServices;

namespace PorSetup.CustomAction;

/// <summary>The DLL's exports: the functions a CustomAction row names in DllEntry (type 1).</summary>
public static class CustomActions
{
    /// <summary>Validates and normalizes PARTNERID; returns ERROR_INSTALL_FAILURE (1603) when it is not valid.</summary>
    [UnmanagedCallersOnly(EntryPoint = "ValidatePartnerId")]
    public static uint ValidatePartnerId(nint install) =>
        Run(() => new ValidatePartnerIdAction(new MsiSession(install), static () => NativeMethods.GetUserDefaultUILanguage()).Run());

    /// <summary>
    /// Deferred (uninstall, and rollback of an install): writes CustomActionData back as the Partner value, or
    /// deletes the value when CustomActionData is empty; returns 1603 when the registry refuses.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "RestorePartnerValue")]
    public static uint RestorePartnerValue(nint install) =>
        Run(() => new RestorePartnerValueAction(new MsiSession(install), new MachineRegistry()).Run());

    /// <summary>For tests only: always returns 1603, to make an install fail after its deferred actions ran.</summary>
    [UnmanagedCallersOnly(EntryPoint = "FailWhenDeferred")]
    public static uint FailWhenDeferred(nint install) =>
        Run(() => new FailWhenDeferredAction(new MsiSession(install)).Run());

    // An exception must never leave an UnmanagedCallersOnly method: the runtime would end msiexec. The actions
    // catch and log their own; this is the last guard, for a failure before an action could log anything.
    private static uint Run(Func<ActionResult> action)
    {
        try
        {
            return (uint)action();
        }
#pragma warning disable CA1031 // See above.
        catch (Exception)
#pragma warning restore CA1031
        {
            return (uint)ActionResult.Failure;
        }
    }
}
