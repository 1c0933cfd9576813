// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Bench;

/// <summary>
/// The baselines, built from bench/minimal.wxs and bench/noop.c: the minimal MSI (PorSetup's registry component and
/// nothing else) and the floor MSI (the same plus a do-nothing DLL custom action where PorSetup runs its check).
/// </summary>
internal sealed record Baselines(string Minimal, string Floor, string NoopDll)
{
    public const string NoopAction = "Noop";

    public static Baselines Build(string folder)
    {
        var bench = Path.Combine(RepositoryRoot.Path, "bench");
        var noopDll = Path.Combine(folder, "noop.dll");
        string[] flags = ["-O2", "-shared", "-nostdlib", "-Wl,--entry,DllMain", "-s", "-o", noopDll, Path.Combine(bench, "noop.c")];
        var compiled = ProgramPath.Exists("clang") ? Tool.Run("clang", ["--target=x86_64-w64-windows-gnu", .. flags])
            : ProgramPath.Exists("x86_64-w64-mingw32-gcc") ? Tool.Run("x86_64-w64-mingw32-gcc", flags)
            : throw new InvalidOperationException("Neither clang nor x86_64-w64-mingw32-gcc is installed (Debian: clang, or gcc-mingw-w64-x86-64).");
        Check(compiled, "compiling noop.c");
        if (ProgramPath.Exists("x86_64-w64-mingw32-objdump") && !Tool.RunChecked("x86_64-w64-mingw32-objdump", "-p", noopDll).Contains("] " + NoopAction, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{noopDll} does not export {NoopAction}.");
        }

        // Each has its own UpgradeCode and component GUID: the packages share nothing. wixl takes SourceFile relative
        // to the folder it runs in (it refuses absolute paths), so it runs in the folder that holds noop.dll.
        Wixl(folder, "minimal", "UpgradeCode=5B0C1E52-7E0B-4C55-9A51-0F3E2B9A1C01", "ComponentGuid=5B0C1E52-7E0B-4C55-9A51-0F3E2B9A1C02");
        Wixl(folder, "floor", "UpgradeCode=5B0C1E52-7E0B-4C55-9A51-0F3E2B9A1C03", "ComponentGuid=5B0C1E52-7E0B-4C55-9A51-0F3E2B9A1C04", "NoopDll=noop.dll");
        return new Baselines(Path.Combine(folder, "minimal.msi"), Path.Combine(folder, "floor.msi"), noopDll);
    }

    private static void Wixl(string folder, string variant, params string[] defines)
    {
        var arguments = new List<string> { "-a", "x64", "-D", $"Variant={variant}" };
        foreach (var define in defines)
        {
            arguments.AddRange(["-D", define]);
        }

        arguments.AddRange(["-o", Path.Combine(folder, $"{variant}.msi"), Path.Combine(RepositoryRoot.Path, "bench", "minimal.wxs")]);
        Check(Tool.Run("wixl", arguments, workingDirectory: folder), $"wixl ({variant}.msi)");
    }

    private static void Check(ToolResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed ({result.ExitCode}): {result.Output}");
        }
    }
}
