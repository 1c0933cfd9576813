// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;
using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests;

/// <summary>The fr-FR package (build.ps1 -Culture fr-FR): its strings, its language, and its messages.</summary>
public sealed class FrenchPackageTests
{
    private static string French => TestPackages.InCulture("fr-FR");

    [MsitoolsFact]
    public void TheDatabaseIsFrench()
    {
        Assert.Equal("x64;1036", MsiTables.ReadSummary(French)["Template"]);
        Assert.Equal("1036", MsiTables.ReadProperties(French)["ProductLanguage"]);
        Assert.Contains("Une version plus récente", Assert.Single(MsiTables.Read(French, "LaunchCondition"))[1], StringComparison.Ordinal);
    }

    [MachineFact]
    public void ABadId_IsRefusedInFrench()
    {
        using var machine = TestMachine.Create();

        var result = new PackageInstaller(machine, French).InstallProduct(MsiExecReturnCode.ERROR_INSTALL_FAILURE, "PARTNERID=1234");

        Assert.Contains($"{PartnerIdMessages.LengthCode}: PARTNERID \"1234\" n'est pas valide", result.Log, StringComparison.Ordinal);
    }

    [MachineFact]
    public void AValidId_IsWrittenWithAFrenchArpComment()
    {
        using var machine = TestMachine.Create();

        new PackageInstaller(machine, French).InstallProduct(MsiExecReturnCode.SUCCESS, "PARTNERID=1234567");

        Assert.Equal("1234567", machine.Registry.Partner);
        Assert.Equal("ID partenaire (Partner of Record) : 1234567", machine.ArpValue(French, "Comments"));
    }
}
