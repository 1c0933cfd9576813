// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli.Tests;

/// <summary>Every command's --help ends with the exit codes it returns, so scripts can be written from the help alone.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData(new[] { "--help" }, new[] { 0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14 })]
    [InlineData(new[] { "check-id", "--help" }, new[] { 0, 1, 2 })]
    [InlineData(new[] { "stamp", "--help" }, new[] { 0, 1, 2, 3, 4 })]
    [InlineData(new[] { "transform", "--help" }, new[] { 0, 1, 2, 3, 4 })]
    [InlineData(new[] { "inspect", "-h" }, new[] { 0, 1, 3 })]
    [InlineData(new[] { "status", "--help" }, new[] { 0, 1, 5, 10, 11, 12, 13, 14 })]
    [InlineData(new[] { "remove", "--help" }, new[] { 0, 1, 5, 10, 1603, 1618, 1641, 1730, 3010 })]
    public void Help_ListsTheExitCodes(string[] args, int[] codes)
    {
        var run = CliRun.Of(args);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var exitCodes = run.Output[run.Output.IndexOf("Exit codes:", StringComparison.Ordinal)..];
        var listed = exitCodes.Split(Environment.NewLine).Skip(1).Where(l => l.Length > 0).Select(l => int.Parse(l.TrimStart().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(codes, listed);
    }

    [Fact]
    public void StampAndTransformHelp_OfferSigning()
    {
        foreach (var command in new[] { "stamp", "transform" })
        {
            var help = CliRun.Of(command, "--help").Output;
            Assert.Contains("--sign-with", help, StringComparison.Ordinal);
            Assert.Contains("--timestamp-url", help, StringComparison.Ordinal);
            Assert.Contains("PORSETUP_PFX_PASSWORD", help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void StampAndTransformHelp_OfferForce()
    {
        Assert.Contains("--force", CliRun.Of("stamp", "--help").Output, StringComparison.Ordinal);
        Assert.Contains("--force", CliRun.Of("transform", "--help").Output, StringComparison.Ordinal);
    }
}
