// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Testing;

/// <summary>Finds a program on PATH, as a shell would (with ".exe" added on Windows).</summary>
public static class ProgramPath
{
    /// <summary>The program's full path, or null when no folder of PATH holds it.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => OperatingSystem.IsWindows()
                ? new[] { Path.Combine(folder, program), Path.Combine(folder, program + ".exe") }
                : [Path.Combine(folder, program)])
            .FirstOrDefault(File.Exists);

    public static bool Exists(string program) => Find(program) is not null;
}
