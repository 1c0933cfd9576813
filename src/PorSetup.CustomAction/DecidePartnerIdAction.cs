// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction;

/// <summary>
/// Decides the ID an install, repair or upgrade writes (the proxy's export DecidePartnerId), before anything changes:
/// <list type="number">
/// <item>records the Partner value before this run (<see cref="RecordPartnerValueAction"/>);</item>
/// <item>when no ID is given and PorSetup is installed or being upgraded (KeepPartnerId), keeps the ID on the machine:
/// the Partner value if it is a string that follows the rule, so a repair never changes a working ID, even one set by
/// hand since; else the installed ID (INSTALLEDPARTNER), put back; each logged with why;</item>
/// <item>checks PARTNERID with the rule (<see cref="CheckPartnerIdAction"/>): a bad ID stops the run (1603);</item>
/// <item>sets WritePartnerId when that ID is not already both the Partner value, byte for byte, and the installed ID,
/// so that an installed product's run asks Windows for the reinstall that writes it.</item>
/// </list>
/// An explicit PARTNERID always wins: with one, nothing is kept.
/// </summary>
/// <param name="session">The installation.</param>
/// <param name="registry">HKLM, 64-bit view.</param>
/// <param name="systemUiLanguage">Reads the user's Windows UI language (a LANGID), for the log's language.</param>
public sealed class DecidePartnerIdAction(ISession session, IMachineRegistry registry, Func<int> systemUiLanguage)
{
    public ActionResult Run()
    {
        var record = new RecordPartnerValueAction(session, registry);
        var recorded = record.Run();
        if (recorded != ActionResult.Success)
        {
            return recorded;
        }

        try
        {
            if (session[PackageProperties.KeepPartnerId].Length > 0 && session[PackageProperties.PartnerId].Length == 0)
            {
                Keep(record.Value);
            }
        }
#pragma warning disable CA1031 // An action must never throw into msiexec: every failure becomes 1603.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return Unexpected(exception);
        }

        var checkedId = new CheckPartnerIdAction(session, systemUiLanguage).Run();
        if (checkedId != ActionResult.Success)
        {
            return checkedId;
        }

        try
        {
            var id = session[PackageProperties.PartnerId];
            var written = record.Value is { Type: RegistryData.RegSz } value && value.Bytes.AsSpan().SequenceEqual(RegistryData.FromString(id).Bytes)
                && string.Equals(session[PackageProperties.InstalledPartner], id, StringComparison.Ordinal);
            session[PackageProperties.WritePartnerId] = written ? string.Empty : "1";
            return ActionResult.Success;
        }
#pragma warning disable CA1031 // See above.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return Unexpected(exception);
        }
    }

    // The Partner value if it is a string that follows the rule, else the installed ID; with neither, PARTNERID stays
    // empty and the check refuses it (POR1001) after the log has said why.
    private void Keep(RegistryData? value)
    {
        var language = ActionLanguage.Choose(session, systemUiLanguage);
        var installed = session[PackageProperties.InstalledPartner];
        if (value is { Type: RegistryData.RegSz } && PartnerId.Check(value.Text).IsValid)
        {
            session[PackageProperties.PartnerId] = value.Text;
            session.Log(PartnerIdMessages.Kept(value.Text, installed, language));
        }
        else if (installed.Length > 0)
        {
            session[PackageProperties.PartnerId] = installed;
            session.Log(PartnerIdMessages.Restored(value?.ToString(), installed, language));
        }
        else
        {
            session.Log(PartnerIdMessages.NothingToRestore(value?.ToString(), language));
        }
    }

    private ActionResult Unexpected(Exception exception)
    {
        session.LogUnexpectedFailure("DecidePartnerId", exception);
        return ActionResult.Failure;
    }
}
