// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PorSetup.Build.Tests;

/// <summary>
/// MSBuild's Exec runs its command through cmd.exe on Windows, and the program splits its command line by
/// Windows' rules (CommandLineToArgvW, the C runtime): a backslash before a quote escapes the quote, so
/// <c>-I "C:\obj\proxy\" "Proxy.c"</c> is one argument. Every Exec command of the repository's MSBuild files is
/// rendered here as it would be on Windows, every folder-valued expansion ending in a backslash as MSBuild's
/// folders do there, and none may put a backslash before a quote.
/// </summary>
public sealed partial class ExecCommandLineTests
{
    [Fact]
    public void NoExecCommand_PutsABackslashBeforeAQuote_OnWindows()
    {
        var files = MsBuildFiles().ToList();
        var folders = FolderProperties(files.Select(f => f.Document));
        var commands = files.SelectMany(f => ExecCommands(f.Document).Select(c => (f.Path, Command: c))).ToList();

        Assert.NotEmpty(commands);
        Assert.Contains(commands, c => c.Path.EndsWith("Proxy.targets", StringComparison.Ordinal));
        Assert.All(commands, c => Assert.False(
            AsOnWindows(c.Command, folders).Contains("\\\"", StringComparison.Ordinal),
            $"{Path.GetRelativePath(RepositoryFiles.Root, c.Path)}: {c.Command}\nrenders on Windows as\n{AsOnWindows(c.Command, folders)}"));
    }

    // The check itself, on the defect it was written for (issue 13): TrimEnd('/') left Windows' backslash.
    [Theory]
    [InlineData("-I &quot;$(Obj.TrimEnd('/'))&quot; &quot;$(MSBuildThisFileDirectory)Proxy.c&quot;", true)]
    [InlineData("-I &quot;$(Obj)&quot; x.c", true)]
    [InlineData("-o &quot;$(PublishDir)&quot;", true)]
    [InlineData("-I &quot;$(Obj).&quot; &quot;$(MSBuildThisFileDirectory)Proxy.c&quot; -o &quot;$(PublishDir)$(FileName)&quot;", false)]
    [InlineData("&quot;$(Clang)&quot; -c x.c", false)]
    public void TheRendering_FindsAFolderBeforeAClosingQuote(string command, bool backslashBeforeQuote)
    {
        var project = XDocument.Parse($"""
            <Project>
              <PropertyGroup><Obj>$([System.IO.Path]::GetFullPath('$(IntermediateOutputPath)proxy/'))</Obj><Clang>clang</Clang></PropertyGroup>
              <Target Name="T"><Exec Command="{command}" /></Target>
            </Project>
            """);

        var rendered = AsOnWindows(ExecCommands(project).Single(), FolderProperties([project]));

        Assert.Equal(backslashBeforeQuote, rendered.Contains("\\\"", StringComparison.Ordinal));
    }

    // Every MSBuild file of the repository, outside build output.
    private static IEnumerable<(string Path, XDocument Document)> MsBuildFiles()
    {
        string[] patterns = ["*.targets", "*.props", "*.csproj", "*.wixproj"];
        string[] skipped = ["bin", "obj", "artifacts", ".git"];
        return patterns
            .SelectMany(p => Directory.EnumerateFiles(RepositoryFiles.Root, p, SearchOption.AllDirectories))
            .Where(p => !Path.GetRelativePath(RepositoryFiles.Root, p).Split(Path.DirectorySeparatorChar).Any(skipped.Contains))
            .Order(StringComparer.Ordinal)
            .Select(p => (p, XDocument.Load(p)));
    }

    private static IEnumerable<string> ExecCommands(XDocument document) =>
        document.Descendants().Where(e => e.Name.LocalName == "Exec").Select(e => (string?)e.Attribute("Command") ?? string.Empty);

    // Properties that hold a folder: MSBuild's own by their names (MSBuildThisFileDirectory, IntermediateOutputPath,
    // PublishDir...), and any property the files set to a value ending in a separator (GetFullPath('.../') included).
    private static HashSet<string> FolderProperties(IEnumerable<XDocument> documents)
    {
        var folders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in documents.SelectMany(d => d.Descendants()).Where(e => e.Parent?.Name.LocalName == "PropertyGroup"))
        {
            var value = property.Value.Trim();
            if (FolderName().IsMatch(property.Name.LocalName) || EndsInSeparator().IsMatch(value))
            {
                folders.Add(property.Name.LocalName);
            }
        }

        return folders;
    }

    // Replaces each $(...), @(...) and %(...) expansion by what it may be on Windows: C:\d\ for a folder (a
    // property function on a folder may keep its separator: TrimEnd('/') does), C:\d\f otherwise.
    private static string AsOnWindows(string command, HashSet<string> folders)
    {
        var result = new StringBuilder();
        for (var i = 0; i < command.Length; i++)
        {
            if ("$@%".Contains(command[i], StringComparison.Ordinal) && i + 1 < command.Length && command[i + 1] == '(')
            {
                var end = ClosingParenthesis(command, i + 1);
                var expansion = command[(i + 2)..end];
                var name = PropertyName().Match(expansion).Value;
                var isFolder = command[i] != '$' || folders.Contains(name) || FolderName().IsMatch(name);
                result.Append(isFolder ? @"C:\d\" : @"C:\d\f");
                i = end;
            }
            else
            {
                result.Append(command[i]);
            }
        }

        return result.ToString();
    }

    private static int ClosingParenthesis(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        throw new FormatException($"Unbalanced parentheses in: {text}");
    }

    [GeneratedRegex(@"^[\w\[\]:.]*?(?=\.[A-Z]\w*\(|$)")]
    private static partial Regex PropertyName();

    [GeneratedRegex(@"(Dir|Directory|Path|Folder|Root)$", RegexOptions.IgnoreCase)]
    private static partial Regex FolderName();

    [GeneratedRegex(@"[/\\]('\)+)?$")]
    private static partial Regex EndsInSeparator();
}
