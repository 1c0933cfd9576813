// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Testing;

namespace PorSetup.Build.Tests;

/// <summary>
/// The repository's line endings: LF for every text file, CRLF for batch files, whatever core.autocrlf says where
/// the repository is cloned (Git for Windows sets it to true, which without these rules checks every file out with
/// CRLF, and the tests that cut README.md at a blank line, or look for two lines of ci.yml, then fail on Windows).
/// </summary>
public sealed class LineEndingTests
{
    [Fact]
    public void GitAttributes_CheckEveryTextFileOutWithLf_AndOnlyBatchFilesWithCrlf()
    {
        var rules = RepositoryFiles.ReadText(".gitattributes").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();

        // The catch-all comes first: a later line overrides it for its own files, never the other way round.
        Assert.Equal(["*", "text=auto", "eol=lf"], rules[0]);
        Assert.Contains(["*.cmd", "text", "eol=crlf"], rules);
        Assert.All(rules.Where(rule => rule.Contains("eol=crlf")), rule => Assert.Equal("*.cmd", rule[0]));
        Assert.DoesNotContain(rules, rule => rule.Any(attribute => attribute is "-text" or "binary" or "text=false"));
    }

    // What a clone holds: the files Git checked out here have the endings the rules give (on Windows too, where a
    // clone without the rules had CRLF everywhere).
    [Fact]
    public void TheCheckout_HasLfEverywhere_AndCrlfInBatchFiles()
    {
        var listed = Tool.Run("git", ["ls-files", "-z"], workingDirectory: RepositoryFiles.Root);
        Assert.True(listed.ExitCode == 0, $"git ls-files failed ({listed.ExitCode}): {listed.StandardError}");
        var files = listed.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries);

        var wrong = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine([RepositoryFiles.Root, .. file.Split('/')]);
            if (!File.Exists(path))
            {
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            if (bytes.Contains((byte)0))
            {
                continue;
            }

            var lineFeeds = bytes.Count(b => b == (byte)'\n');
            var crlf = bytes.Zip(bytes.Skip(1)).Count(pair => pair is ((byte)'\r', (byte)'\n'));
            var batch = file.EndsWith(".cmd", StringComparison.OrdinalIgnoreCase);
            if (batch ? crlf != lineFeeds : crlf != 0)
            {
                wrong.Add($"{file}: {crlf} of {lineFeeds} line endings are CRLF, expected {(batch ? "all" : "none")}");
            }
        }

        Assert.NotEmpty(files);
        Assert.Contains("deploy/PostIC.cmd", files);
        Assert.True(wrong.Count == 0, "Line endings that .gitattributes does not give (check the file out again: git rm --cached -r . && git reset --hard):\n" + string.Join('\n', wrong));
    }
}
