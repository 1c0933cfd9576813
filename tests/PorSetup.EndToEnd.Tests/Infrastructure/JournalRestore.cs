// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Puts a machine back as a <see cref="LocalJournal"/> says it was, in <see cref="RestoreSteps"/>' order and each
/// item on its own: the local machine's Dispose runs these items after every test, and the next run (or the restore
/// command, docs/wine-and-windows.md) runs <see cref="Recover"/> with a journal an interrupted run left on disk.
/// </summary>
public static class JournalRestore
{
    /// <summary>The MSO key and the key above it, which an install may create and an uninstall remove.</summary>
    public static IReadOnlyList<string> MsoChain { get; } = [@"HKLM\SOFTWARE\Microsoft\Windows Server", MachineRegistry.MsoKey];

    /// <summary>Why a journal must not be restored (it names what no test claims); empty when it may be.</summary>
    public static IReadOnlyList<string> Refusals(LocalJournal journal, JournalLimits limits)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(limits);
        return
        [
            .. journal.PathClaims.Where(c => !limits.AllowsPath(c.Path)).Select(c => $"{c.Path} is not in a folder a test claims in ({string.Join(", ", limits.Folders)})"),
            .. journal.PathClaims.Where(c => !JournalLimits.IsAtOrBelow(c.Path, c.ExistingAncestor)).Select(c => $"{c.ExistingAncestor} is not a folder above {c.Path}"),
            .. journal.RegistryClaims.Where(c => !limits.AllowsKey(c.Key)).Select(c => $@"{c.Key}\{c.Name} is not a value a test claims (only {string.Join(", ", limits.RegistryKeys)})"),
            .. journal.RegistryClaims.Where(c => !c.Key.StartsWith(c.ExistingKey, StringComparison.OrdinalIgnoreCase)).Select(c => $"{c.ExistingKey} is not a key above {c.Key}"),
            .. journal.Views.SelectMany(v => v.MsoKeysThatExisted).Where(k => !MsoChain.Contains(k, StringComparer.OrdinalIgnoreCase)).Select(k => $"{k} is not a key of the MSO chain"),
        ];
    }

    /// <summary>What one step undoes, each item with what it does.</summary>
    public static IEnumerable<(string What, Action Undo)> Items(LocalJournal journal, IRestorableMachine machine, RestoreStep step)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(machine);
        return step switch
        {
            RestoreStep.UninstallProducts => machine.PorSetupProducts()
                .Except(journal.ProductsBefore, StringComparer.OrdinalIgnoreCase)
                .Select(product => ($"msiexec /x {product}", (Action)(() => machine.Uninstall(product)))),
            RestoreStep.RestoreMsoKey => journal.Views.Select(view => ($"putting back its values ({view.View})", (Action)(() => RestoreMsoKey(view, machine)))),
            RestoreStep.RemoveClaimedRegistryValues => journal.RegistryClaims
                .Select(claim => ($@"{(claim.Before is null ? "removing" : "putting back")} {claim.Key}\{claim.Name}", (Action)(() => RestoreClaim(claim, machine)))),
            RestoreStep.RemoveClaimedFiles => journal.PathClaims
                .Select(claim => ($"{(claim.Existed ? "putting back" : "removing")} {claim.Path}", (Action)(() => RestoreClaim(claim)))),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };
    }

    /// <summary>
    /// An interrupted run's journal put back: refused whole (nothing touched) when it names what no test claims;
    /// otherwise every step, then HKLM\SOFTWARE\PorSetup removed in each view where it was not there before (the
    /// uninstall normally removes it). The problems, empty when the machine is back.
    /// </summary>
    public static IReadOnlyList<string> Recover(LocalJournal journal, IRestorableMachine machine, JournalLimits limits)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var refusals = Refusals(journal, limits);
        if (refusals.Count > 0)
        {
            return [.. refusals.Select(r => $"not restored: {r}")];
        }

        var problems = RestoreSteps.Run(step => Items(journal, machine, step)).ToList();
        foreach (var view in journal.Views.Where(v => !v.PorSetupKeyExisted))
        {
            RestoreSteps.Attempt(problems, $"removing {MachineRegistry.PorSetupKey} ({view.View})", () => machine.DeleteKeyTree(MachineRegistry.PorSetupKey, view.View));
        }

        return problems;
    }

    private static void RestoreMsoKey(JournalView before, IRestorableMachine machine)
    {
        foreach (var name in machine.ValueNames(MachineRegistry.MsoKey, before.View))
        {
            if (!before.MsoValues.Any(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                machine.DeleteValue(MachineRegistry.MsoKey, name, before.View);
            }
        }

        foreach (var value in before.MsoValues)
        {
            machine.SetValue(MachineRegistry.MsoKey, value, before.View);
        }

        foreach (var key in MsoChain.Reverse().Where(key => !before.MsoKeysThatExisted.Contains(key, StringComparer.OrdinalIgnoreCase)))
        {
            machine.DeleteKeyIfEmpty(key, before.View);
        }
    }

    private static void RestoreClaim(JournalRegistryClaim claim, IRestorableMachine machine)
    {
        if (claim.Before is not null)
        {
            machine.SetValue(claim.Key, claim.Before, RegistryView.Registry64);
            return;
        }

        machine.DeleteValue(claim.Key, claim.Name, RegistryView.Registry64);
        for (var created = claim.Key; created.Length > claim.ExistingKey.Length && machine.DeleteKeyIfEmpty(created, RegistryView.Registry64); created = created[..created.LastIndexOf('\\')])
        {
        }
    }

    private static void RestoreClaim(JournalPathClaim claim)
    {
        if (claim.Existed && claim.Bytes is null)
        {
            return;
        }

        if (Directory.Exists(claim.Path))
        {
            Directory.Delete(claim.Path, recursive: true);
        }
        else if (File.Exists(claim.Path))
        {
            File.Delete(claim.Path);
        }

        if (claim.Bytes is not null)
        {
            File.WriteAllBytes(claim.Path, claim.Bytes);
            return;
        }

        for (var folder = Path.GetDirectoryName(claim.Path); folder is not null && folder.Length > claim.ExistingAncestor.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder))
        {
            Directory.Delete(folder);
        }
    }
}
