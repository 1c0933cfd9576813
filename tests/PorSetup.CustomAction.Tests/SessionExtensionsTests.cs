// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.CustomAction;

namespace PorSetup.CustomAction.Tests;

public class SessionExtensionsTests
{
    [Fact]
    public void Log_SendsAnInfoMessage()
    {
        var session = new FakeSession();

        session.Log("a line");

        Assert.Equal([new SentMessage(InstallMessage.Info, "a line")], session.Messages);
    }

    [Fact]
    public void Error_SendsAnErrorMessage()
    {
        var session = new FakeSession();

        session.Error("it failed");

        Assert.Equal([new SentMessage(InstallMessage.Error, "it failed")], session.Messages);
    }

    [Fact]
    public void TryLog_SendsAnInfoMessage_AndSwallowsASessionThatFails()
    {
        var working = new FakeSession();
        var failing = new FakeSession { ThrowOnMessage = new IOException("The custom action proxy closed the pipe.") };

        working.TryLog("a line");
        failing.TryLog("a line");

        Assert.Equal([new SentMessage(InstallMessage.Info, "a line")], working.Messages);
        Assert.Empty(failing.Messages);
    }

    [Fact]
    public void CustomActionData_IsThePropertyOfThatName()
    {
        var session = new FakeSession();
        session.Properties["CustomActionData"] = "PARTNERID=1234567";

        Assert.Equal("PARTNERID=1234567", session.CustomActionData);
    }

    [Fact]
    public void InstallMessageValues_AreTheMsiConstants()
    {
        Assert.Equal(0x01000000, (int)InstallMessage.Error);
        Assert.Equal(0x02000000, (int)InstallMessage.Warning);
        Assert.Equal(0x04000000, (int)InstallMessage.Info);
        Assert.Equal(0u, (uint)ActionResult.Success);
        Assert.Equal(1603u, (uint)ActionResult.Failure);
    }
}
