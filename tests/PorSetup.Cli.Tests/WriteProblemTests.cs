// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli.Tests;

/// <summary>An error while the output is written is said about the output, never about the temporary file it goes through.</summary>
public sealed class WriteProblemTests
{
    private static readonly string Output = Path.Combine(Path.GetTempPath(), "share", "PorSetup-1234567.msi");

    [Fact]
    public void AnIoError_NamesTheOutput_NotTheTemporaryFile()
    {
        var temporary = $"{Output}.tmp-{Guid.NewGuid():N}";

        var problem = OutputFile.WriteProblem(Output, new IOException($"No space left on device : '{temporary}'"));

        Assert.Equal($"{Output} cannot be written: no space left on device : '{Output}'", problem.Message);
        Assert.Equal(ExitCodes.FileError, problem.ExitCode);
    }

    [Fact]
    public void AccessDenied_IsSaidInWords()
    {
        var problem = OutputFile.WriteProblem(Output, new UnauthorizedAccessException($"Access to the path '{Output}.tmp-0' is denied."));

        Assert.Equal($"{Output} cannot be written: access is denied.", problem.Message);
        CliAssert.PlainWords(problem.Message);
    }
}
