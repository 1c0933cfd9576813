// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.CustomAction;

namespace PorSetup.CustomAction.Tests;

/// <summary>The Partner value before the install, read from the registry and kept in PARTNERBEFORETHISRUN.</summary>
public sealed class RecordPartnerValueActionTests
{
    private const string Key = PartnerRegistryValue.Key;
    private const string Name = PartnerRegistryValue.Name;

    [Fact]
    public void NoValue_RecordsNothing()
    {
        var session = new FakeSession();
        session.Properties[PackageProperties.PartnerBeforeThisRun] = "set on a command line";

        var result = new RecordPartnerValueAction(session, new FakeMachineRegistry()).Run();

        Assert.Equal(ActionResult.Success, result);
        Assert.Equal(string.Empty, session.Properties[PackageProperties.PartnerBeforeThisRun]);
        Assert.Equal(["PorSetup: no Partner value before this run"], session.LogLines.Select(m => m.Text));
    }

    [Theory]
    [InlineData("1234567", "1234567")]
    [InlineData("#12 345 Contoso", "##12 345 Contoso")]
    public void AString_IsRecordedInTheRawSearchForm(string value, string recorded)
    {
        var session = new FakeSession();
        var registry = new FakeMachineRegistry();
        registry.SetValue(Key, Name, RegistryData.FromString(value));

        var result = new RecordPartnerValueAction(session, registry).Run();

        Assert.Equal(ActionResult.Success, result);
        Assert.Equal(recorded, session.Properties[PackageProperties.PartnerBeforeThisRun]);
        Assert.Equal($"GetValue {Key} {Name}", registry.Calls[^1]);
    }

    [Fact]
    public void AnEmptyString_IsRecorded_SoThatItCanBePutBack()
    {
        var session = new FakeSession();
        var registry = new FakeMachineRegistry();
        registry.SetValue(Key, Name, RegistryData.FromString(string.Empty));

        new RecordPartnerValueAction(session, registry).Run();

        var recorded = session.Properties[PackageProperties.PartnerBeforeThisRun];
        Assert.NotEqual(string.Empty, recorded);
        var back = RegistryData.FromRawSearch(recorded);
        Assert.Equal((RegistryData.RegSz, "0000"), (back.Type, Convert.ToHexString(back.Bytes)));
    }

    [Fact]
    public void ARegistryThatRefuses_FailsTheInstall_WithTheWin32ErrorInTheLog()
    {
        var session = new FakeSession();
        var registry = new FakeMachineRegistry { ThrowOnCall = new Win32CallException("RegOpenKeyExW", 5) };

        var result = new RecordPartnerValueAction(session, registry).Run();

        Assert.Equal(ActionResult.Failure, result);
        Assert.Contains("could not read the Partner value", session.LogLines.Single().Text, StringComparison.Ordinal);
        Assert.Contains("RegOpenKeyExW", session.LogLines.Single().Text, StringComparison.Ordinal);
    }
}
