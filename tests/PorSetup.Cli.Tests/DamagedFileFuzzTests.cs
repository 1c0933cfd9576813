// Copyright (c) PorSetup contributors. MIT licensed.

using System.Diagnostics;
using System.Globalization;
using PorSetup.Msi;

namespace PorSetup.Cli.Tests;

/// <summary>
/// Thousands of damaged copies of the built MSI and of a transform, in versions 3 and 4, fed to inspect, stamp and
/// transform: each run ends in exit 0 with sound output or in a file error (exit 3) of one plain line, with no output
/// file, within <see cref="BoundedRun"/>'s memory and time bounds. The seed is printed; set PORSETUP_FUZZ_SEED to
/// replay a failure.
/// </summary>
public sealed class DamagedFileFuzzTests : IDisposable
{
    public const string SeedVariable = "PORSETUP_FUZZ_SEED";

    // Random picks per stream, chain or entry; with the fixed lists this makes about 1,500 copies, 2,500 runs.
    private const int PerStream = 2;

    private readonly string folder = Directory.CreateTempSubdirectory("porsetup-fuzz-").FullName;

    [Fact]
    public void DamagedCopies_EndInSoundOutputOrAPlainFileError_WithinBounds()
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var log = TestContext.Current.TestOutputHelper;
        log?.WriteLine($"Fuzz seed {seed} (replay with {SeedVariable}={seed}).");

        var msi = File.ReadAllBytes(TestMsi.Shipped);
        var mst = this.Transform();

        // Once read, a package takes the same path whatever its version: stamp and transform get the version 3 copies only.
        string[] all = ["inspect", "stamp", "transform"];
        var sources = new (string Name, byte[] Bytes, string Extension, string[] Commands)[]
        {
            ("PorSetup.msi", msi, ".msi", all),
            ("PorSetup.msi as version 4", Version4File.Write(CompoundFile.Read(msi)), ".msi", ["inspect"]),
            ("transform", mst, ".mst", ["inspect"]),
            ("transform as version 4", Version4File.Write(CompoundFile.Read(mst)), ".mst", ["inspect"]),
        };

        var random = new Random(seed);
        var runs = 0;
        var refused = 0;
        var clock = Stopwatch.StartNew();
        foreach (var (name, bytes, extension, commands) in sources)
        {
            var input = Path.Combine(this.folder, "input" + extension);
            File.WriteAllBytes(input, bytes);
            var original = CliRun.Of("inspect", input);
            Assert.Equal(ExitCodes.Success, original.ExitCode);

            // The bound sees the command's work: reading the sound file allocates at least the file.
            Assert.True(BoundedRun.Of("inspect", input).AllocatedBytes > bytes.Length, "the allocation count does not see the command");

            foreach (var variant in new DamagedVariants(bytes, random).All(PerStream))
            {
                File.WriteAllBytes(input, variant.Bytes);
                var context = $"seed {seed} ({SeedVariable}={seed}), {name}, {variant.Description}";
                foreach (var command in commands)
                {
                    refused += this.Check(command, input, variant, original, $"{context}, {command}") ? 0 : 1;
                    runs++;
                }
            }
        }

        log?.WriteLine($"{runs} runs ({refused} refused as damaged) in {clock.Elapsed.TotalSeconds:F1} s; bounds: {BoundedRun.MemoryBound(0):N0} bytes plus 64 per byte of the file, {BoundedRun.TimeBound.TotalSeconds} s per run.");
        Assert.True(runs > 2000, $"only {runs} runs");
    }

    public void Dispose() => Directory.Delete(this.folder, recursive: true);

    /// <summary>Checks one run; true when it succeeded, false when it refused the file.</summary>
    private bool Check(string command, string input, DamagedVariant variant, CliRun original, string context)
    {
        var output = Path.Combine(this.folder, "output");
        string[] args = command == "inspect" ? [command, input] : [command, input, "-p", "1234567", "-o", output];
        var run = BoundedRun.Of(args).WithinBounds(variant.Bytes.Length, context).Run;
        try
        {
            if (run.ExitCode == ExitCodes.FileError)
            {
                Assert.True(run.Output.Length == 0, $"{context}: printed {run.Output}");
                Assert.True(run.Error.StartsWith(input, StringComparison.Ordinal), $"{context}: {run.Error}");
                try
                {
                    CliAssert.PlainWords(run.Error);
                }
                catch (Xunit.Sdk.XunitException exception)
                {
                    throw new Xunit.Sdk.XunitException($"{context}: {run.Error}{exception.Message}");
                }

                Assert.False(File.Exists(output), $"{context}: wrote {output} from a file it refused.");
                return false;
            }

            Assert.True(run.ExitCode == ExitCodes.Success, $"{context}: exit code {run.ExitCode}: {run.Error}");
            Assert.True(run.Error.Length == 0, $"{context}: {run.Error}");
            var lines = run.Output.Split(Environment.NewLine);
            Assert.True(lines[0] == original.Output.Split(Environment.NewLine)[0] || command != "inspect", $"{context}: {run.Output}");
            Assert.True(!variant.KeepsContent || command != "inspect" || run.Output == original.Output, $"{context}: accepted, it reads\n{run.Output}\ninstead of\n{original.Output}");
            // What was written reads back with the Partner ID it was made to carry.
            try
            {
                if (command == "stamp")
                {
                    Assert.True(MsiProperties.Read(output).GetValueOrDefault(PackageProperties.StampedPartnerId) == "1234567", $"{context}: the copy has no stamped Partner ID.");
                }
                else if (command == "transform")
                {
                    Assert.True(MsiTransformReader.Read(output).Rows.Any(r => r.Values is [PackageProperties.TransformPartnerId, "1234567"]), $"{context}: the transform does not set the Partner ID.");
                }
            }
            catch (Exception exception) when (exception is InvalidDataException or DamagedFileException)
            {
                throw new Xunit.Sdk.XunitException($"{context}: what it wrote cannot be read: {exception.Message}");
            }

            return true;
        }
        finally
        {
            File.Delete(output);
        }
    }

    private byte[] Transform()
    {
        var mst = Path.Combine(this.folder, "PartnerId-1234567.mst");
        Assert.Equal(ExitCodes.Success, CliRun.Of("transform", TestMsi.Shipped, "-p", "1234567", "-o", mst).ExitCode);
        var bytes = File.ReadAllBytes(mst);
        File.Delete(mst);
        return bytes;
    }
}
