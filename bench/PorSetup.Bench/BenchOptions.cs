// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;

namespace PorSetup.Bench;

/// <summary>The command line (bench/README.md lists the options).</summary>
internal sealed record BenchOptions(string? Artifacts, int Runs, bool SkipBuild, bool WithTests, string PartnerId)
{
    public const string Usage = "usage: PorSetup.Bench [--runs N] [--skip-build] [--with-tests] [--artifacts FOLDER] [--partner-id DIGITS]";

    /// <summary>The options, or an error that says which argument is wrong.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> arguments)
    {
        var options = new BenchOptions(null, 15, false, false, "1234567");
        for (var i = 0; i < arguments.Count; i++)
        {
            string Value() => ++i < arguments.Count ? arguments[i] : throw new ArgumentException($"{arguments[i - 1]} needs a value.\n{Usage}");
            options = arguments[i] switch
            {
                "--runs" => options with { Runs = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var runs) && runs is >= 1 and <= 1000 ? runs : throw new ArgumentException($"--runs takes a whole number from 1 to 1000, not {arguments[i]}.") },
                "--skip-build" => options with { SkipBuild = true },
                "--with-tests" => options with { WithTests = true },
                "--artifacts" => options with { Artifacts = Path.GetFullPath(Value()) },
                "--partner-id" => options with { PartnerId = Value() is { Length: > 0 } id && id.All(char.IsAsciiDigit) ? id : throw new ArgumentException($"--partner-id takes ASCII digits, not {arguments[i]}.") },
                _ => throw new ArgumentException($"Unknown argument {arguments[i]}.\n{Usage}"),
            };
        }

        return options.WithTests && options.SkipBuild ? throw new ArgumentException("--with-tests runs the tests in the clean build's clone: it does not go with --skip-build.") : options;
    }
}
