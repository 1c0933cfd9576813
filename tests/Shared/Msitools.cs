// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Testing;

/// <summary>
/// msitools (wixl, msiinfo, msibuild, msidump, msiextract): independent readers and writers of MSI files that the
/// tests check PorSetup's own against, and that build the Linux MSI. Linux programs: build.ps1 installs them there;
/// Windows has none.
/// </summary>
public static class Msitools
{
    private static readonly string[] Programs = ["wixl", "msiinfo", "msibuild", "msidump", "msiextract"];

    /// <summary>Null where every msitools program is on PATH; else why a test that runs them is skipped.</summary>
    public static string? SkipReason { get; } = Reason(Programs.Where(program => !ProgramPath.Exists(program)).ToList());

    private static string? Reason(List<string> missing) => missing.Count == 0
        ? null
        : $"Runs msitools ({string.Join(", ", missing)} not found on PATH): Linux programs, which build.ps1 installs there (Debian: msitools, wixl). On Windows the real installs of the other tests show what these check.";
}
