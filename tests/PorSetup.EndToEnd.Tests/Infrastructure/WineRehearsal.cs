// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The Windows rehearsal (tests/WineRehearsal.ps1, run by build.ps1 -Test on Linux): these tests built for win-x64 and
/// run under Wine as a Windows program, with PORSETUP_TEST_MACHINE=local, in a throw-away prefix that plays "this
/// Windows machine"; the script sets PORSETUP_REHEARSAL=wine. The prefix has no .NET SDK, PowerShell, msitools or
/// WixToolset.Sdk: a test that needs one is skipped there, saying which, and runs on windows-2022 (the CI job).
/// </summary>
public static class WineRehearsal
{
    public const string Variable = "PORSETUP_REHEARSAL";

    /// <summary>True in the rehearsal: Windows (as Wine plays it) with PORSETUP_REHEARSAL=wine.</summary>
    public static bool IsOn { get; } =
        OperatingSystem.IsWindows() && string.Equals(Environment.GetEnvironmentVariable(Variable), "wine", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// In the rehearsal, skips the running test: it needs <paramref name="what"/>, which the prefix does not have;
    /// <paramref name="runsIt"/> says where the test does run.
    /// </summary>
    public static void SkipWithout(string what, string runsIt = "the windows-2022 CI job runs it")
    {
        if (IsOn)
        {
            Assert.Skip($"Wine rehearsal: needs {what}, which the rehearsal's Wine prefix does not have; {runsIt}.");
        }
    }

    /// <summary>
    /// In the rehearsal, skips the running test where Wine's answer differs from Windows' (docs/wine-and-windows.md): the
    /// local machine expects Windows' answer, which only Windows gives; the windows-2022 CI job checks it.
    /// </summary>
    public static void SkipWhereWineDiffers(string difference)
    {
        if (IsOn)
        {
            Assert.Skip($"Wine rehearsal: Wine differs from Windows here: {difference}. The test expects Windows' answer, which the windows-2022 CI job checks.");
        }
    }

    /// <summary>Why a test that runs build.ps1 is skipped in the rehearsal (null elsewhere), for an attribute's Skip.</summary>
    public static string? BuildScriptSkipReason => IsOn
        ? "Wine rehearsal: needs the .NET SDK and PowerShell (dotnet pwsh build.ps1), which the rehearsal's Wine prefix does not have; the windows-2022 CI job runs it."
        : null;
}
