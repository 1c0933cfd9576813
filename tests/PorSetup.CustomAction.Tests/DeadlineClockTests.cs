// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction.Tests;

/// <summary>
/// The proxy's deadline arithmetic (Native/DeadlineClock.h), compiled for this host and run by
/// Native/DeadlineClockCheck.c: a reading in the start's own millisecond leaves the whole deadline (a worker was
/// once ended as soon as it started), time spent answering session calls is not counted, and an expired clock stays
/// expired.
/// </summary>
public sealed class DeadlineClockTests
{
    [HostCompilerFact]
    public void TheDeadlineClock_CountsOnlyTheWorkersTime_AndNeverWraps()
    {
        var root = PorSetup.Testing.RepositoryRoot.Path;
        var folder = Directory.CreateTempSubdirectory("porsetup-deadline-").FullName;
        try
        {
            var output = HostCompiler.CompileAndRun(
                "clang",
                folder,
                "-std=c99",
                "-Wall",
                "-Wextra",
                "-Werror",
                "-I",
                Path.Combine(root, "src", "PorSetup.CustomAction", "Native"),
                Path.Combine(root, "tests", "PorSetup.CustomAction.Tests", "Native", "DeadlineClockCheck.c"));
            Assert.Equal("all ok", output.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
