// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Testing;

namespace PorSetup.Cli.Tests;

/// <summary>The MSI build.ps1 made (artifacts/PorSetup.msi, or under PORSETUP_ARTIFACTS), copied into a test's folder.</summary>
internal static class TestMsi
{
    public static string Shipped
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("PORSETUP_ARTIFACTS") is { Length: > 0 } artifacts
                ? Path.GetFullPath(artifacts)
                : Path.Combine(PorSetup.Testing.RepositoryRoot.Path, "artifacts");
            var msi = Path.Combine(folder, "PorSetup.msi");
            return File.Exists(msi) ? msi : throw new FileNotFoundException($"{msi} is missing: run 'dotnet pwsh ./build.ps1' first.", msi);
        }
    }

    public static string CopyTo(string folder, string name = "PorSetup.msi")
    {
        var copy = Path.Combine(folder, name);
        File.Copy(Shipped, copy);
        return copy;
    }

    /// <summary>A compound file with a patch's class id (a .msp as far as the tool looks), with one stream.</summary>
    public static string Patch(string folder)
    {
        var patch = Path.Combine(folder, "update.msp");
        var root = new PorSetup.Msi.CompoundStorage("Root Entry") { Clsid = PorSetup.Msi.CompoundFile.PatchClsid };
        root.SetStream("\u0005SummaryInformation", new byte[48]);
        PorSetup.Msi.CompoundFile.Write(root, patch);
        return patch;
    }

    /// <summary>A copy with one more property in its Property table, written by msibuild (not by the code under test).</summary>
    public static string CopyWithProperty(string folder, string name, string property, string value)
    {
        var copy = CopyTo(folder, name);
        Tool.RunChecked("msibuild", copy, "-q", $"INSERT INTO `Property` (`Property`, `Value`) VALUES ('{property}', '{value}')");
        return copy;
    }
}
