// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.CustomAction;

namespace PorSetup.CustomAction.Tests;

public class FailWhenDeferredActionTests
{
    [Fact]
    public void Fails_AndSaysWhyInTheLog()
    {
        var session = new FakeSession { Deferred = true };

        var result = new FailWhenDeferredAction(session).Run();

        Assert.Equal(ActionResult.Failure, result);
        Assert.Equal(
            ["PorSetup: FailWhenDeferred: failing on purpose because PORSETUPFAILWHENDEFERRED=1 (for tests only)"],
            session.LogLines.Select(m => m.Text));
        Assert.Empty(session.Errors);
        Assert.Empty(session.PropertiesRead);
        Assert.Empty(session.PropertiesWritten);
    }

    [Fact]
    public void BrokenLog_StillFails_WithoutThrowing()
    {
        var session = new FakeSession { ThrowOnMessage = new Win32Exception("MsiProcessMessage", 6) };

        Assert.Equal(ActionResult.Failure, new FailWhenDeferredAction(session).Run());
    }
}
