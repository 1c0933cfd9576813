// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// Which machine PORSETUP_TEST_MACHINE picks, as a function of the platform, the setting, the elevation and what
/// PorSetup owns on the machine: the local machine is used only when all say so, and every refusal says why.
/// </summary>
public sealed class TestMachineChoiceTests
{
    private static readonly Func<bool> Elevated = () => true;
    private static readonly Func<string?> NoJournal = () => null;
    private static readonly Func<IReadOnlyList<string>> NothingOwned = () => [];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wine")]
    [InlineData("WINE")]
    public void OnLinux_UnsetOrWine_IsWine(string? variable)
    {
        Assert.Equal(new TestMachineChoice(TestMachineKind.Wine, null, null), Decide(isWindows: false, variable));
    }

    [Fact]
    public void OnWindows_Unset_InstallsNothing_AndSkipsSayingHowToRun()
    {
        var choice = Decide(isWindows: true, null);

        Assert.Null(choice.Kind);
        Assert.Null(choice.Refusal);
        Assert.Equal("set PORSETUP_TEST_MACHINE=local to install on this machine for real, or run on Linux with Wine", choice.SkipReason);
    }

    [Fact]
    public void OnWindows_LocalElevatedAndClean_IsLocal()
    {
        Assert.Equal(new TestMachineChoice(TestMachineKind.Local, null, null), Decide(isWindows: true, "local"));
    }

    [Fact]
    public void OnLinux_Local_IsRefused()
    {
        var choice = Decide(isWindows: false, "local");

        Assert.Null(choice.Kind);
        Assert.Null(choice.SkipReason);
        Assert.Contains("runs on Windows only", choice.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void OnWindows_Wine_IsRefused()
    {
        Assert.Contains("this is Windows", Decide(isWindows: true, "wine").Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "vm")]
    [InlineData(true, "lokal")]
    [InlineData(true, "windows")]
    public void AnUnknownValue_IsRefused_Naming_It(bool isWindows, string variable)
    {
        var choice = Decide(isWindows, variable);

        Assert.Null(choice.Kind);
        Assert.Contains($"PORSETUP_TEST_MACHINE={variable} is not a test machine", choice.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void OnWindows_LocalNotElevated_IsRefused_WithoutLookingAtTheMachine()
    {
        var choice = TestMachineChoice.Decide(true, "local", () => false, () => throw new InvalidOperationException("not to be restored"), () => throw new InvalidOperationException("not to be read"));

        Assert.Null(choice.Kind);
        Assert.Contains("elevated", choice.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void OnWindows_LocalWithPorSetupInstalled_IsRefused_NamingWhatIsThere()
    {
        var choice = TestMachineChoice.Decide(true, "local", Elevated, NoJournal, () => ["installed product {1}", @"HKLM\SOFTWARE\PorSetup (64-bit view)"]);

        Assert.Null(choice.Kind);
        Assert.Contains(@"Found: installed product {1}; HKLM\SOFTWARE\PorSetup (64-bit view).", choice.Refusal, StringComparison.Ordinal);
    }

    // An interrupted run's journal is put back before the machine is looked at: what it restores is not "owned".
    [Fact]
    public void OnWindows_AnInterruptedRun_IsRestoredBeforeThePreRunCheck()
    {
        var asked = new List<string>();

        var choice = TestMachineChoice.Decide(true, "local", Elevated, () => { asked.Add("restore"); return null; }, () => { asked.Add("owned"); return []; });

        Assert.Equal(TestMachineKind.Local, choice.Kind);
        Assert.Equal(["restore", "owned"], asked);
    }

    [Fact]
    public void OnWindows_AJournalThatCannotBeRestored_IsRefused_SayingWhy()
    {
        var choice = TestMachineChoice.Decide(true, "local", Elevated, () => "msiexec /x {1} returned 1603", () => throw new InvalidOperationException("not to be read"));

        Assert.Null(choice.Kind);
        Assert.Equal("PORSETUP_TEST_MACHINE=local: msiexec /x {1} returned 1603", choice.Refusal);
    }

    [Fact]
    public void OnLinux_NeitherElevationNorTheMachineIsAsked()
    {
        var choice = TestMachineChoice.Decide(false, null, () => throw new InvalidOperationException("not to be asked"), () => throw new InvalidOperationException("not to be restored"), () => throw new InvalidOperationException("not to be read"));

        Assert.Equal(TestMachineKind.Wine, choice.Kind);
    }

    private static TestMachineChoice Decide(bool isWindows, string? variable) =>
        TestMachineChoice.Decide(isWindows, variable, Elevated, NoJournal, NothingOwned);
}
