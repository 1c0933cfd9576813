// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// The restore command of docs/wine-and-windows.md ("After an interrupted run"): run alone, from an elevated prompt
/// with PORSETUP_TEST_MACHINE=local, it puts back what the journal of an interrupted run lists (the choice of the
/// test machine does, before anything else; a journal that cannot be restored fails it, naming what failed), then
/// takes the machine and gives it back, and no journal is left.
/// </summary>
public sealed class RestoreCommandTests
{
    [LocalMachineFact]
    public void Restore_PutsBackAnInterruptedRun_AndLeavesNoJournal()
    {
        using (TestMachine.Create())
        {
            Assert.True(File.Exists(LocalJournalFile.DefaultPath), $"A local machine in use has its journal at {LocalJournalFile.DefaultPath}.");
        }

        Assert.False(File.Exists(LocalJournalFile.DefaultPath), $"{LocalJournalFile.DefaultPath} is still there after the machine was given back.");
    }
}
