// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;

namespace PorSetup.CustomAction;

/// <summary>
/// Records the Partner value as it is before this run in PARTNERBEFORETHISRUN, in place of the registry search's form,
/// for the two actions that may have to put it back: the remembering at a first install (PorSetup's own key, for the
/// last uninstall) and the rollback of this run. It reads the registry itself, not a registry search, because the
/// search's text form loses an empty string and a string holding <c>[~]</c> (<see cref="RegistryData.ToRememberedForm"/>).
/// Immediate, so it only reads; empty means there was no value.
/// </summary>
/// <param name="session">The installation.</param>
/// <param name="registry">HKLM, 64-bit view.</param>
public sealed class RecordPartnerValueAction(ISession session, IMachineRegistry registry)
{
    /// <summary>The Partner value read by <see cref="Run"/>, or null when there was none.</summary>
    public RegistryData? Value { get; private set; }

    public ActionResult Run()
    {
        try
        {
            var value = registry.GetValue(PartnerRegistryValue.Key, PartnerRegistryValue.Name);
            session[PackageProperties.PartnerBeforeThisRun] = value?.ToRememberedForm() ?? string.Empty;
            session.Log(value is null ? "PorSetup: no Partner value before this run" : $"PorSetup: Partner value before this run: {value}");
            this.Value = value;
            return ActionResult.Success;
        }
#pragma warning disable CA1031 // An action must never throw into msiexec: every failure becomes 1603.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // Without the value, neither a rollback nor the last uninstall could put it back: better not to install.
            var what = exception is Win32CallException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
            session.TryLog(string.Create(CultureInfo.InvariantCulture, $@"PorSetup: could not read the Partner value under HKLM\{PartnerRegistryValue.Key} (64-bit view): {what}"));

            return ActionResult.Failure;
        }
    }
}
