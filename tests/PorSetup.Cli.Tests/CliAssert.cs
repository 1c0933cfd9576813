// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli.Tests;

/// <summary>What every file error of the tool must be: one line naming the file at fault, in words.</summary>
internal static class CliAssert
{
    public static void FileError(CliRun run, string fileAtFault, string reason)
    {
        Assert.Equal(ExitCodes.FileError, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.StartsWith(fileAtFault, run.Error, StringComparison.Ordinal);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        PlainWords(run.Error);
    }

    /// <summary>No exception type, no temporary file, no MSI-internal stream name, no system error wording.</summary>
    public static void PlainWords(string message)
    {
        foreach (var internalWord in new[] { "Exception", ".tmp-", "_StringPool", "_StringData", "Access to the path", "Is a directory", "   at " })
        {
            Assert.DoesNotContain(internalWord, message, StringComparison.Ordinal);
        }

        Assert.Single(message.TrimEnd().Split('\n'));
    }
}
