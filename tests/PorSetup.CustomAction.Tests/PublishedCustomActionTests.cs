// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;
using System.Globalization;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace PorSetup.CustomAction.Tests;

/// <summary>
/// What goes into the MSI's Binary table: the proxy DLL, built as msiexec needs it, small, carrying the worker
/// program, which is built with the protections a Microsoft-linked program has.
/// </summary>
public sealed partial class PublishedCustomActionTests(PublishedCustomAction published) : IClassFixture<PublishedCustomAction>
{
    // The value MSVC-compiled images start with; Windows' and Wine's loaders replace it with a random one
    // when the load configuration directory points at it.
    private const ulong DefaultSecurityCookie = 0x00002B992DDFA232;

    // Only DLLs that a Windows Server 2012 has from its original media: no Universal CRT (api-ms-win-crt-*,
    // ucrtbase.dll, which came to 2012 and 2012 R2 only with KB2999226), no Visual C++ runtime DLL.
    private static readonly string[] SystemDlls =
    [
        "kernel32.dll", "advapi32.dll", "bcrypt.dll", "ole32.dll", "oleaut32.dll", "user32.dll", "ntdll.dll",
        "crypt32.dll", "ncrypt.dll", "secur32.dll", "version.dll", "ws2_32.dll", "mswsock.dll", "iphlpapi.dll",
        "normaliz.dll", "msi.dll",
    ];

    // LOAD_LIBRARY_SEARCH_SYSTEM32
    private const ushort SearchSystem32 = 0x800;

    [Fact]
    public void Publish_WritesTheProxyAndTheWorker()
    {
        Assert.True(published.ExitCode == 0, published.Log);
        Assert.True(File.Exists(published.ProxyPath), $"{published.ProxyPath} missing.\n{published.Log}");
        Assert.True(File.Exists(published.WorkerPath), $"{published.WorkerPath} missing.\n{published.Log}");
    }

    [Fact]
    public void Proxy_IsAnX64Dll_WithAslrAndDep()
    {
        using var reader = OpenPe(published.ProxyPath);

        Assert.True(reader.PEHeaders.IsDll);
        AssertX64WithAslrAndDep(reader.PEHeaders);
    }

    [Fact]
    public void Proxy_CarriesTheWorker_ByteForByte()
    {
        Assert.True(File.Exists(published.ProxyPath), published.Log);
        var proxy = File.ReadAllBytes(published.ProxyPath);
        var worker = File.ReadAllBytes(published.WorkerPath);

        Assert.True(proxy.AsSpan().IndexOf(worker) >= 0, "The worker's bytes are not in the proxy.");
    }

    [Fact]
    public void Proxy_IsSmall()
    {
        // The MSI holds the proxy, which holds the worker; the proxy's own code is a few KiB.
        Assert.True(File.Exists(published.ProxyPath), published.Log);
        var proxy = new FileInfo(published.ProxyPath).Length;
        var worker = new FileInfo(published.WorkerPath).Length;

        Assert.True(proxy < 1024 * 1024, $"{proxy} bytes");
        Assert.True(proxy - worker < 32 * 1024, $"proxy {proxy} bytes, worker {worker} bytes");
    }

    [Fact]
    public void Proxy_HasNoTestHook()
    {
        // Proxy.c's test options are in test builds only: PORSETUP_TEST_SEND_NO_ACTION (the end-to-end tests' hung
        // worker), whose step's text would be in the DLL's data, and PORSETUP_TEST_FAIL_WHEN_DEFERRED, whose export
        // name and message would. Nor does the worker, which both builds share, know the failing action.
        Assert.True(File.Exists(published.ProxyPath), published.Log);
        var proxy = File.ReadAllBytes(published.ProxyPath);
        var worker = File.ReadAllBytes(published.WorkerPath);

        Assert.True(proxy.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes("it was sent no action")) < 0, "The shipped proxy carries the hung-worker hook.");
        Assert.True(proxy.AsSpan().IndexOf("FailWhenDeferred"u8) < 0, "The shipped proxy exports the FailWhenDeferred hook.");
        Assert.True(proxy.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes("FailWhenDeferred")) < 0, "The shipped proxy carries the FailWhenDeferred hook's message.");
        Assert.True(worker.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes("FailWhenDeferred")) < 0, "The worker knows the FailWhenDeferred hook.");
        Assert.True(worker.AsSpan().IndexOf("FailWhenDeferred"u8) < 0, "The worker knows the FailWhenDeferred hook.");
        Assert.True(proxy.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes("did not finish within its deadline")) >= 0, "The deadline's log line is missing.");
    }

    [ObjdumpFact]
    public void Proxy_ExportsTheCustomActions()
    {
        Assert.True(File.Exists(published.ProxyPath), published.Log);
        var exports = ExportLine().Matches(Objdump.PrivateHeaders(published.ProxyPath)).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();

        // FailWhenDeferred, the tests' failing action, is exported by test builds only (PORSETUP_TEST_FAIL_WHEN_DEFERRED).
        Assert.Equal(["DecidePartnerId", "PutBackPartnerValue"], exports);
    }

    [ObjdumpFact]
    public void Proxy_ImportsOnlyKernel32Advapi32AndMsi()
    {
        Assert.True(File.Exists(published.ProxyPath), published.Log);

        Assert.Equal(["advapi32.dll", "kernel32.dll", "msi.dll"], ImportedDlls(published.ProxyPath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Worker_IsAnX64WindowsProgram_WithAslrAndDep()
    {
        using var reader = OpenPe(published.WorkerPath);
        var headers = reader.PEHeaders;

        Assert.True(headers.IsExe);
        // A GUI-subsystem program: no console window is created for it.
        Assert.Equal(Subsystem.WindowsGui, headers.PEHeader!.Subsystem);
        AssertX64WithAslrAndDep(headers);
    }

    [Fact]
    public void Worker_LetsTheLoaderRandomizeTheStackCookie()
    {
        using var reader = OpenPe(published.WorkerPath);
        var header = reader.PEHeaders.PEHeader!;
        var loadConfig = header.LoadConfigTableDirectory;
        Assert.True(loadConfig.Size >= 0x60, "no load configuration directory (it points the loader at __security_cookie)");

        var config = reader.GetSectionData(loadConfig.RelativeVirtualAddress).GetContent(0, loadConfig.Size);
        var cookieAddress = BinaryPrimitives.ReadUInt64LittleEndian(config.AsSpan()[0x58..]);
        Assert.NotEqual(0ul, cookieAddress);
        var cookie = reader.GetSectionData(checked((int)(cookieAddress - header.ImageBase))).GetContent(0, 8);
        Assert.Equal(DefaultSecurityCookie, BinaryPrimitives.ReadUInt64LittleEndian(cookie.AsSpan()));
    }

    [Fact]
    public void Worker_HasATlsDirectory()
    {
        using var reader = OpenPe(published.WorkerPath);

        Assert.NotEqual(0, reader.PEHeaders.PEHeader!.ThreadLocalStorageTableDirectory.Size);
    }

    [ObjdumpFact]
    public void Worker_ImportsOnlySystemDlls_AndNotMsi()
    {
        // The MSI handle belongs to the process msiexec gave it to: only the proxy calls msi.dll.
        Assert.True(File.Exists(published.WorkerPath), published.Log);
        var imports = ImportedDlls(published.WorkerPath);

        Assert.Contains("kernel32.dll", imports);
        Assert.DoesNotContain("msi.dll", imports);
        AssertOnlySystemDlls(imports);
    }

    [ObjdumpFact]
    public void Proxy_ImportsOnlySystemDlls()
    {
        Assert.True(File.Exists(published.ProxyPath), published.Log);

        AssertOnlySystemDlls(ImportedDlls(published.ProxyPath));
    }

    [Fact]
    public void Worker_LooksForItsDllsInSystem32Only()
    {
        // DependentLoadFlags in the load configuration directory: the DLLs the worker imports are never taken from
        // its own folder (Windows 10 1607 and later honour it).
        using var reader = OpenPe(published.WorkerPath);
        var loadConfig = reader.PEHeaders.PEHeader!.LoadConfigTableDirectory;
        Assert.True(loadConfig.Size >= 0x50, "no load configuration directory, or one too short for DependentLoadFlags");

        var config = reader.GetSectionData(loadConfig.RelativeVirtualAddress).GetContent(0, loadConfig.Size);
        Assert.Equal(SearchSystem32, BinaryPrimitives.ReadUInt16LittleEndian(config.AsSpan()[0x4E..]));
    }

    [ObjdumpFact]
    public void Worker_KeepsTheIndirectCallPointerReadOnly()
    {
        // __guard_dispatch_icall_fptr, through which the runtime's indirect calls jump, lives in .rdata. The
        // published program has no symbols, so the object it was linked from is read (cross-link only: on Windows
        // the Microsoft runtime's own, also read-only, is used).
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var objects = Directory.GetFiles(published.ArtifactsPath, "MinimalCrt.obj", SearchOption.AllDirectories);
        var minimalCrt = Assert.Single(objects);
        var symbols = Objdump.Run("-t", minimalCrt);
        var headers = Objdump.Run("-h", minimalCrt);

        var symbol = Regex.Match(symbols, @"\(sec\s+(\d+)\)[^\n]*\s__guard_dispatch_icall_fptr\s*$", RegexOptions.Multiline);
        Assert.True(symbol.Success, symbols);
        var section = Regex.Match(headers, $@"^\s*{int.Parse(symbol.Groups[1].Value, CultureInfo.InvariantCulture) - 1}\s+(\S+)\s[^\n]*\n([^\n]*)", RegexOptions.Multiline);
        Assert.True(section.Success, headers);
        Assert.Equal(".rdata", section.Groups[1].Value);
        Assert.Contains("READONLY", section.Groups[2].Value);
    }

    [ObjdumpFact]
    public void Worker_ImportsTheRegistryFunctionsFromAdvapi32()
    {
        // advapi32 is imported by the NativeAOT runtime anyway: the registry functions bind at load time from it
        // and add no DLL (a function the linker did not bind would be looked up by name only when first called).
        Assert.True(File.Exists(published.WorkerPath), published.Log);
        var text = Objdump.PrivateHeaders(published.WorkerPath);
        var byDll = DllNameLine().Matches(text).ToDictionary(
            m => m.Groups[1].Value.ToLowerInvariant(),
            m => ImportLine().Matches(text[m.Index..].Split("\n\n", 2)[0]).Select(f => f.Groups[1].Value).ToList());

        Assert.True(byDll.ContainsKey("advapi32.dll"), string.Join(", ", byDll.Keys));
        foreach (var function in new[] { "RegCreateKeyExW", "RegSetValueExW", "RegOpenKeyExW", "RegDeleteValueW", "RegCloseKey" })
        {
            Assert.Contains(function, byDll["advapi32.dll"]);
            Assert.Single(byDll, entry => entry.Value.Contains(function));
        }
    }

    private static void AssertX64WithAslrAndDep(PEHeaders headers)
    {
        Assert.Equal(Machine.Amd64, headers.CoffHeader.Machine);
        var characteristics = headers.PEHeader!.DllCharacteristics;
        Assert.True(characteristics.HasFlag(DllCharacteristics.DynamicBase), characteristics.ToString());
        Assert.True(characteristics.HasFlag(DllCharacteristics.HighEntropyVirtualAddressSpace), characteristics.ToString());
        Assert.True(characteristics.HasFlag(DllCharacteristics.NxCompatible), characteristics.ToString());
    }

    private static void AssertOnlySystemDlls(List<string> imports) =>
        Assert.All(imports, name => Assert.True(SystemDlls.Contains(name), $"{name} is not on the list of Windows Server 2012's DLLs; imports: {string.Join(", ", imports)}"));

    private static List<string> ImportedDlls(string path) =>
        DllNameLine().Matches(Objdump.PrivateHeaders(path)).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToList();

    private PEReader OpenPe(string path)
    {
        Assert.True(File.Exists(path), published.Log);
        return new PEReader(File.OpenRead(path));
    }

    [GeneratedRegex(@"^\s*DLL Name: (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex DllNameLine();

    // Lines of a DLL's import table: "	acfc6	 1613  RegCreateKeyExW"
    [GeneratedRegex(@"^\t[0-9a-f]+\t\s*\d+\s+([A-Za-z_]\w*)\s*$", RegexOptions.Multiline)]
    private static partial Regex ImportLine();

    // Lines of the "[Ordinal/Name Pointer] Table" section: "	[   1] DecidePartnerId"
    [GeneratedRegex(@"^\s*\[\s*\d+\] ([A-Za-z_]\w*)\s*$", RegexOptions.Multiline)]
    private static partial Regex ExportLine();
}
