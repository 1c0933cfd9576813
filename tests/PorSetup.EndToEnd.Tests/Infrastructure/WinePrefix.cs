// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Build;
using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A throw-away Wine prefix: its own WINEPREFIX, TMPDIR and HOME (and so its own wineserver), removed on
/// Dispose. Each is a hard-linked copy of one template made per test run (wineboot takes seconds, a copy
/// milliseconds); the registry hives are real copies, so no prefix can change another's registry. The tests keep
/// no persistent wineserver (wineserver -p): each wine command starts Wine's server and services again, some
/// hundreds of milliseconds, but with a persistent one, under load, Wine now and then deadlocks msiexec against its
/// custom-action server. The benchmark (bench/README.md) asks for one with <see cref="KeepServerRunning"/>, to time
/// installs rather than Wine's start, and counts a hang as a failed round.
/// </summary>
public sealed class WinePrefix : TestMachine
{
    private static readonly Lazy<string> Template = new(CreateTemplate);
    private static readonly TimeSpan WineCommandTimeout = TimeSpan.FromMinutes(3);
    private readonly Dictionary<string, string?> environment;

    private WinePrefix(string root)
    {
        this.Root = root;
        this.environment = EnvironmentFor(root);
        this.WineRegistry = new WineRegistry(this);
    }

    public override bool IsWine => true;

    /// <summary>The test's folder; the prefix is its "prefix" subfolder.</summary>
    public override string Root { get; }

    public string PrefixPath => Path.Combine(this.Root, "prefix");

    /// <summary>C:\ as a Linux path.</summary>
    public string DriveC => Path.Combine(this.PrefixPath, "drive_c");

    public override MachineRegistry Registry => this.WineRegistry;

    public WineRegistry WineRegistry { get; }

    /// <summary>How many wine commands hung and were run again (see RunWine).</summary>
    public int HungCommands { get; private set; }

    public static new WinePrefix Create()
    {
        var root = TestWorkspace.NewFolder("prefix");
        Tool.RunChecked("cp", "-al", Template.Value, Path.Combine(root, "prefix"));
        foreach (var hive in Directory.GetFiles(Template.Value, "*.reg"))
        {
            var copy = Path.Combine(root, "prefix", Path.GetFileName(hive));
            File.Delete(copy);
            File.Copy(hive, copy);
        }

        Directory.CreateDirectory(Path.Combine(root, "tmp"));
        Directory.CreateDirectory(Path.Combine(root, "home"));
        return new WinePrefix(root);
    }

    /// <summary>
    /// Starts a persistent wineserver for this prefix (until Dispose, or a hang's wineserver -k): every later command
    /// finds Wine running. For the benchmark only; the tests do without (see the class).
    /// </summary>
    public void KeepServerRunning()
    {
        // Through sh with its output on /dev/null: the server outlives the command and would hold a pipe open.
        var result = Tool.Run("sh", ["-c", "exec wineserver -p </dev/null >/dev/null 2>&1"], this.environment, timeout: WineCommandTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"wineserver -p failed ({result.ExitCode}).");
        }
    }

    /// <summary>A Linux path as Windows programs in the prefix see it (drive Z: maps /).</summary>
    public override string WindowsPath(string hostPath) => ZDrivePath(hostPath);

    /// <summary>C:\... under drive_c, each existing folder found whatever its case (Wine's is "windows", not "Windows").</summary>
    public override string HostPath(string windowsPath)
    {
        if (windowsPath.StartsWith(@"Z:\", StringComparison.OrdinalIgnoreCase))
        {
            return windowsPath[2..].Replace('\\', '/');
        }

        if (!windowsPath.StartsWith(@"C:\", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Not a path on C: or Z: of the prefix: {windowsPath}", nameof(windowsPath));
        }

        var path = this.DriveC;
        foreach (var part in windowsPath[3..].Split('\\', StringSplitOptions.RemoveEmptyEntries))
        {
            var existing = Directory.Exists(path)
                ? Directory.EnumerateFileSystemEntries(path).FirstOrDefault(e => string.Equals(Path.GetFileName(e), part, StringComparison.OrdinalIgnoreCase))
                : null;
            path = existing ?? Path.Combine(path, part);
        }

        return path;
    }

    /// <summary>Nothing to claim: the whole prefix goes on Dispose.</summary>
    // Nothing to put back in a throw-away prefix; the claim is checked as the local machine checks it.
    public override string Claim(string windowsPath)
    {
        JournalLimits.Windows.CheckClaim(windowsPath);
        return this.HostPath(windowsPath);
    }

    public override void ClaimRegistryValue(string key, string name) => JournalLimits.Windows.CheckClaim(key, name);

    public override ToolResult RunProgram(string program, params string[] arguments) => this.Wine([ZDrivePath(program), .. arguments]);

    public override IReadOnlyList<string> PorSetupProductCodes()
    {
        // The Uninstall key's subkeys whose DisplayName is the product name, read from one export of the key.
        var codes = new List<string>();
        string? section = null;
        foreach (var line in this.WineRegistry.Export(InstalledProducts.UninstallKey).Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith('['))
            {
                section = line.Trim('[', ']');
            }
            else if (section is not null && line == $"\"DisplayName\"=\"{ProductIdentity.Name}\"")
            {
                codes.Add(section[(section.LastIndexOf('\\') + 1)..]);
            }
        }

        return codes;
    }

    public override MachineSnapshot TakeSnapshot() => MachineSnapshot.OfPrefix(this);

    public override IReadOnlyList<string> CustomActionTemporaryFiles() => MachineSnapshot.CustomActionTemporaryFilesOfPrefix(this);

    internal static string ZDrivePath(string unixPath) => "Z:" + Path.GetFullPath(unixPath).Replace('/', '\\');

    /// <summary>Runs a Windows program with wine; the exit code is truncated to 8 bits, as on any Unix.</summary>
    public ToolResult Wine(params string[] arguments) => this.RunWine(arguments, this.environment);

    /// <summary>What Wine prints when it could not start the program it was given.</summary>
    internal const string WineCouldNotStart = "ShellExecuteEx failed";

    /// <summary>
    /// Runs the batch file with Wine's cmd.exe. Wine itself can only return an exit code modulo 256 (1603 would read
    /// 67), so the script echoes %ERRORLEVEL% (BatchScript) for RunBatch to read. Values that may hold spaces, quotes
    /// or non-ASCII text come as environment variables: Wine converts the environment from UTF-8 exactly, while it
    /// reads batch files in the OEM code page and escapes quotes in its own command line the Unix way.
    /// </summary>
    protected override ToolResult RunBatchFile(string file, IReadOnlyDictionary<string, string> variables)
    {
        var environment = new Dictionary<string, string?>(this.environment);
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        var result = this.RunWine(["cmd", "/c", ZDrivePath(file)], environment);

        // Now and then, under load, Wine cannot start cmd.exe at all ("ShellExecuteEx failed: Internal error", and no
        // line of the script ran): the script is run once more, saying so (docs/wine-and-windows.md).
        if (!result.StandardOutput.Contains(BatchScript.ExitMarker, StringComparison.Ordinal) && result.Output.Contains(WineCouldNotStart, StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"PorSetup tests: Wine could not start cmd.exe ({WineCouldNotStart}); the script is run again.");
            result = this.RunWine(["cmd", "/c", ZDrivePath(file)], environment);
        }

        return result;
    }

    protected override void Dispose(bool disposing)
    {
        Tool.Run("wineserver", ["-k"], this.environment, timeout: WineCommandTimeout);
        Tool.Run("wineserver", ["-w"], this.environment, timeout: WineCommandTimeout);
        Directory.Delete(this.Root, recursive: true);
    }

    // Wine's msiexec now and then hangs for good with no custom-action process left (about one full run in five, at
    // any step, never the same; docs/wine-and-windows.md). Such a command is run once more after every process of
    // the prefix was ended, and says so on the error stream; a second hang fails the test with both descriptions.
    // The test's assertions then judge the machine as the second run left it.
    private ToolResult RunWine(string[] arguments, Dictionary<string, string?> environment)
    {
        try
        {
            return this.RunWineOnce(arguments, environment);
        }
        catch (TimeoutException hang)
        {
            this.HungCommands++;
            Tool.Run("wineserver", ["-k"], this.environment, timeout: WineCommandTimeout);
            Tool.Run("wineserver", ["-w"], this.environment, timeout: WineCommandTimeout);
            Console.Error.WriteLine($"PorSetup tests: Wine hung; every process of the prefix was ended and the command is run again.\n{hang.Message}");
            try
            {
                return this.RunWineOnce(arguments, environment);
            }
            catch (TimeoutException again)
            {
                throw new TimeoutException($"Wine hung twice on the same command.\nFirst: {hang.Message}\nThen: {again.Message}", again);
            }
        }
    }

    // A wine command starts Wine's own services (services.exe, winedevice, explorer), which inherit its output and
    // outlive it: through a pipe, reading would wait for them. So the output goes to files, read once wine has
    // exited. A command that hangs throws after a while instead of stalling the run.
    private ToolResult RunWineOnce(string[] arguments, Dictionary<string, string?> environment)
    {
        var output = Path.Combine(this.Root, "tmp", $"wine-{Guid.NewGuid():N}");
        var withFiles = new Dictionary<string, string?>(environment)
        {
            ["PORSETUP_STDOUT"] = output + ".out",
            ["PORSETUP_STDERR"] = output + ".err",
        };
        var result = Tool.Run(
            "sh",
            ["-c", "exec \"$0\" \"$@\" >\"$PORSETUP_STDOUT\" 2>\"$PORSETUP_STDERR\" </dev/null", "wine", .. arguments],
            withFiles,
            this.Root,
            WineCommandTimeout,
            this.DescribeProcesses);
        var text = (Out: File.ReadAllText(output + ".out"), Err: File.ReadAllText(output + ".err"));
        File.Delete(output + ".out");
        File.Delete(output + ".err");
        return new ToolResult(result.ExitCode, text.Out, text.Err);
    }

    /// <summary>The command lines of the processes now running in this prefix (Wine's own services included).</summary>
    public override IReadOnlyList<string> RunningProcesses() => this.ProcessesOfThePrefix().Select(p => p.CommandLine).ToList();

    // What a hung command leaves running: every process of this prefix, so that a failure says which Windows
    // program waited for which.
    private string DescribeProcesses() =>
        $"Processes of the prefix when it timed out:\n{string.Join('\n', this.ProcessesOfThePrefix().Select(p => $"  {p.Id}: {p.CommandLine}"))}";

    // Every process whose environment has this prefix's WINEPREFIX.
    private List<(int Id, string CommandLine)> ProcessesOfThePrefix()
    {
        var marker = "WINEPREFIX=" + this.PrefixPath + "\0";
        var processes = new List<(int Id, string CommandLine)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (int.TryParse(Path.GetFileName(folder), out var pid) && File.ReadAllText(Path.Combine(folder, "environ")).Contains(marker, StringComparison.Ordinal))
                {
                    processes.Add((pid, File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ').Trim()));
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        return processes;
    }

    private static Dictionary<string, string?> EnvironmentFor(string root) => new()
    {
        ["WINEPREFIX"] = Path.Combine(root, "prefix"),
        ["WINEARCH"] = "win64",
        ["WINEDEBUG"] = "-all",
        // No Mono or Gecko download prompts, no desktop menu entries.
        ["WINEDLLOVERRIDES"] = "mscoree,mshtml=;winemenubuilder.exe=d",
        ["TMPDIR"] = Path.Combine(root, "tmp"),
        ["HOME"] = Path.Combine(root, "home"),
        // So that non-ASCII command-line arguments (full-width digits) reach msiexec intact.
        ["LANG"] = "C.UTF-8",
        ["LC_ALL"] = "C.UTF-8",
        ["DISPLAY"] = null,
        ["WAYLAND_DISPLAY"] = null,
    };

    private static string CreateTemplate()
    {
        var root = TestWorkspace.NewFolder("template");
        Directory.CreateDirectory(Path.Combine(root, "tmp"));
        Directory.CreateDirectory(Path.Combine(root, "home"));
        var environment = EnvironmentFor(root);
        var boot = Tool.Run("wineboot", ["-i"], environment, timeout: TimeSpan.FromMinutes(5));
        Tool.Run("wineserver", ["-w"], environment, timeout: TimeSpan.FromMinutes(5));
        if (boot.ExitCode != 0 || !File.Exists(Path.Combine(root, "prefix", "system.reg")))
        {
            throw new InvalidOperationException($"wineboot failed ({boot.ExitCode}): {boot.StandardError}");
        }

        return Path.Combine(root, "prefix");
    }
}
