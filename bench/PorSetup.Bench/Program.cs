// Copyright (c) PorSetup contributors. MIT licensed.

// The benchmark (bench/README.md): PorSetup's sizes, the clean build's time, and silent install/uninstall times under
// Wine next to baselines, printed as one table. It never fails on a timing: it exits 1 only when a step fails.
using System.Globalization;
using PorSetup.Bench;
using PorSetup.EndToEnd.Tests.Infrastructure;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var started = DateTime.UtcNow;
var table = new ResultTable();
var work = TestWorkspace.NewFolder("bench");
var logs = Directory.CreateDirectory(Path.Combine(work, "logs")).FullName;
var header = new List<string> { string.Create(CultureInfo.InvariantCulture, $"PorSetup benchmark, {started:yyyy-MM-dd HH:mm:ss} UTC"), MachineDescription.Machine() };
try
{
    var cloneArtifacts = options.SkipBuild ? null : CleanBuild.Measure(RepositoryRoot.Path, work, options.WithTests, table);
    if (options.SkipBuild)
    {
        table.Add(CleanBuild.Row, "skipped", "--skip-build");
    }

    // What is measured: --artifacts, else the repository's artifacts, else (when it has none) the clean build's.
    // TestArtifacts, and so TestPackages, read the folder from PORSETUP_ARTIFACTS, as in the tests.
    var repositoryArtifacts = Path.Combine(RepositoryRoot.Path, "artifacts");
    var artifacts = options.Artifacts ?? (cloneArtifacts is not null && !File.Exists(Path.Combine(repositoryArtifacts, "PorSetup.msi")) ? cloneArtifacts : repositoryArtifacts);
    Environment.SetEnvironmentVariable("PORSETUP_ARTIFACTS", artifacts);
    header.Add(MachineDescription.Repository(artifacts));

    var msi = TestPackages.Shipped;
    var worker = Path.Combine(Path.GetDirectoryName(TestArtifacts.CustomActionDll)!, "PorSetup.CustomAction.exe");
    var (msiBytes, dllBytes, workerBytes) = (new FileInfo(msi).Length, new FileInfo(TestArtifacts.CustomActionDll).Length, new FileInfo(worker).Length);
    table.Add("Size: PorSetup.msi", ResultTable.KiB(msiBytes), $"{msiBytes} bytes; goal < 1 MiB (1024 KiB): {(msiBytes < 1024 * 1024 ? "MET" : "NOT MET")}");
    table.Add("Size: custom action DLL", ResultTable.KiB(dllBytes), $"{dllBytes} bytes, ca/PorSetup.CustomAction.Proxy.dll: the C proxy ({dllBytes - workerBytes} bytes) carrying the NativeAOT worker ca/PorSetup.CustomAction.exe ({workerBytes} bytes)");
    if (new FileInfo(Path.Combine(artifacts, "porsetup.exe")) is { Exists: true } exe)
    {
        table.Add("Size: porsetup.exe", ResultTable.KiB(exe.Length), $"{exe.Length} bytes: the CLI for Windows x64, self-contained single file (the .NET runtime inside, trimmed and compressed); needs no .NET installed");
    }

    try
    {
        var baselines = Baselines.Build(Directory.CreateDirectory(Path.Combine(work, "baselines")).FullName);
        table.Add("Size: minimal / floor MSI", ResultTable.KiB(new FileInfo(baselines.Minimal).Length), $"floor MSI {ResultTable.KiB(new FileInfo(baselines.Floor).Length)}, its no-op DLL {ResultTable.KiB(new FileInfo(baselines.NoopDll).Length)} (bench/minimal.wxs, bench/noop.c)");
        Progress.Say("Making the Wine prefix (the tests' WinePrefix)");
        using var prefix = WinePrefix.Create();
        Kind[] kinds =
        [
            Kind.Msi("PorSetup", "PorSetup.msi", prefix.WindowsPath(msi), options.PartnerId, Kind.ImmediateDllActions(msi)),
            Kind.Msi("minimal", "minimal MSI (no custom action)", prefix.WindowsPath(baselines.Minimal), options.PartnerId, []),
            Kind.Msi("floor", "floor MSI (no-op DLL action)", prefix.WindowsPath(baselines.Floor), options.PartnerId, [Baselines.NoopAction]),
            Kind.Reg(options.PartnerId),
        ];
        var installs = new InstallBenchmark(prefix, kinds, options.PartnerId, options.Runs, logs);
        installs.Run(table);
        installs.MeasureWorkerStart(worker, table);
    }
    catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
    {
        Progress.Say($"Install benchmark stopped: {e}");
        table.AddFailure("Install benchmark", e.Message.Split('\n')[0]);
    }
}
catch (Exception e) when (e is InvalidOperationException or FileNotFoundException or IOException)
{
    Progress.Say(e.ToString());
    table.AddFailure("Benchmark", e.Message.Split('\n')[0]);
}
finally
{
    Directory.Delete(work, recursive: true);
}

header.Add(string.Create(CultureInfo.InvariantCulture, $"Install timings: {options.Runs} timed cycles per kind (after 1 verified warm-up cycle each), rounds interleaved; the tests' throw-away win64 prefix, its wineserver kept running (-p); wall clock incl. starting wine; took {(DateTime.UtcNow - started).TotalSeconds:0} s in all; load avg at the end {MachineDescription.Load()}"));
foreach (var line in header)
{
    Console.WriteLine(line);
}

Console.WriteLine();
table.Print(Console.Out);
return table.Failed ? 1 : 0;
