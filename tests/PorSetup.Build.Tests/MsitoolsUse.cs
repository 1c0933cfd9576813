// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text.RegularExpressions;

namespace PorSetup.Build.Tests;

/// <summary>
/// Which members run msitools (msibuild, msiinfo, msidump, msiextract, wixl), a Linux-only toolset: those that pass
/// one of its programs' names to a call, and, until nothing more is found, those that call such a member (Type.Member
/// anywhere, a bare or this. call in the same file, an instance member through a variable in a file that names its
/// type), except through a member that asks OperatingSystem.IsWindows(). A test that reaches one, or whose class's constructor does, must be a fact or theory that skips where
/// msitools is missing.
/// </summary>
public static class MsitoolsUse
{
    public static readonly IReadOnlyList<string> Programs = ["msibuild", "msiinfo", "msidump", "msiextract", "wixl"];

    /// <summary>The attributes that skip a test, saying why, where msitools is not on PATH.</summary>
    public static readonly IReadOnlyList<string> SkippingAttributes = ["MsitoolsFact", "MsitoolsTheory"];

    public static IReadOnlySet<SourceMember> Runners(IReadOnlyList<SourceMember> members)
    {
        var fileCode = members.GroupBy(m => m.File).ToDictionary(g => g.Key, g => string.Concat(g.Select(m => m.Code)));
        var runners = members.Where(m => m.Arguments.Any(Programs.Contains)).ToHashSet();
        List<SourceMember> found;
        do
        {
            found = [.. members.Where(m => !runners.Contains(m) && !ChoosesByPlatform(m) && runners.Any(r => !r.IsConstructor && Calls(m, r, fileCode[m.File])))];
            runners.UnionWith(found);
        }
        while (found.Count > 0);

        return runners;
    }

    /// <summary>The tests that run msitools and lack a skipping attribute.</summary>
    public static IReadOnlyList<SourceMember> UnguardedTests(IReadOnlyList<SourceMember> members)
    {
        var runners = Runners(members);
        return members
            .Where(m => m.IsTest && !m.Attributes.Any(SkippingAttributes.Contains))
            .Where(m => runners.Contains(m) || runners.Any(r => r.IsConstructor && r.Type == m.Type && r.File == m.File))
            .ToList();
    }

    // A member that asks OperatingSystem.IsWindows() runs msitools on Linux only (TestPackages builds with wixl
    // there, with WixToolset.Sdk on Windows): what it calls does not make its callers Linux-only.
    private static bool ChoosesByPlatform(SourceMember member) => member.Code.Contains("OperatingSystem.IsWindows()", StringComparison.Ordinal);

    private static bool Calls(SourceMember caller, SourceMember callee, string callerFile)
    {
        var name = Regex.Escape(callee.Name);
        if (!caller.Code.Contains(callee.Name, StringComparison.Ordinal))
        {
            return false;
        }

        return Regex.IsMatch(caller.Code, $@"\b{Regex.Escape(callee.Type)}\s*\.\s*{name}\b")
            || caller.File == callee.File && Regex.IsMatch(caller.Code, $@"(?<![\w.])(this\s*\.\s*)?{name}\b")
            || !callee.IsStatic && Regex.IsMatch(callerFile, $@"\b{Regex.Escape(callee.Type)}\b") && Regex.IsMatch(caller.Code, $@"\.\s*{name}\b");
    }
}
