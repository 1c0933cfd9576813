// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction;

/// <summary>
/// Checks PARTNERID with the one rule (<see cref="PartnerId.Check"/>). A valid ID is written back normalized
/// (trimmed), so the registry gets exactly what was checked; anything else stops the installation with a message
/// that says what is wrong and how to fix it.
/// </summary>
/// <param name="session">The installation.</param>
/// <param name="systemUiLanguage">Reads the user's Windows UI language (a LANGID), used when the package's own language is not French.</param>
public sealed class CheckPartnerIdAction(ISession session, Func<int> systemUiLanguage)
{
    public ActionResult Run()
    {
        try
        {
            var check = PartnerId.Check(session[PackageProperties.PartnerId]);
            var language = ActionLanguage.Choose(session, systemUiLanguage);
            if (!check.IsValid)
            {
                session.Error(PartnerIdMessages.Refusal(check, language));
                return ActionResult.Failure;
            }

            if (!string.Equals(check.Normalized, check.Input, StringComparison.Ordinal))
            {
                session[PackageProperties.PartnerId] = check.Normalized;
            }

            session.Log(PartnerIdMessages.Accepted(check, language));
            return ActionResult.Success;
        }
#pragma warning disable CA1031 // An action must never throw into msiexec: every failure becomes 1603.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // Run only inside DecidePartnerId (the proxy's export), whose name the log gives.
            session.LogUnexpectedFailure("DecidePartnerId", exception);
            return ActionResult.Failure;
        }
    }
}
