// Copyright (c) PorSetup contributors. MIT licensed.

using System.Collections.Concurrent;
using System.Xml.Linq;
using PorSetup.Build;
using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The packages the tests install: the shipped MSI, and variants of the same source at other versions (for
/// upgrades and downgrades), in other cultures or with a test hook (TestData/&lt;Hook&gt;/Hook.wxs), built once per
/// test run the way build.ps1 builds the shipped one there: on Linux with wixl (src/PorSetup.Build), on Windows with
/// WixToolset.Sdk (installer/PorSetup.wixproj), so that a local test on Windows installs WiX's own packages.
/// </summary>
public static class TestPackages
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Builds = new();
    private static readonly ConcurrentQueue<string> BuiltTestProxies = new();
    private static readonly Lazy<string> Root = new(() => OperatingSystem.IsWindows()
        ? Directory.CreateDirectory(Path.Combine(TestArtifacts.RepositoryRoot, "artifacts", "test-packages", $"{Environment.ProcessId}")).FullName
        : TestWorkspace.NewFolder("packages"));

    /// <summary>What building a variant on Windows takes, for the Wine rehearsal's skip reason.</summary>
    public const string DotnetSdkAndWix = "the .NET SDK and WixToolset.Sdk (dotnet build of installer/PorSetup.wixproj, and dotnet msbuild of the test proxy) to build a package variant";

    /// <summary>artifacts/PorSetup.msi, as build.ps1 made it.</summary>
    public static string Shipped => TestArtifacts.Msi;

    public static string ShippedVersion => ProductIdentity.Version;

    /// <summary>The same package source at another version (each build also gets a new ProductCode).</summary>
    public static string AtVersion(string version) => Get("en-US", version);

    /// <summary>The shipped version in another culture, as build.ps1 -Culture builds it.</summary>
    public static string InCulture(string culture) => Get(culture, ProductIdentity.Version);

    /// <summary>The test builds of the proxy DLL made so far (the local machine knows their copies in msi*.tmp).</summary>
    public static IReadOnlyList<string> TestProxies => [.. BuiltTestProxies];

    /// <summary>The deadline of <see cref="WithHungWorker"/>'s proxy, in seconds (the shipped one has 120).</summary>
    public const int HungWorkerDeadlineSeconds = 5;

    /// <summary>
    /// The shipped package with a test build of the proxy DLL (Proxy.c's PORSETUP_TEST_SEND_NO_ACTION): the worker
    /// is never sent its action, so it waits for ever, as a hung one would; the deadline is
    /// <see cref="HungWorkerDeadlineSeconds"/>. The same worker program; the shipped DLL has neither option.
    /// </summary>
    public static string WithHungWorker() => Built(() =>
        Builds.GetOrAdd("hung-worker", _ => new Lazy<string>(() => BuildWithTestProxy(
            "hung-worker", $"-DPORSETUP_TEST_SEND_NO_ACTION -DPORSETUP_CALL_DEADLINE_SECONDS={HungWorkerDeadlineSeconds}", hook: null))).Value);

    /// <summary>
    /// The shipped package with the FailWhenDeferred hook (TestData/FailWhenDeferred/Hook.wxs) and a test build of the
    /// proxy that exports it (PORSETUP_TEST_FAIL_WHEN_DEFERRED): PORSETUPFAILWHENDEFERRED=1 fails the install after
    /// the registry was written. A package of its own (own ProductCode), like any other build; neither the shipped
    /// proxy nor the worker knows the action.
    /// </summary>
    public static string FailingWhenDeferred => Built(() =>
        Builds.GetOrAdd("fail-when-deferred", _ => new Lazy<string>(() => BuildWithTestProxy(
            "fail-when-deferred", "-DPORSETUP_TEST_FAIL_WHEN_DEFERRED", hook: "FailWhenDeferred"))).Value);

    // Proxy.targets' own target with the test options given, on a copy of the published worker, into folders of this
    // test run; then the package (with the hook's authoring, if any) around that proxy.
    private static string BuildWithTestProxy(string name, string proxyDefines, string? hook)
    {
        var folder = Path.Combine(Root.Value, name);
        var publish = Path.Combine(folder, "publish") + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(publish);
        File.Copy(Path.Combine(Path.GetDirectoryName(TestArtifacts.CustomActionDll)!, "PorSetup.CustomAction.exe"), Path.Combine(publish, "PorSetup.CustomAction.exe"));
        var project = Path.Combine(TestArtifacts.RepositoryRoot, "src", "PorSetup.CustomAction", "PorSetup.CustomAction.csproj");
        var result = Tool.Run(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            ["msbuild", project, "-nologo", "-v:m", "-t:PorSetupBuildProxy", "-p:Configuration=Release", "-p:RuntimeIdentifier=win-x64",
             $"-p:PublishDir={publish}", $"-p:IntermediateOutputPath={Path.Combine(folder, "obj")}{Path.DirectorySeparatorChar}",
             $"-p:PorSetupProxyDefines={proxyDefines}",
             .. WindowsClang()]);
        var dll = Path.Combine(publish, "PorSetup.CustomAction.Proxy.dll");
        if (result.ExitCode != 0 || !File.Exists(dll))
        {
            throw new InvalidOperationException($"Building the test proxy failed:\n{result.StandardOutput}\n{result.StandardError}");
        }

        BuiltTestProxies.Enqueue(dll);

        var source = hook is null ? TestArtifacts.PackageSource : WithHook(hook, folder);
        return BuildPackage(source, "en-US", ProductIdentity.Version, dll, Path.Combine(folder, "package"));
    }

    private static string Get(string culture, string version) =>
        Built(() => Builds.GetOrAdd($"{culture}/{version}", _ => new Lazy<string>(() => Build(culture, version))).Value);

    // On Windows every variant is built with the .NET SDK: in the Wine rehearsal, which has none, the test is skipped
    // before anything is built or cached.
    private static string Built(Func<string> build)
    {
        if (OperatingSystem.IsWindows())
        {
            WineRehearsal.SkipWithout(DotnetSdkAndWix);
        }

        return build();
    }

    private static string Build(string culture, string version)
    {
        var folder = Path.Combine(Root.Value, culture, version);
        return BuildPackage(TestArtifacts.PackageSource, culture, version, TestArtifacts.CustomActionDll, folder);
    }

    // The package source (beside its .wxl files) built into folder/PorSetup.msi, as build.ps1 builds on this platform.
    private static string BuildPackage(string source, string culture, string version, string customActionDll, string folder)
    {
        var output = Path.Combine(folder, "PorSetup.msi");
        if (!OperatingSystem.IsWindows())
        {
            WixlPackageBuilder.Build(new MsiBuildRequest(source, culture, ProductIdentity.Defines(customActionDll, version), output));
            return output;
        }

        // installer/PorSetup.wixproj, copied beside the source and its .wxl files (the SDK compiles every .wxs and .wxl
        // of the project's folder), built with build.ps1's command line and the version as a property. The folder is
        // under artifacts/, so the repository's Directory.Build.props gives the name, the manufacturer and the rules.
        var project = Path.Combine(folder, "wix", "PorSetup.wixproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        File.Copy(Path.Combine(Path.GetDirectoryName(TestArtifacts.PackageSource)!, "PorSetup.wixproj"), project, overwrite: true);
        File.Copy(source, Path.Combine(folder, "wix", "Package.wxs"), overwrite: true);
        foreach (var localization in Directory.GetFiles(Path.GetDirectoryName(source)!, "*.wxl"))
        {
            File.Copy(localization, Path.Combine(folder, "wix", Path.GetFileName(localization)), overwrite: true);
        }

        var bin = Path.Combine(folder, "wix", "bin");
        var result = Tool.Run(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            ["build", project, "-c", "Release", $"-p:Cultures={culture}", $"-p:Version={version}", $"-p:CustomActionDll={customActionDll}", "-o", bin, "--nologo"]);
        var built = Path.Combine(bin, culture, "PorSetup.msi");
        if (result.ExitCode != 0 || !File.Exists(built))
        {
            throw new InvalidOperationException($"WixToolset.Sdk did not build {built}:\n{result.StandardOutput}\n{result.StandardError}");
        }

        File.Copy(built, output, overwrite: true);
        return output;
    }

    // On Windows, the clang build.ps1 found (it sets PORSETUP_PROXY_CLANG), else LLVM for Windows' default folder;
    // elsewhere Proxy.targets' own default, clang on PATH.
    private static string[] WindowsClang()
    {
        if (!OperatingSystem.IsWindows())
        {
            return [];
        }

        var clang = Environment.GetEnvironmentVariable("PORSETUP_PROXY_CLANG") is { Length: > 0 } found
            ? found
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "LLVM", "bin", "clang.exe");
        return [$"-p:PorSetupProxyClang={clang}"];
    }

    // Package.wxs with the hook's custom actions and sequence entries added, beside copies of its .wxl files.
    private static string WithHook(string hook, string folder)
    {
        var wxs = WixNamespaces.Wxs;
        var package = XDocument.Load(TestArtifacts.PackageSource, LoadOptions.SetLineInfo);
        var target = package.Root!.Element(wxs + "Package")!;
        var additions = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "TestData", hook, "Hook.wxs")).Root!.Element(wxs + "Package")!;
        target.Add(additions.Elements(wxs + "CustomAction"));
        target.Element(wxs + "InstallExecuteSequence")!.Add(additions.Elements(wxs + "InstallExecuteSequence").Elements());

        Directory.CreateDirectory(folder);
        foreach (var localization in Directory.GetFiles(Path.GetDirectoryName(TestArtifacts.PackageSource)!, "*.wxl"))
        {
            File.Copy(localization, Path.Combine(folder, Path.GetFileName(localization)));
        }

        var path = Path.Combine(folder, "Package.wxs");
        package.Save(path);
        return path;
    }
}
