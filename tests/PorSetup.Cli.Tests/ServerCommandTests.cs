// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli.Tests;

/// <summary>status and remove need msi.dll and the Windows registry: elsewhere they say so and return the command-line error code.</summary>
public sealed class ServerCommandTests
{
    [Theory]
    [InlineData("status")]
    [InlineData("status", "--json")]
    [InlineData("remove")]
    [InlineData("remove", "--partner", "keep", "--log", "x.log")]
    public void OutsideWindows_TheServerCommands_SaySoPlainly(params string[] args)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "On Windows these commands read this machine: the end-to-end tests run them (StatusCommandTests, RemoveCommandTests).");

        var run = CliRun.Of(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"porsetup {args[0]} runs on Windows only: it reads Windows Installer (msi.dll) and the Windows registry. Run porsetup.exe on the server.", run.Error.Trim());
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Remove_RefusesAnUnknownPartnerChoice_Anywhere()
    {
        var run = CliRun.Of("remove", "--partner", "restore");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("putback", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheHelp_DocumentsBothCommands()
    {
        var help = CliRun.Of("--help").Output;
        var status = CliRun.Of("status", "--help").Output;
        var remove = CliRun.Of("remove", "--help").Output;

        Assert.Contains("status", help, StringComparison.Ordinal);
        Assert.Contains("remove", help, StringComparison.Ordinal);
        Assert.Contains("--json", status, StringComparison.Ordinal);
        Assert.All(["--partner", "putback", "keep", "delete", "--log", "3010"], word => Assert.Contains(word, remove, StringComparison.Ordinal));
    }
}
