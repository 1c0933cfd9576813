// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction.Tests;

/// <summary>
/// Publishes src/PorSetup.CustomAction for win-x64 once per test run, the way the MSI build does
/// (<c>dotnet publish -c Release -r win-x64</c>), into a temporary folder with its own bin/obj: the worker
/// program and the proxy DLL that carries it.
/// </summary>
public sealed class PublishedCustomAction : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("porsetup-ca-").FullName;

    public PublishedCustomAction()
    {
        var project = Path.Combine(PorSetup.Testing.RepositoryRoot.Path, "src", "PorSetup.CustomAction", "PorSetup.CustomAction.csproj");
        var output = Path.Combine(root, "out");
        var publish = Tool.Run(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            ["publish", project, "-c", "Release", "-r", "win-x64", "-o", output, "--artifacts-path", ArtifactsPath, "-nologo"]);
        Log = publish.Output;
        ExitCode = publish.ExitCode;
        ProxyPath = Path.Combine(output, "PorSetup.CustomAction.Proxy.dll");
        WorkerPath = Path.Combine(output, "PorSetup.CustomAction.exe");
    }

    public int ExitCode { get; }

    /// <summary>The publish's bin and obj folders (the objects the worker was linked from are under obj).</summary>
    public string ArtifactsPath => Path.Combine(root, "artifacts");

    public string Log { get; }

    /// <summary>The DLL the MSI's Binary table holds.</summary>
    public string ProxyPath { get; }

    /// <summary>The NativeAOT program the proxy carries and runs.</summary>
    public string WorkerPath { get; }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
