// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text.RegularExpressions;
using System.Xml.Linq;
using PorSetup.Testing;

namespace PorSetup.Build.Tests;

/// <summary>
/// build.ps1's Windows branch (WixToolset.Sdk), which cannot run here: its functions are read out of the script
/// with PowerShell's parser and run with the repository's pwsh (dotnet tool), and checked against the SDK's rules
/// as read in wixtoolset/wix at tag v6.0.2, and against the README.
/// </summary>
public sealed partial class WindowsBuildScriptTests
{
    private static string BuildScript => Path.Combine(RepositoryFiles.Root, "build.ps1");

    private static string WixProject => Path.Combine(RepositoryFiles.Installer, "PorSetup.wixproj");

    // How the README names what a build writes.
    private static readonly string[] DocumentedOutputs = ["`artifacts/PorSetup.msi`", "`artifacts/fr-FR/PorSetup.msi`", "`artifacts/PorSetup-1234567.msi`", "`porsetup.exe`", "`ca/`", "`porsetup/`"];

    [Theory]
    [InlineData("en-US")]
    [InlineData("fr-FR")]
    public void WhereBuildPs1LooksForTheWixOutput_IsWhereTheSdkWritesIt(string culture)
    {
        var outDir = Path.Combine(RepositoryFiles.Root, "artifacts", "wix");
        var project = XDocument.Load(WixProject);
        var outputName = project.Descendants("OutputName").Single().Value;
        Assert.DoesNotContain(project.Descendants(), e => e.Name.LocalName is "EnableDefaultItems" or "EnableDefaultEmbeddedResourceItems");
        // The SDK's default EmbeddedResource items: **/*.wxl below the project.
        var wxlFiles = Directory.GetFiles(RepositoryFiles.Installer, "*.wxl", SearchOption.AllDirectories);

        var expected = WixSdkOutput.MsiPath(outDir, culture, wxlFiles.Length, outputName);
        var actual = RunBuildScriptFunction($"Get-WixMsiPath '{outDir}' '{culture}'");

        Assert.Equal(Normalize(expected), Normalize(actual));
        Assert.EndsWith($"{culture}/PorSetup.msi", Normalize(actual), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "artifacts/PorSetup.msi")]
    [InlineData("fr-FR", "artifacts/fr-FR/PorSetup.msi")]
    public void TheMsiIsCopiedToTheDocumentedPlace(string culture, string documented)
    {
        var artifacts = Path.Combine(RepositoryFiles.Root, "artifacts");

        var actual = RunBuildScriptFunction($"Get-ArtifactMsiPath '{artifacts}' '{culture}'");

        Assert.Equal(Normalize(Path.Combine(RepositoryFiles.Root, documented)), Normalize(actual));
        Assert.Contains($"`{documented}`", RepositoryFiles.ReadText("README.md"), StringComparison.Ordinal);
    }

    // What a build removes before it starts and moves from its staging folder once complete (on every system): each
    // file the README documents for these options, the -PartnerId copy named as porsetup stamp names it.
    [Theory]
    [InlineData("en-US", "", "ca|porsetup|porsetup.exe|PorSetup.msi")]
    [InlineData("en-US", " 1234567 ", "ca|porsetup|porsetup.exe|PorSetup.msi|PorSetup-1234567.msi")]
    [InlineData("fr-FR", "1234567", "ca|porsetup|porsetup.exe|fr-FR/PorSetup.msi|fr-FR/PorSetup-1234567.msi")]
    public void TheOutputsABuildRemovesFirst_AreTheFilesItMakes(string culture, string partnerId, string expected)
    {
        var actual = RunBuildScriptFunction($"(Get-BuildOutputs '{culture}' '{partnerId}') -join '|'");

        Assert.Equal(expected, Normalize(actual));
        var readme = RepositoryFiles.ReadText("README.md");
        Assert.All(DocumentedOutputs, name => Assert.Contains(name, readme, StringComparison.Ordinal));
    }

    [Fact]
    public void TheReadmesWindowsPrerequisites_AreWhatBuildPs1ChecksFor()
    {
        var checkedFor = RunBuildScript("""
            $assignment = $ast.Find({ param($n) $n -is [System.Management.Automation.Language.AssignmentStatementAst] -and "$($n.Left)" -eq '$windowsPrerequisites' }, $true)
            (Invoke-Expression $assignment.Right.Extent.Text).Keys
            """).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // Line endings as checked out: LF here, CRLF where Git converts (see RepositoryFiles.ReadText).
        var readme = RepositoryFiles.ReadText("README.md");
        var section = readme[readme.IndexOf("Windows prerequisites", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n\n", section.IndexOf("\n- ", StringComparison.Ordinal), StringComparison.Ordinal)];
        var listed = PrerequisiteItem().Matches(section).Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(2, checkedFor.Length);
        Assert.Equal(checkedFor, listed);
    }

    // Run here with a stand-in %ProgramFiles% and PATH: no Visual Studio, no Windows SDK (no HKLM: drive off Windows),
    // and no LLVM but where the case puts it. PATH is replaced too: a Windows runner has LLVM's bin folder on it.
    [Theory]
    [InlineData("nowhere", "Visual Studio C++ build tools;LLVM clang and lld-link")]
    [InlineData("ProgramFiles", "Visual Studio C++ build tools")]
    [InlineData("PATH", "Visual Studio C++ build tools")]
    public void FindWindowsPrerequisites_NamesWhatIsMissing_AndFindsLlvmInItsDefaultFolderOrOnPath(string llvm, string missing)
    {
        var programFiles = Directory.CreateTempSubdirectory("porsetup-programfiles-");
        try
        {
            var path = Directory.CreateDirectory(Path.Combine(programFiles.FullName, "path")).FullName;
            var bin = llvm switch
            {
                "ProgramFiles" => Directory.CreateDirectory(Path.Combine(programFiles.FullName, "LLVM", "bin")).FullName,
                "PATH" => path,
                _ => null,
            };
            if (bin is not null)
            {
                File.WriteAllText(Path.Combine(bin, "clang.exe"), string.Empty);
                File.WriteAllText(Path.Combine(bin, "lld-link.exe"), string.Empty);
            }

            var output = RunBuildScriptFunction($$"""
                $env:ProgramFiles = '{{programFiles.FullName}}'; ${env:ProgramFiles(x86)} = '{{programFiles.FullName}}'; $env:PATH = '{{path}}'
                try { Find-WindowsPrerequisites } catch { $_.Exception.Message }
                """);

            var named = PrerequisiteLine().Matches(output).Select(m => m.Groups[1].Value);
            Assert.StartsWith("Missing for the Windows build:", output, StringComparison.Ordinal);
            Assert.Equal(missing.Split(';'), named);
        }
        finally
        {
            programFiles.Delete(recursive: true);
        }
    }

    [Fact]
    public void EachSuppressedIce_HasItsReason()
    {
        var project = XDocument.Load(WixProject);
        var suppressed = project.Descendants("SuppressIces").Single().Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var comments = string.Join('\n', project.DescendantNodes().OfType<XComment>().Select(c => c.Value));

        Assert.Equal(["ICE61", "ICE71"], suppressed);
        Assert.All(suppressed, ice => Assert.Matches($@"\b{ice}: \S", comments));
        // ICE71's premise: no File in the package, so WiX writes an empty Media table.
        Assert.DoesNotContain(XDocument.Load(RepositoryFiles.PackageSource).Descendants(), e => e.Name.LocalName == "File");
    }

    private static string Normalize(string path) => path.Trim().Replace('\\', '/');

    // Defines build.ps1's functions and its $windowsPrerequisites (which Find-WindowsPrerequisites reads), then runs the call.
    private static string RunBuildScriptFunction(string call) => RunBuildScript($$"""
        foreach ($function in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true)) {
            . ([scriptblock]::Create($function.Extent.Text))
        }
        . ([scriptblock]::Create($ast.Find({ param($n) $n -is [System.Management.Automation.Language.AssignmentStatementAst] -and "$($n.Left)" -eq '$windowsPrerequisites' }, $true).Extent.Text))
        {{call}}
        """);

    // Runs PowerShell code with $ast, build.ps1's syntax tree, without running the script itself.
    private static string RunBuildScript(string code)
    {
        var script = "$ast = [System.Management.Automation.Language.Parser]::ParseFile($env:PORSETUP_BUILD_SCRIPT, [ref]$null, [ref]$null)\n" + code;
        var result = Tool.Run("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-Command", script],
            new Dictionary<string, string?> { ["PORSETUP_BUILD_SCRIPT"] = BuildScript }, RepositoryFiles.Root, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, $"pwsh failed ({result.ExitCode}):\n{result.StandardError}{result.StandardOutput}");
        return result.StandardOutput.Trim();
    }

    [GeneratedRegex(@"^- \*\*(.+?)\*\*", RegexOptions.Multiline)]
    private static partial Regex PrerequisiteItem();

    [GeneratedRegex(@"^  - (.+?): ", RegexOptions.Multiline)]
    private static partial Regex PrerequisiteLine();

    /// <summary>
    /// WixToolset.Sdk 6.0.2's output path for a one-culture build (-p:Cultures=X, no culture fallbacks), as
    /// src/wix/WixToolset.BuildTasks/WixAssignCulture.cs and AssignTargetPaths in tools/wix.targets compute it:
    /// $(TargetDir)%(CultureGroup.OutputFolder)$(TargetFileName), where OutputFolder is "" only when a single
    /// culture group meets no .wxl file, else the group's first culture and a backslash.
    /// </summary>
    private static class WixSdkOutput
    {
        public static string MsiPath(string outDir, string cultures, int wxlFiles, string outputName)
        {
            var groups = cultures.Split(';', StringSplitOptions.RemoveEmptyEntries);
            var outputFolder = groups.Length == 1 && wxlFiles == 0 ? string.Empty : groups[0].Split(',')[0] + "\\";
            return outDir.TrimEnd('/', '\\') + "\\" + outputFolder + outputName + ".msi";
        }
    }
}
