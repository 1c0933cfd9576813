// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.CustomAction;

namespace PorSetup.CustomAction.Tests;

/// <summary>
/// The worker runs the action the proxy names (its DllEntry), and nothing for a name it does not know. (The other
/// actions read the Windows UI language or the registry: the end-to-end tests run them under Wine.)
/// </summary>
public sealed class CustomActionsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("validatepartnerid")] // DllEntry names are case-sensitive, as GetProcAddress is
    [InlineData("Main")]
    [InlineData("FailWhenDeferred")] // the tests' failing action lives in a test build of the proxy, never in the worker
    public void Run_UnknownName_FailsAndSaysSo(string name)
    {
        var session = new FakeSession();

        var result = CustomActions.Run(name, session);

        Assert.Equal(ActionResult.Failure, result);
        Assert.Equal([$"PorSetup: no custom action is named '{name}'."], session.LogLines.Select(m => m.Text));
    }

    [Fact]
    public void Run_SessionThatThrows_FailsWithoutThrowing()
    {
        var session = new FakeSession { ThrowOnMessage = new IOException("The custom action proxy closed the pipe.") };

        var result = CustomActions.Run("NoSuchAction", session);

        Assert.Equal(ActionResult.Failure, result);
    }

    [Theory]
    [InlineData("NoSuchAction")]
    [InlineData("DecidePartnerId")]
    public void Run_WhenTheInstallerAnswersCancel_ReturnsUserExit(string action)
    {
        // MsiProcessMessage returns IDCANCEL when the user cancelled: the action returns 1602, not 1603 or 0.
        var session = new FakeSession { MessageAnswer = 2 };
        session.Properties["PARTNERID"] = "1234567";

        var result = CustomActions.Run(action, session);

        Assert.Equal(ActionResult.UserExit, result);
        Assert.Equal(1602u, (uint)result);
    }

    [Fact]
    public void Run_WhenTheInstallerAnswersOk_KeepsTheActionsResult()
    {
        var session = new FakeSession { MessageAnswer = 1 };

        Assert.Equal(ActionResult.Failure, CustomActions.Run("NoSuchAction", session));
    }
}
