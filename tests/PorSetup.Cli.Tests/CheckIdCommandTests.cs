// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli.Tests;

public sealed class CheckIdCommandTests
{
    [Theory]
    [InlineData("1234567", "1234567")]
    [InlineData(" 1234567 ", "1234567")]
    public void AValidId_Exits0AndShowsTheNormalizedId(string id, string shown)
    {
        var run = CliRun.Of("check-id", id);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"accepted: {shown}", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Theory]
    [InlineData("12345a7", PartnerIdMessages.NotADigitCode)]
    [InlineData("1234", PartnerIdMessages.LengthCode)]
    [InlineData("   ", PartnerIdMessages.MissingCode)]
    [InlineData("１２３４５６７", PartnerIdMessages.NotADigitCode)]
    public void ABadId_Exits2WithTheInstallersMessage(string id, string code)
    {
        var run = CliRun.Of("check-id", id);

        Assert.Equal(ExitCodes.InvalidPartnerId, run.ExitCode);
        Assert.StartsWith(code, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("check-id")]
    [InlineData("stamp")]
    [InlineData("transform")]
    [InlineData("inspect")]
    public void Help_ListsEveryCommand(string command)
    {
        var run = CliRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(command, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingArgument_IsAUsageError()
    {
        var run = CliRun.Of("check-id");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }
}
