// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What the local test machine must put back, written to disk (<see cref="LocalJournalFile"/>) before the test
/// changes anything and again before each claim, so that a run that is interrupted (a job timeout, Ctrl+C, a crashed
/// test host) leaves the machine restorable: the PorSetup products that were installed, each registry view's MSO
/// values and keys and PorSetup key, and everything the test claimed. <see cref="JournalRestore"/> puts it back.
/// </summary>
public sealed record LocalJournal(
    int Format,
    int ProcessId,
    DateTimeOffset Started,
    IReadOnlyList<string> ProductsBefore,
    IReadOnlyList<JournalView> Views,
    IReadOnlyList<JournalRegistryClaim> RegistryClaims,
    IReadOnlyList<JournalPathClaim> PathClaims)
{
    public const int CurrentFormat = 1;

    public static LocalJournal Begin(IReadOnlyList<string> productsBefore, IReadOnlyList<JournalView> views) =>
        new(CurrentFormat, Environment.ProcessId, DateTimeOffset.UtcNow, productsBefore, views, [], []);

    public LocalJournal With(JournalRegistryClaim claim) => this with { RegistryClaims = [.. this.RegistryClaims, claim] };

    public LocalJournal With(JournalPathClaim claim) => this with { PathClaims = [.. this.PathClaims, claim] };
}
