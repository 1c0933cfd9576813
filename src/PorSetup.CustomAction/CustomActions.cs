// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.InteropServices;

namespace PorSetup.CustomAction;

/// <summary>The DLL's exports: the functions a CustomAction row names in DllEntry (type 1).</summary>
public static class CustomActions
{
    /// <summary>Validates and normalizes PARTNERID; returns ERROR_INSTALL_FAILURE (1603) when it is not valid.</summary>
    [UnmanagedCallersOnly(EntryPoint = "ValidatePartnerId")]
    public static uint ValidatePartnerId(nint install)
    {
        // An exception must never leave an UnmanagedCallersOnly method: the runtime would end msiexec.
        try
        {
            var session = new MsiSession(install);
            return (uint)new ValidatePartnerIdAction(session, static () => NativeMethods.GetUserDefaultUILanguage()).Run();
        }
#pragma warning disable CA1031 // See above.
        catch (Exception)
#pragma warning restore CA1031
        {
            return (uint)ActionResult.Failure;
        }
    }

    /// <summary>
    /// Deferred (uninstall, and rollback of an install): writes CustomActionData back as the Partner value, or
    /// deletes the value when CustomActionData is empty; returns 1603 when the registry refuses.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "RestorePartnerValue")]
    public static uint RestorePartnerValue(nint install)
    {
        try
        {
            return (uint)new RestorePartnerValueAction(new MsiSession(install), new MachineRegistry()).Run();
        }
#pragma warning disable CA1031 // See ValidatePartnerId.
        catch (Exception)
#pragma warning restore CA1031
        {
            return (uint)ActionResult.Failure;
        }
    }

    /// <summary>For tests only: always returns 1603, to make an install fail after its deferred actions ran.</summary>
    [UnmanagedCallersOnly(EntryPoint = "FailWhenDeferred")]
    public static uint FailWhenDeferred(nint install)
    {
        try
        {
            return (uint)new FailWhenDeferredAction(new MsiSession(install)).Run();
        }
#pragma warning disable CA1031 // See ValidatePartnerId.
        catch (Exception)
#pragma warning restore CA1031
        {
            return (uint)ActionResult.Failure;
        }
    }
}
