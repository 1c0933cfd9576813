// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.CustomAction;

namespace PorSetup.CustomAction.Tests;

/// <summary>
/// The worker runs the action the proxy names (its DllEntry), and nothing for a name it does not know. (The other
/// actions read the Windows UI language or the registry: the end-to-end tests run them under Wine.)
/// </summary>
public sealed class CustomActionsTests
{
    [Fact]
    public void Run_FailWhenDeferred_Fails()
    {
        var session = new FakeSession();

        var result = CustomActions.Run("FailWhenDeferred", session);

        Assert.Equal(ActionResult.Failure, result);
        Assert.Equal([FailWhenDeferredAction.Message], session.LogLines.Select(m => m.Text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("validatepartnerid")] // DllEntry names are case-sensitive, as GetProcAddress is
    [InlineData("Main")]
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
}
