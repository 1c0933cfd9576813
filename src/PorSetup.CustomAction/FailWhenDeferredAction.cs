// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction;

/// <summary>
/// For tests only, after WiX's WixFailWhenDeferred: a deferred action that always fails, so that tests can see the
/// rollback of an install that fails after the registry was written. The package schedules it only when
/// PORSETUPFAILWHENDEFERRED=1.
/// </summary>
/// <param name="session">The installation; nothing is read from it.</param>
public sealed class FailWhenDeferredAction(ISession session)
{
    public const string Message = "PorSetup: FailWhenDeferred: failing on purpose because PORSETUPFAILWHENDEFERRED=1 (for tests only)";

    public ActionResult Run()
    {
        try
        {
            session.Log(Message);
        }
#pragma warning disable CA1031 // The failure is the point; a broken log must not turn it into anything else.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        return ActionResult.Failure;
    }
}
