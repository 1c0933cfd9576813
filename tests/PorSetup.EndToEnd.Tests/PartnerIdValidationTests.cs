// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// The C# custom action inside the real msiexec: a bad ID fails the install with 1603, says why in the
/// /l*v log, and leaves a Partner value set before the attempt exactly as it was.
/// </summary>
public sealed class PartnerIdValidationTests
{
    private const string PreviousId = "7654321";

    public static TheoryData<string, string> BadIds => new()
    {
        { string.Empty, PartnerIdMessages.MissingCode },
        { "   ", PartnerIdMessages.MissingCode },
        { "12345a7", PartnerIdMessages.NotADigitCode },
        { "12 34567", PartnerIdMessages.NotADigitCode },
        { "1234", PartnerIdMessages.LengthCode },
        { "12345678901", PartnerIdMessages.LengthCode },
        { "１２３４５６７", PartnerIdMessages.NotADigitCode },
        { "#1234567", PartnerIdMessages.NotADigitCode },
        { "[ProductCode]", PartnerIdMessages.NotADigitCode },
        { "1234567[~]", PartnerIdMessages.NotADigitCode },
        { "-1234567", PartnerIdMessages.NotADigitCode },
        { new string('9', 150) + new string('x', 150), PartnerIdMessages.NotADigitCode },
    };

    [MachineTheory]
    [MemberData(nameof(BadIds))]
    public void Install_WithABadId_FailsWith1603_LogsWhy_AndKeepsThePreviousValue(string badId, string expectedCode)
    {
        using var machine = TestMachine.Create();
        machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, PreviousId);
        var product = new PackageInstaller(machine, TestPackages.Shipped);

        var result = product.InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, $"PARTNERID={badId}");

        Assert.Contains(expectedCode, result.Log, StringComparison.Ordinal);
        Assert.Equal(PreviousId, machine.Registry.Partner);
        Assert.False(machine.IsInstalled(TestPackages.Shipped));
    }

    [MachineFact]
    public void Install_WithoutAnId_OverAHandSetValue_IsRefused()
    {
        // A value set by hand is not PorSetup's: a first install still needs PARTNERID.
        using var machine = TestMachine.Create();
        machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, PreviousId);
        var product = new PackageInstaller(machine, TestPackages.Shipped);

        var result = product.InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE);

        Assert.Contains(PartnerIdMessages.MissingCode, result.Log, StringComparison.Ordinal);
        Assert.Equal(PreviousId, machine.Registry.Partner);
    }

    [MachineTheory]
    [InlineData(" 1234567 ", "1234567")]
    [InlineData("12345", "12345")]
    [InlineData("1234567890", "1234567890")]
    public void Install_WithAValidId_WritesItNormalized(string given, string stored)
    {
        using var machine = TestMachine.Create();
        var product = new PackageInstaller(machine, TestPackages.Shipped);

        product.InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={given}");

        Assert.Equal(stored, machine.Registry.Partner);
    }
}
