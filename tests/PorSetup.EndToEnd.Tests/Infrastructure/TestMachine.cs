// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The Windows machine a test installs on: a throw-away Wine prefix (<see cref="WinePrefix"/>), or, on Windows, this
/// very machine (<see cref="LocalMachine"/>). PORSETUP_TEST_MACHINE chooses (<see cref="TestMachineChoice"/>). Paths
/// the test process opens are host paths; paths given to Windows programs are Windows paths
/// (<see cref="WindowsPath"/>, <see cref="HostPath"/>). Dispose leaves the machine as the test found it: a prefix
/// is removed, the local machine is restored and checked.
/// </summary>
public abstract class TestMachine : IDisposable
{
    /// <summary>The machine PORSETUP_TEST_MACHINE asks for; throws, saying why, when that setting is refused.</summary>
    public static TestMachine Create()
    {
        var choice = TestMachineChoice.Current;
        if (choice.Refusal is not null)
        {
            throw new InvalidOperationException(choice.Refusal);
        }

        if (choice.SkipReason is not null)
        {
            throw new InvalidOperationException($"A test that installs must carry [MachineFact] or [MachineTheory], which skip it here: {choice.SkipReason}");
        }

        if (choice.Kind == TestMachineKind.Local)
        {
            return OperatingSystem.IsWindows() ? LocalMachine.Create() : throw new PlatformNotSupportedException("The local test machine is Windows only.");
        }

        return WinePrefix.Create();
    }

    /// <summary>True under Wine, false on a real Windows: where the two answer differently, a test expects each one's answer.</summary>
    public abstract bool IsWine { get; }

    public abstract MachineRegistry Registry { get; }

    /// <summary>A folder of this test's own, as a host path, removed on Dispose; its "tmp" subfolder holds msiexec's logs.</summary>
    public abstract string Root { get; }

    /// <summary>The answer Wine gives, or the one Windows gives: for the documented differences (docs/wine-and-windows.md).</summary>
    public T Expected<T>(T wine, T windows) => this.IsWine ? wine : windows;

    /// <summary>A host path as Windows programs on this machine see it.</summary>
    public abstract string WindowsPath(string hostPath);

    /// <summary>A Windows path of this machine (C:\Windows\...) as the test process opens it.</summary>
    public abstract string HostPath(string windowsPath);

    /// <summary>
    /// A file or folder of the machine that the test is about to create (a script in C:\Windows\Setup\Scripts, a
    /// log under %WINDIR%\Logs): removed on Dispose, with the folders above it that did not exist yet. The local
    /// machine refuses a path that already exists, rather than change or remove what is not the test's.
    /// </summary>
    public abstract string Claim(string windowsPath);

    /// <summary>The same for a registry value in the 64-bit view (a policy the test sets).</summary>
    public abstract void ClaimRegistryValue(string key, string name);

    /// <summary>
    /// Runs a batch script with cmd.exe and returns its real 32-bit exit code (%ERRORLEVEL% after its last line) and
    /// its output. Values that may hold spaces, quotes or non-ASCII text are passed as environment variables (%NAME%
    /// in the script).
    /// </summary>
    public (int ExitCode, string Output) RunBatch(string script, IReadOnlyDictionary<string, string>? variables = null)
    {
        var file = Path.Combine(this.Root, "tmp", $"run-{Guid.NewGuid():N}.cmd");
        File.WriteAllText(file, BatchScript.Text(script));
        try
        {
            var result = this.RunBatchFile(file, variables ?? new Dictionary<string, string>());
            return (BatchScript.ExitCode(script, result.StandardOutput, result.StandardError), result.StandardOutput);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs a Windows program (a host path) with these arguments; exit codes above 255 are Wine's modulo 256.</summary>
    public abstract ToolResult RunProgram(string program, params string[] arguments);

    /// <summary>The command lines (or names) of the processes now running on the machine.</summary>
    public abstract IReadOnlyList<string> RunningProcesses();

    /// <summary>The ProductCodes of every installed product that is PorSetup, whatever package installed it.</summary>
    public abstract IReadOnlyList<string> PorSetupProductCodes();

    /// <summary>What <see cref="MachineSnapshot"/> compares, taken now.</summary>
    public abstract MachineSnapshot TakeSnapshot();

    /// <summary>What the custom action's calls could leave in a temporary folder (msi*.tmp, PorSetup-* worker folders).</summary>
    public abstract IReadOnlyList<string> CustomActionTemporaryFiles();

    public void Dispose()
    {
        this.Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);

    /// <summary>Runs a batch file that <see cref="RunBatch"/> wrote, with these environment variables set for it.</summary>
    protected abstract ToolResult RunBatchFile(string file, IReadOnlyDictionary<string, string> variables);
}
