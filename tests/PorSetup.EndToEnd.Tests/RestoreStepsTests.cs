// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// The local machine's restore after a test: uninstall first, then the MSO key, the claimed registry values, the
/// claimed files; a failing item (a log still open) stops nothing after it, and every failure is named.
/// </summary>
public sealed class RestoreStepsTests
{
    [Fact]
    public void TheOrder_IsUninstall_MsoKey_RegistryClaims_Files()
    {
        Assert.Equal(
            [RestoreStep.UninstallProducts, RestoreStep.RestoreMsoKey, RestoreStep.RemoveClaimedRegistryValues, RestoreStep.RemoveClaimedFiles],
            RestoreSteps.Order);
        Assert.Equal(Enum.GetValues<RestoreStep>().Order(), RestoreSteps.Order.Order());
    }

    [Fact]
    public void EveryItem_RunsInOrder_WhenNothingFails()
    {
        var done = new List<string>();

        var problems = RestoreSteps.Run(step => [($"{step} 1", () => done.Add($"{step} 1")), ($"{step} 2", () => done.Add($"{step} 2"))]);

        Assert.Empty(problems);
        Assert.Equal(RestoreSteps.Order.SelectMany(step => new[] { $"{step} 1", $"{step} 2" }), done);
    }

    [Fact]
    public void AFailingItem_StopsNothing_AndEveryFailureIsNamed()
    {
        var done = new List<string>();

        var problems = RestoreSteps.Run(step => step switch
        {
            RestoreStep.UninstallProducts => [("msiexec /x {A}", () => throw new InvalidOperationException("msiexec /x {A} returned 1603")), ("msiexec /x {B}", () => done.Add("{B}"))],
            RestoreStep.RestoreMsoKey => throw new UnauthorizedAccessException("MSO key denied"),
            RestoreStep.RemoveClaimedRegistryValues => [("removing Logging", () => done.Add("Logging"))],
            _ => [(@"removing C:\Windows\Logs\PorSetup.log", () => throw new IOException("in use by another process")), (@"removing C:\long", () => done.Add(@"C:\long"))],
        });

        Assert.Equal(["{B}", "Logging", @"C:\long"], done);
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("UninstallProducts: msiexec /x {A} failed: System.InvalidOperationException: msiexec /x {A} returned 1603", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("RestoreMsoKey: listing what to undo failed: System.UnauthorizedAccessException: MSO key denied", problems[1], StringComparison.Ordinal);
        Assert.StartsWith(@"RemoveClaimedFiles: removing C:\Windows\Logs\PorSetup.log failed: System.IO.IOException: in use by another process", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Attempt_AddsTheFailure_AndReturns()
    {
        var problems = new List<string>();

        RestoreSteps.Attempt(problems, "clean-up: removing x", () => throw new IOException("busy"));
        RestoreSteps.Attempt(problems, "clean-up: removing y", () => { });

        Assert.Equal("clean-up: removing x failed: System.IO.IOException: busy", Assert.Single(problems).Split('\n')[0].TrimEnd('\r'));
    }
}
