// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;

namespace PorSetup.CustomAction;

/// <summary>
/// Puts back the Partner value that was on the server before: at uninstall (the value from before PorSetup was
/// first installed), at an uninstall with UNINSTALLPARTNER=keep (the value before this run, after Windows Installer
/// removed it), and at rollback (the value before this run). It runs deferred, as
/// SYSTEM, so it reads only CustomActionData, which holds that previous value as a raw registry search found it
/// (see <see cref="RegistryData"/>); empty means there was none. The value is written back with the type and data
/// it had, not checked against the Partner ID rule: it is the machine's, not ours.
/// </summary>
/// <param name="session">The installation (deferred: only <see cref="ISession.CustomActionData"/> is readable).</param>
/// <param name="registry">HKLM, 64-bit view.</param>
public sealed class PutBackPartnerValueAction(ISession session, IMachineRegistry registry)
{
    public ActionResult Run()
    {
        string previous;
        try
        {
            previous = session.CustomActionData;
        }
#pragma warning disable CA1031 // An action must never throw into msiexec: every failure becomes 1603.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            session.TryLog(string.Create(CultureInfo.InvariantCulture, $"PorSetup: PutBackPartnerValue could not read CustomActionData: {Describe(exception)}"));
            return ActionResult.Failure;
        }

        try
        {
            string done;
            if (previous.Length > 0)
            {
                var value = RegistryData.FromRawSearch(previous);
                registry.SetValue(PartnerRegistryValue.Key, PartnerRegistryValue.Name, value);
                done = $"PorSetup: restored Partner value {value}";
            }
            else
            {
                // Only the value: the key is the component's, and Windows Installer removes it if it is left empty.
                done = registry.DeleteValue(PartnerRegistryValue.Key, PartnerRegistryValue.Name)
                    ? "PorSetup: removed Partner value (there was none before)"
                    : "PorSetup: no Partner value to remove (there was none before)";
            }

            session.TryLog(done);
            return ActionResult.Success;
        }
#pragma warning disable CA1031 // See above.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var what = previous.Length > 0 ? $"restore Partner value {RegistryData.FromRawSearch(previous)}" : "remove Partner value";
            session.TryLog(string.Create(CultureInfo.InvariantCulture, $@"PorSetup: could not {what} under HKLM\{PartnerRegistryValue.Key} (64-bit view): {Describe(exception)}"));
            return ActionResult.Failure;
        }
    }

    private static string Describe(Exception exception) =>
        exception is Win32CallException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
}
