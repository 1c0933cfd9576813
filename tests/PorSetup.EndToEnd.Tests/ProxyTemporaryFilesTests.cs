// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.EndToEnd.Tests.Infrastructure;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// What the local machine counts, reports and deletes in %TEMP% and %WINDIR%\Installer: only the proxy's worker
/// folders, named as Proxy.c names them, and msi*.tmp files byte-identical to a proxy DLL; never the folders other
/// test classes make in the same %TEMP% at the same time, whose names differ from the worker's only in case.
/// </summary>
public sealed class ProxyTemporaryFilesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("proxy-temporary-files-").FullName;

    public void Dispose() => Directory.Delete(this.folder, recursive: true);

    [Theory]
    [InlineData("PorSetup-0123456789abcdef")]
    [InlineData("PorSetup-ffffffffffffffff")]
    [InlineData("PorSetup-0000000000000000")]
    public void AWorkerFolderName_IsTheProxys(string name)
    {
        Assert.True(ProxyTemporaryFiles.IsWorkerFolderName(name));
    }

    [Theory]
    [InlineData("porsetup-0123456789abcdef")]
    [InlineData("PORSETUP-0123456789abcdef")]
    [InlineData("PorSetup-0123456789ABCDEF")]
    [InlineData("PorSetup-0123456789abcde")]
    [InlineData("PorSetup-0123456789abcdef0")]
    [InlineData("PorSetup-0123456789abcdeg")]
    [InlineData("PorSetup-")]
    [InlineData("porsetup-signing-1a2b3c4d")]
    [InlineData("porsetup-signed-build-1a2b3c4d")]
    [InlineData("porsetup-cli-sign-1a2b3c4d")]
    [InlineData("porsetup-crt-1a2b3c4d")]
    [InlineData("porsetup-deadline-1a2b3c4d")]
    [InlineData("porsetup-e2e-1234")]
    [InlineData("PorSetup-1234567.msi")]
    public void AnyOtherName_IsNotTheProxys(string name)
    {
        Assert.False(ProxyTemporaryFiles.IsWorkerFolderName(name));
    }

    [Fact]
    public void TheWorkerFolderName_IsWhatProxyCWrites()
    {
        var proxy = File.ReadAllText(Path.Combine(TestArtifacts.RepositoryRoot, "src", "PorSetup.CustomAction", "Native", "Proxy.c"));

        Assert.Contains($"static const WCHAR prefix[] = L\"{ProxyTemporaryFiles.WorkerFolderPrefix}\";", proxy, StringComparison.Ordinal);
        Assert.Contains("static const WCHAR HexDigits[] = L\"0123456789abcdef\";", proxy, StringComparison.Ordinal);
        Assert.Contains("for (int i = 0; i < 16; i++)", proxy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MSI1A2B.tmp", true)]
    [InlineData("msi3f.TMP", true)]
    [InlineData("msi.tmp", true)]
    [InlineData("MSI1A2B.LOG", false)]
    [InlineData("xmsi1.tmp", false)]
    [InlineData("msi1.tmpx", false)]
    public void InstallerTemporaryFileNames_AreMsiStarTmp(string name, bool expected)
    {
        Assert.Equal(expected, ProxyTemporaryFiles.IsInstallerTemporaryFileName(name));
    }

    [Fact]
    public void OnlyTheProxysFoldersAndCopies_AreItsOwn()
    {
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        var proxy = this.Write("proxy.dll", bytes);
        var otherProxy = this.Write("test-proxy.dll", [1, 2, 3]);
        var changedLast = (byte[])bytes.Clone();
        changedLast[^1] ^= 1;
        var proxies = new[] { proxy, otherProxy };

        Assert.True(ProxyTemporaryFiles.IsProxysOwn(this.Write("MSI1A2B.tmp", bytes), proxies));
        Assert.True(ProxyTemporaryFiles.IsProxysOwn(this.Write("msi3c.tmp", [1, 2, 3]), proxies));
        Assert.True(ProxyTemporaryFiles.IsProxysOwn(Directory.CreateDirectory(Path.Combine(this.folder, "PorSetup-0123456789abcdef")).FullName, proxies));
        Assert.False(ProxyTemporaryFiles.IsProxysOwn(this.Write("MSI4D5E.tmp", changedLast), proxies));
        Assert.False(ProxyTemporaryFiles.IsProxysOwn(this.Write("MSI6F70.tmp", bytes[..^1]), proxies));
        Assert.False(ProxyTemporaryFiles.IsProxysOwn(this.Write("copy.tmp", bytes), proxies));
        Assert.False(ProxyTemporaryFiles.IsProxysOwn(this.Write("PorSetup-fedcba9876543210", bytes), proxies));
        Assert.False(ProxyTemporaryFiles.IsProxysOwn(Directory.CreateDirectory(Path.Combine(this.folder, "porsetup-signing-1a2b")).FullName, proxies));
        Assert.False(ProxyTemporaryFiles.IsProxysOwn(Directory.CreateDirectory(Path.Combine(this.folder, "msi7a.tmp")).FullName, proxies));
    }

    [Fact]
    public void AProxyThatIsMissing_MakesNoCopy_AndDoesNotThrow()
    {
        var file = this.Write("MSI1A2B.tmp", [1, 2, 3]);

        Assert.False(ProxyTemporaryFiles.IsCopyOfAny(file, [Path.Combine(this.folder, "missing.dll")]));
        Assert.False(ProxyTemporaryFiles.IsCopyOfAny(Path.Combine(this.folder, "MSI0000.tmp"), [file]));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(this.folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
