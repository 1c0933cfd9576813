// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Testing;

namespace PorSetup.Build.Tests;

/// <summary>
/// The rule that keeps the Windows job green: no test runs msitools (a Linux toolset) unless its attribute skips it
/// where msitools is missing. The repository's test sources (tests/Shared's helpers among them) and the Linux build
/// (src/PorSetup.Build) are read with <see cref="SourceMembers"/>; what runs msitools is found by <see cref="MsitoolsUse"/>.
/// </summary>
public sealed class MsitoolsRuleTests
{
    [Fact]
    public void EveryTestThatRunsMsitools_IsSkippedWhereItIsMissing()
    {
        var members = RepositorySources().SelectMany(file => SourceMembers.Read(file.Name, file.Text)).ToList();

        var unguarded = MsitoolsUse.UnguardedTests(members);

        // What the rule stands on: it sees the helpers and the tests that use them.
        Assert.Contains(MsitoolsUse.Runners(members), m => m.Type == "MsiTables" && m.Name == "ReadProperties");
        Assert.Contains(MsitoolsUse.Runners(members), m => m.Type == "InspectCommandTests" && m.Name == "APackageWithPartnerId_ShowsIt");
        Assert.True(unguarded.Count == 0, $"Tests that run msitools without [{string.Join("], [", MsitoolsUse.SkippingAttributes)}] (they fail on Windows):\n{string.Join('\n', unguarded)}");
    }

    [Theory]
    [InlineData("""Tool.RunChecked("msibuild", copy, "-q", sql);""", true)]
    [InlineData("""MsiTables.ReadProperties(msi);""", true)]
    [InlineData("""var x = Helper.Copy(); Assert.NotNull(x);""", false)]
    [InlineData("""Helper.WithProperty(folder, "a");""", true)]
    [InlineData("""var p = new Fixture(); p.Rows("Property");""", true)]
    [InlineData("""Twice();""", true)]
    [InlineData("""Assert.NotEmpty(Helper.Names);""", false)]
    [InlineData("""Helper.ByPlatform();""", false)]
    public void ATestThatReachesMsitools_IsFound_UnlessItsAttributeSkipsIt(string body, bool runsMsitools)
    {
        var helper = """
            public static class Helper
            {
                public static readonly string[] Names = ["msiinfo", "msibuild"];

                public static string Copy() => File.Copy(a, b);

                public static void ByPlatform()
                {
                    if (!OperatingSystem.IsWindows())
                    {
                        WithProperty("folder", "x");
                    }
                }

                // Through msibuild, "not msiinfo" in a comment: "msiinfo"
                public static string WithProperty(string folder, string value)
                {
                    Tool.RunChecked("msibuild", folder, "-q", $"INSERT {value}");
                    return folder;
                }
            }
            """;
        var fixture = """
            public sealed class Fixture
            {
                private readonly Dictionary<string, string[]> rows = [];

                public string[] Rows(string table) => Tool.Run("msiinfo", ["export", this.path, table]).Split('\n');
            }
            """;
        var tables = """
            public static class MsiTables
            {
                public static IReadOnlyDictionary<string, string> ReadProperties(string msiPath) => Read(msiPath, "Property").ToDictionary();

                public static IReadOnlyList<string[]> Read(string msiPath, string table) => Tool.RunChecked("msiinfo", "export", msiPath, table);
            }
            """;
        var members = new[] { ("Helper.cs", helper), ("Fixture.cs", fixture), ("MsiTables.cs", tables) }
            .SelectMany(file => SourceMembers.Read(file.Item1, file.Item2)).ToList();

        foreach (var (attribute, skips) in new[] { ("[Fact]", false), ("[Theory]\n    [InlineData(\"a;b\")]", false), ("[MsitoolsFact]", true), ("[MsitoolsTheory]\n    [InlineData(1)]", true) })
        {
            var test = $$"""
                namespace PorSetup.Cli.Tests;

                public sealed class SomeTests
                {
                    {{attribute}}
                    public void ATest()
                    {
                        {{body}}
                    }

                    private void Twice() => this.Inner("{");

                    private void Inner(string brace) => Helper.WithProperty(brace, "}");
                }
                """;

            var unguarded = MsitoolsUse.UnguardedTests([.. members, .. SourceMembers.Read("SomeTests.cs", test)]);

            Assert.Equal(runsMsitools && !skips ? ["SomeTests.cs: SomeTests.ATest"] : [], unguarded.Select(m => m.ToString()));
        }
    }

    [Fact]
    public void TheSkippingAttributes_AreTheOnesTheTestProjectsDefine()
    {
        var defined = RepositorySources().Select(file => Path.GetFileNameWithoutExtension(file.Name))
            .Where(name => name.EndsWith("Attribute", StringComparison.Ordinal)).Select(name => name[..^"Attribute".Length]).ToHashSet();

        Assert.All(MsitoolsUse.SkippingAttributes, attribute => Assert.Contains(attribute, defined));
    }

    private static IEnumerable<(string Name, string Text)> RepositorySources() =>
        new[] { "tests", Path.Combine("src", "PorSetup.Build") }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(path => (Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/'), File.ReadAllText(path)));
}
