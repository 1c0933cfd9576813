// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.CustomAction;

namespace PorSetup.CustomAction.Tests;

public class PutBackPartnerValueActionTests
{
    private const string Key = @"SOFTWARE\Microsoft\Windows Server\MSO";

    public static TheoryData<string> PreviousValues => new()
    {
        "1111111",
        "0000001",
        " 1234567 ",
        "not an ID",
        "12345a7",
        "[ProductCode]",
        "accepté 值",
        new string('9', 300),
    };

    [Fact]
    public void Key_IsTheOneThePackageWrites()
    {
        Assert.Equal(Key, PartnerRegistryValue.Key);
        Assert.Equal("Partner", PartnerRegistryValue.Name);
    }

    [Theory]
    [MemberData(nameof(PreviousValues))]
    public void NonEmptyData_WritesExactlyIt_WithoutCheckingIt(string previous)
    {
        var session = DeferredSession(previous);
        var registry = RegistryWith("7654321");

        var result = Run(session, registry);

        Assert.Equal(ActionResult.Success, result);
        Assert.Equal([$"SetValue {Key} Partner REG_SZ {previous}"], registry.Calls);
        Assert.Equal(previous, registry.Get(Key, "Partner"));
        Assert.Equal([$"PorSetup: restored Partner value {previous}"], session.LogLines.Select(m => m.Text));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public void NonEmptyData_WithoutTheKey_CreatesIt()
    {
        var session = DeferredSession("1111111");
        var registry = new FakeMachineRegistry();

        Assert.Equal(ActionResult.Success, Run(session, registry));
        Assert.Equal("1111111", registry.Get(Key, "Partner"));
    }

    [Fact]
    public void NonEmptyData_LeavesTheKeysOtherValuesAlone()
    {
        var session = DeferredSession("1111111");
        var registry = RegistryWith("7654321");
        registry.Keys[Key]["Other"] = RegistryData.FromString("kept");

        Run(session, registry);

        Assert.Equal("kept", registry.Get(Key, "Other"));
    }

    [Fact]
    public void EmptyData_DeletesTheValue_AndLeavesTheKey()
    {
        var session = DeferredSession(string.Empty);
        var registry = RegistryWith("7654321");

        var result = Run(session, registry);

        Assert.Equal(ActionResult.Success, result);
        Assert.Equal([$"DeleteValue {Key} Partner"], registry.Calls);
        Assert.Null(registry.Get(Key, "Partner"));
        Assert.True(registry.Keys.ContainsKey(Key));
        Assert.Equal(["PorSetup: removed Partner value (there was none before)"], session.LogLines.Select(m => m.Text));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public void AbsentData_IsEmpty_AndDeletes()
    {
        var session = new FakeSession { Deferred = true };
        var registry = RegistryWith("7654321");

        Assert.Equal(ActionResult.Success, Run(session, registry));
        Assert.Null(registry.Get(Key, "Partner"));
    }

    [Fact]
    public void EmptyData_WithNoValueOrKey_Succeeds()
    {
        var session = DeferredSession(string.Empty);
        var registry = new FakeMachineRegistry();

        var result = Run(session, registry);

        Assert.Equal(ActionResult.Success, result);
        Assert.Equal([$"DeleteValue {Key} Partner"], registry.Calls);
        Assert.Empty(registry.Keys);
        Assert.Equal(["PorSetup: no Partner value to remove (there was none before)"], session.LogLines.Select(m => m.Text));
    }

    [Theory]
    [InlineData("1111111")]
    [InlineData("")]
    public void ReadsNoPropertyButCustomActionData(string previous)
    {
        // What an immediate action could read; a deferred one gets none of it on Windows.
        var session = DeferredSession(previous);
        session.Properties["PARTNERID"] = "7654321";
        session.Properties["PORSETUP_PREVIOUSPARTNER"] = "2222222";
        session.Properties["ProductLanguage"] = "1033";

        var result = Run(session, RegistryWith("7654321"));

        Assert.Equal(ActionResult.Success, result);
        Assert.Equal(["CustomActionData"], session.PropertiesRead);
        Assert.Empty(session.PropertiesWritten);
    }

    [Fact]
    public void WriteRefused_Fails_WithTheWin32ErrorInTheLog()
    {
        var session = DeferredSession("1111111");
        var registry = RegistryWith("7654321");
        registry.ThrowOnCall = new Win32CallException("RegSetValueExW", 5);

        var result = Run(session, registry);

        Assert.Equal(ActionResult.Failure, result);
        Assert.Equal("7654321", registry.Get(Key, "Partner"));
        Assert.Equal(
            [@"PorSetup: could not restore Partner value 1111111 under HKLM\SOFTWARE\Microsoft\Windows Server\MSO (64-bit view): RegSetValueExW failed with Win32 error 5."],
            session.LogLines.Select(m => m.Text));
        Assert.Equal(["CustomActionData"], session.PropertiesRead);
    }

    [Fact]
    public void DeleteRefused_Fails_WithTheWin32ErrorInTheLog()
    {
        var session = DeferredSession(string.Empty);
        var registry = RegistryWith("7654321");
        registry.ThrowOnCall = new Win32CallException("RegOpenKeyExW", 5);

        var result = Run(session, registry);

        Assert.Equal(ActionResult.Failure, result);
        Assert.Equal("7654321", registry.Get(Key, "Partner"));
        var line = Assert.Single(session.LogLines).Text;
        Assert.StartsWith("PorSetup: could not remove Partner value", line, StringComparison.Ordinal);
        Assert.EndsWith("RegOpenKeyExW failed with Win32 error 5.", line, StringComparison.Ordinal);
    }

    [Fact]
    public void UnexpectedRegistryException_Fails_WithItsTypeInTheLog()
    {
        var session = DeferredSession("1111111");
        var registry = new FakeMachineRegistry { ThrowOnCall = new InvalidOperationException("boom") };

        Assert.Equal(ActionResult.Failure, Run(session, registry));
        Assert.EndsWith("InvalidOperationException: boom", Assert.Single(session.LogLines).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomActionDataUnreadable_Fails_WithoutTouchingTheRegistry()
    {
        var session = DeferredSession("1111111");
        session.ThrowOnGet = new Win32CallException("MsiGetPropertyW", 6);
        var registry = RegistryWith("7654321");

        var result = Run(session, registry);

        Assert.Equal(ActionResult.Failure, result);
        Assert.Empty(registry.Calls);
        Assert.Equal(
            ["PorSetup: PutBackPartnerValue could not read CustomActionData: MsiGetPropertyW failed with Win32 error 6."],
            session.LogLines.Select(m => m.Text));
    }

    [Fact]
    public void BrokenLog_DoesNotChangeTheResult()
    {
        var restored = DeferredSession("1111111");
        restored.ThrowOnMessage = new InvalidOperationException("no log");
        var refused = DeferredSession("1111111");
        refused.ThrowOnMessage = new InvalidOperationException("no log");
        var registry = new FakeMachineRegistry();

        Assert.Equal(ActionResult.Success, Run(restored, registry));
        Assert.Equal("1111111", registry.Get(Key, "Partner"));
        Assert.Equal(ActionResult.Failure, Run(refused, new FakeMachineRegistry { ThrowOnCall = new Win32CallException("RegCreateKeyExW", 5) }));
    }

    // What a raw registry search gives for each type (Windows Installer's documented form), and what is written back.
    [Theory]
    [InlineData("##12 345 Contoso", "REG_SZ", "#12 345 Contoso", "230031003200200033003400350020004300")]
    [InlineData("#1234567", "REG_DWORD", "1234567", "87D61200")]
    [InlineData("#-1", "REG_DWORD", "-1", "FFFFFFFF")]
    [InlineData("#%%SystemRoot%\\x", "REG_EXPAND_SZ", "%SystemRoot%\\x", "25005300")]
    [InlineData("#x0A0b", "REG_BINARY", "0A0b", "0A0B")]
    [InlineData("a[~]b[~]", "REG_MULTI_SZ", "a | b", "61000000620000000000")]
    [InlineData("#", "REG_SZ", "#", "23000000")]
    [InlineData("#12a", "REG_SZ", "#12a", "2300")]
    [InlineData("#x0A0", "REG_SZ", "#x0A0", "2300")]
    public void RawSearchForm_IsWrittenBackWithItsType(string raw, string type, string text, string bytesStart)
    {
        var session = DeferredSession(raw);
        var registry = RegistryWith("7654321");

        Assert.Equal(ActionResult.Success, Run(session, registry));

        var written = registry.GetData(Key, "Partner")!;
        Assert.Equal(type, written.TypeName);
        Assert.Equal(text, written.Text);
        Assert.StartsWith(bytesStart, Convert.ToHexString(written.Bytes), StringComparison.Ordinal);
        Assert.Equal([type == "REG_SZ" ? $"PorSetup: restored Partner value {text}" : $"PorSetup: restored Partner value {type} {text}"], session.LogLines.Select(m => m.Text));
    }

    [Fact]
    public void AString_IsWrittenAsUtf16_WithItsTerminatingNull()
    {
        var session = DeferredSession("é1");
        var registry = new FakeMachineRegistry();

        Run(session, registry);

        Assert.Equal("E9003100" + "0000", Convert.ToHexString(registry.GetData(Key, "Partner")!.Bytes));
    }

    private static FakeSession DeferredSession(string customActionData)
    {
        var session = new FakeSession { Deferred = true };
        session.Properties["CustomActionData"] = customActionData;
        return session;
    }

    private static FakeMachineRegistry RegistryWith(string partner)
    {
        var registry = new FakeMachineRegistry();
        registry.Keys[Key] = new(StringComparer.OrdinalIgnoreCase) { ["Partner"] = RegistryData.FromString(partner) };
        return registry;
    }

    private static ActionResult Run(FakeSession session, FakeMachineRegistry registry) =>
        new PutBackPartnerValueAction(session, registry).Run();
}
