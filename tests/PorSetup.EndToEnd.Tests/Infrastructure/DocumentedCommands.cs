// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text.RegularExpressions;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>How a documented command is meant: run by the tests here (under Wine, as porsetup.exe, or on the build machine), Windows only, or a Linux signing line.</summary>
public enum DocumentedCommandKind
{
    /// <summary>A <c>bat</c> block, or an inline command on a line that does not say "Windows only": Wine must run it here.</summary>
    Runnable,

    /// <summary>A block whose info string says <c>windows-only</c>, or an inline command on a line that says "Windows only".</summary>
    WindowsOnly,

    /// <summary>
    /// A <c>porsetup</c> or <c>porsetup.exe</c> command line (a <c>bat porsetup</c> block, or an inline span): run as
    /// written by DocumentedCommandTests, with artifacts/porsetup.exe under Wine in the folder that holds it.
    /// </summary>
    Porsetup,

    /// <summary>
    /// An <c>sh</c> block, or an inline <c>dotnet</c> line: the Linux build machine or any machine with .NET, not a
    /// server. Run on this machine by DocumentedCommandTests, or named by it with what runs it instead.
    /// </summary>
    BuildMachine,

    /// <summary>
    /// An <c>osslsigncode</c> line (in an <c>sh</c> block or inline): signing on Linux, with a certificate and a
    /// timestamp server the tests here do not have. DocumentedCommandTests must name each one, with what runs it.
    /// </summary>
    LinuxSigning,
}

/// <summary>A command line of the documentation: a fenced code block (the whole block) or an inline code span.</summary>
public sealed record DocumentedCommand(string File, int Line, string Text, string Info, bool IsBlock, DocumentedCommandKind Kind)
{
    public override string ToString() => $"{this.File}:{this.Line}: {(this.IsBlock ? $"```{this.Info} block" : "inline")}: {this.Text}";
}

/// <summary>
/// Reads the command lines of README.md and docs/guide.md, the pages administrators follow. Blocks carry their
/// meaning in the fence's info string (<c>bat</c>, <c>bat windows-only</c>, <c>powershell windows-only</c>,
/// <c>bat porsetup</c>, <c>sh</c>, <c>text</c> for output); an <c>sh</c> block with an <c>osslsigncode</c> line is a
/// signing block. Inline code spans count as commands when they start with a program the pages use and have at
/// least three words, or two when the second is an option.
/// </summary>
public static partial class DocumentedCommands
{
    public static readonly string[] Pages = ["README.md", Path.Combine("docs", "guide.md")];

    private static readonly string[] CommandStarts =
        ["msiexec ", "reg ", "porsetup ", "porsetup.exe ", "dotnet ", "icacls ", "gpresult ", "signtool ", "osslsigncode ", "sysprep ", "call ", "cmd ", "Invoke-Command ", "Get-", "New-Object "];

    public static IReadOnlyList<DocumentedCommand> All { get; } = [.. Pages.SelectMany(Read)];

    /// <summary>Fenced blocks with no info string, which say nothing about how they are meant.</summary>
    public static IReadOnlyList<string> UntaggedBlocks { get; } = [.. Pages.SelectMany(FindUntaggedBlocks)];

    private static IEnumerable<DocumentedCommand> Read(string page)
    {
        var lines = File.ReadAllLines(Path.Combine(TestArtifacts.RepositoryRoot, page));
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (fence.Success)
            {
                var indent = fence.Groups[1].Value.Length;
                var info = fence.Groups[2].Value.Trim();
                var start = i;
                var body = new List<string>();
                for (i++; i < lines.Length && !Fence().IsMatch(lines[i]); i++)
                {
                    body.Add(lines[i].Length >= indent ? lines[i][indent..] : lines[i].TrimStart());
                }

                var language = info.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
                if (language is "text" or "")
                {
                    continue;
                }

                var text = string.Join("\n", body).Trim();
                var kind = info.Contains("windows-only", StringComparison.Ordinal) ? DocumentedCommandKind.WindowsOnly
                    : info.Contains("porsetup", StringComparison.Ordinal) ? DocumentedCommandKind.Porsetup
                    : language == "sh" && body.Any(IsSigningLine) ? DocumentedCommandKind.LinuxSigning
                    : language == "sh" ? DocumentedCommandKind.BuildMachine
                    : DocumentedCommandKind.Runnable;
                yield return new DocumentedCommand(page, start + 1, text, info, IsBlock: true, kind);
                continue;
            }

            foreach (Match span in InlineCode().Matches(lines[i]))
            {
                var text = span.Groups[1].Value;
                // At least three words, or a program and an option (porsetup --help): "porsetup inspect" alone is a name.
                var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (!CommandStarts.Any(s => text.StartsWith(s, StringComparison.Ordinal)) || words.Length < 2 || (words.Length == 2 && !words[1].StartsWith('-')))
                {
                    continue;
                }

                var kind = IsSigningLine(text) ? DocumentedCommandKind.LinuxSigning
                    : text.StartsWith("porsetup", StringComparison.Ordinal) ? DocumentedCommandKind.Porsetup
                    : text.StartsWith("dotnet ", StringComparison.Ordinal) ? DocumentedCommandKind.BuildMachine
                    : lines[i].Contains("Windows only", StringComparison.OrdinalIgnoreCase) ? DocumentedCommandKind.WindowsOnly
                    : DocumentedCommandKind.Runnable;
                yield return new DocumentedCommand(page, i + 1, text, string.Empty, IsBlock: false, kind);
            }
        }
    }

    private static bool IsSigningLine(string line) => line.TrimStart().StartsWith("osslsigncode ", StringComparison.Ordinal);

    private static IEnumerable<string> FindUntaggedBlocks(string page)
    {
        var lines = File.ReadAllLines(Path.Combine(TestArtifacts.RepositoryRoot, page));
        var inside = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            if (!inside && fence.Groups[2].Value.Trim().Length == 0)
            {
                yield return $"{page}:{i + 1}";
            }

            inside = !inside;
        }
    }

    [GeneratedRegex(@"^(\s*)```(.*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"(?<!`)`([^`]+)`(?!`)")]
    private static partial Regex InlineCode();
}
