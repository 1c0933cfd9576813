// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="LocalMachine"/>'s restore so that no failure stops it: every item of every step in a try of its
/// own, each failure one problem that names the step, the item and the exception. A test that changed the real
/// machine must not leave it half restored because one file was still open.
/// </summary>
public static class RestoreSteps
{
    /// <summary>
    /// The order: what matters most first. The uninstall takes PorSetup off and puts back the Partner value it found;
    /// the MSO key then; the claimed policies after the uninstall has run under them; files last, since a log may
    /// still be open (msiexec's, Install-PorSetup.cmd's) and the steps before give it time to close.
    /// </summary>
    public static IReadOnlyList<RestoreStep> Order { get; } =
        [RestoreStep.UninstallProducts, RestoreStep.RestoreMsoKey, RestoreStep.RemoveClaimedRegistryValues, RestoreStep.RemoveClaimedFiles];

    /// <summary>Each step's items (what each undoes, and how) in <see cref="Order"/>; the problems, in that order.</summary>
    public static IReadOnlyList<string> Run(Func<RestoreStep, IEnumerable<(string What, Action Undo)>> itemsOf)
    {
        ArgumentNullException.ThrowIfNull(itemsOf);
        var problems = new List<string>();
        foreach (var step in Order)
        {
            IReadOnlyList<(string What, Action Undo)> items = [];
            Attempt(problems, $"{step}: listing what to undo", () => items = [.. itemsOf(step)]);
            foreach (var (what, undo) in items)
            {
                Attempt(problems, $"{step}: {what}", undo);
            }
        }

        return problems;
    }

    /// <summary>Runs action; should it throw, adds "what failed: exception" to problems and returns.</summary>
    public static void Attempt(ICollection<string> problems, string what, Action action)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            action();
        }
#pragma warning disable CA1031 // Any failure of one step is a problem to report, and must not stop the steps after it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            problems.Add($"{what} failed: {e}");
        }
    }
}
