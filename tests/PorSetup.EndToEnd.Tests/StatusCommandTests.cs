// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text.Json;
using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// `porsetup.exe status` on a server: the real MSI installed with the test machine's msiexec, then porsetup.exe (the
/// self-contained win-x64 build, in a prefix with no .NET) reads the registry and Windows Installer's product data.
/// Exit codes: 0 ok, 10 no PorSetup, 11 value missing, 12 value differs, 13 wrong type, 14 invalid ID.
/// </summary>
public sealed class StatusCommandTests
{
    private const string Id = "1234567";

    [MachineFact]
    public void NothingInstalled_IsNoPorSetup_Exit10()
    {
        using var machine = TestMachine.Create();
        var porsetup = new PorSetupExe(machine);

        var text = porsetup.Run("status");
        var json = porsetup.Run("status", "--json");

        Assert.True(text.ExitCode == 10, text.Output);
        Assert.Contains("PorSetup products: none", text.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith($"Verdict: no-porsetup: no product with PorSetup's UpgradeCode {InstalledProducts.UpgradeCode} is installed.", text.StandardOutput.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(10, json.ExitCode);
        using var document = JsonDocument.Parse(json.StandardOutput);
        Assert.Equal("no-porsetup", document.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(0, document.RootElement.GetProperty("products").GetArrayLength());
    }

    [MachineFact]
    public void Installed_IsOk_Exit0_AndShowsTheProductAndWhatUninstallPutsBack()
    {
        using var machine = TestMachine.Create();
        machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, "7777777");
        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={Id}");

        var run = new PorSetupExe(machine).Run("status");

        Assert.True(run.ExitCode == 0, run.Output);
        var lines = run.StandardOutput.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        Assert.Equal($@"Partner value (HKLM\SOFTWARE\Microsoft\Windows Server\MSO, 64-bit view): {Id} (REG_SZ)", lines[0]);
        Assert.StartsWith($"PorSetup {TestPackages.ShippedVersion} {InstalledProducts.ProductCode(TestPackages.Shipped)}: installed from PorSetup.msi; transforms: none; Group Policy: ", lines[1], StringComparison.Ordinal);
        Assert.Equal(@"Last uninstall (UNINSTALLPARTNER=putback, the default): puts back 7777777 (HKLM\SOFTWARE\PorSetup PreviousPartner)", lines[3]);
        Assert.StartsWith("Verdict: ok: ", lines[^1], StringComparison.Ordinal);

        // Wine has no GetLocalManagedApplications (advapi32 exports none: measured, Wine 8); Windows lists the
        // computer's Group Policy deployments, and a product installed with msiexec is in none of them.
        if (!machine.IsWine)
        {
            WineRehearsal.SkipWhereWineDiffers("Wine's advapi32 has no GetLocalManagedApplications, so status says the Group Policy deployment is unknown");
        }

        Assert.EndsWith(machine.Expected("Group Policy: unknown (this system has no GetLocalManagedApplications)", "Group Policy: not managed"), lines[1], StringComparison.Ordinal);
    }

    // Contract 1: the package keeps the ID it installed in HKLM\SOFTWARE\PorSetup InstalledPartner.
    [MachineFact]
    public void Installed_Json_CarriesTheValueTheIdPorSetupInstalledAndTheProduct()
    {
        using var machine = TestMachine.Create();
        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={Id}");

        var run = new PorSetupExe(machine).Run("status", "--json");

        Assert.True(run.ExitCode == 0, run.Output);
        using var document = JsonDocument.Parse(run.StandardOutput);
        var root = document.RootElement;
        Assert.Equal("ok", root.GetProperty("verdict").GetString());
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
        Assert.Equal("REG_SZ", root.GetProperty("partner").GetProperty("type").GetString());
        Assert.Equal(Id, root.GetProperty("partner").GetProperty("data").GetString());
        Assert.Equal("delete", root.GetProperty("lastUninstall").GetProperty("action").GetString());
        var product = Assert.Single(root.GetProperty("products").EnumerateArray());
        Assert.Equal(InstalledProducts.ProductCode(TestPackages.Shipped), product.GetProperty("productCode").GetString());
        Assert.Equal(TestPackages.ShippedVersion, product.GetProperty("version").GetString());
        Assert.Equal("PorSetup.msi", product.GetProperty("packageName").GetString());
        Assert.Equal(Id, root.GetProperty("installedPartner").GetString());
    }

    [MachineFact]
    public void ValueDeleted_IsValueMissing_Exit11()
    {
        using var machine = TestMachine.Create();
        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={Id}");
        machine.Registry.Delete(MachineRegistry.MsoKey, MachineRegistry.PartnerValue);

        var run = new PorSetupExe(machine).Run("status");

        Assert.True(run.ExitCode == 11, run.Output);
        Assert.Contains("Partner value (HKLM\\SOFTWARE\\Microsoft\\Windows Server\\MSO, 64-bit view): none", run.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("Verdict: value-missing: PorSetup is installed, but there is no Partner value.", run.StandardOutput.TrimEnd(), StringComparison.Ordinal);
    }

    // Contract 1: status compares the value with InstalledPartner, which the package writes.
    [MachineFact]
    public void ValueChangedByHand_IsValueDiffers_Exit12()
    {
        using var machine = TestMachine.Create();
        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={Id}");
        machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, "7654321");

        var run = new PorSetupExe(machine).Run("status");

        Assert.True(run.ExitCode == 12, run.Output);
        Assert.EndsWith($"Verdict: value-differs: the Partner value is 7654321, but PorSetup installed {Id}.", run.StandardOutput.TrimEnd(), StringComparison.Ordinal);
    }

    [MachineTheory]
    [InlineData("REG_DWORD", "0x12d687")]
    [InlineData("REG_EXPAND_SZ", "1234567")]
    public void AValueOfAnotherType_IsWrongType_Exit13(string type, string data)
    {
        using var machine = TestMachine.Create();
        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={Id}");
        machine.Registry.Set(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, type, data);

        var run = new PorSetupExe(machine).Run("status");

        Assert.True(run.ExitCode == 13, run.Output);
        Assert.Contains($"64-bit view): {Id} ({type})", run.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith($"Verdict: wrong-type: the Partner value is a {type}, not a REG_SZ string as Windows Server Essentials reads it.", run.StandardOutput.TrimEnd(), StringComparison.Ordinal);
    }

    [MachineFact]
    public void AnInvalidIdTypedByHand_IsInvalidId_Exit14()
    {
        using var machine = TestMachine.Create();
        new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, $"PARTNERID={Id}");
        machine.Registry.SetString(MachineRegistry.MsoKey, MachineRegistry.PartnerValue, "12345a7");

        var run = new PorSetupExe(machine).Run("status", "--json");

        Assert.True(run.ExitCode == 14, run.Output);
        using var document = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("invalid-id", document.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("the Partner value \"12345a7\" is not a valid ID (5 to 10 ASCII digits, nothing around them).", document.RootElement.GetProperty("message").GetString());
    }

    // Windows registers the transforms a product was installed with (INSTALLPROPERTY_TRANSFORMS) and applies them again
    // at every maintenance run; Wine 8 registers none (no Transforms value under its Installer\Products key: measured),
    // so under Wine the product shows "transforms: none".
    [MachineFact]
    public void AProductInstalledWithATransform_ShowsItsTransform()
    {
        var folder = TestWorkspace.NewFolder("status-transform");
        try
        {
            var transform = Path.Combine(folder, "PartnerId-1234567.mst");
            var made = PorSetupTool.Run("transform", TestPackages.Shipped, "--partner-id", Id, "--output", transform);
            Assert.True(made.ExitCode == 0, made.StandardError);
            using var machine = TestMachine.Create();
            new PackageInstaller(machine, TestPackages.Shipped).InstallProduct(MsiExecReturnCode.SUCCESS, $"TRANSFORMS={machine.WindowsPath(transform)}");

            var run = new PorSetupExe(machine).Run("status", "--json");

            Assert.True(run.ExitCode == 0, run.Output);
            using var document = JsonDocument.Parse(run.StandardOutput);
            var transforms = document.RootElement.GetProperty("products")[0].GetProperty("transforms").EnumerateArray().Select(t => t.GetString()!).ToList();
            if (!machine.IsWine)
            {
                WineRehearsal.SkipWhereWineDiffers("Wine registers no transforms for a product (no Transforms value), so status shows none");
            }

            if (machine.IsWine)
            {
                Assert.Empty(transforms);
            }
            else
            {
                Assert.Contains(transforms, t => t.EndsWith("PartnerId-1234567.mst", StringComparison.OrdinalIgnoreCase));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
