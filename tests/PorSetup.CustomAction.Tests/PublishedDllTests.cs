// Copyright (c) PorSetup contributors. MIT licensed.

using System.Buffers.Binary;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace PorSetup.CustomAction.Tests;

/// <summary>The DLL that goes into the MSI's Binary table: built as msiexec needs it, and small.</summary>
public sealed partial class PublishedDllTests(PublishedDll dll) : IClassFixture<PublishedDll>
{
    // The value MSVC-compiled images start with; Windows' and Wine's loaders replace it with a random one
    // when the load configuration directory points at it.
    private const ulong DefaultSecurityCookie = 0x00002B992DDFA232;

    // Only DLLs that every supported Windows Server has. The api-ms-win-crt-* API sets are the Universal C
    // Runtime, part of Windows since 10 / Server 2016 (and on 2012 R2 through KB2999226), which the
    // NativeAOT runtime uses on every build, Microsoft's linker included.
    private static readonly string[] SystemDlls =
    [
        "kernel32.dll", "advapi32.dll", "bcrypt.dll", "ole32.dll", "oleaut32.dll", "user32.dll", "ntdll.dll",
        "crypt32.dll", "ncrypt.dll", "secur32.dll", "version.dll", "ws2_32.dll", "mswsock.dll", "iphlpapi.dll",
        "normaliz.dll", "msi.dll", "ucrtbase.dll",
    ];

    [Fact]
    public void Publish_Succeeds()
    {
        Assert.True(dll.ExitCode == 0, dll.Log);
        Assert.True(File.Exists(dll.FilePath), $"{dll.FilePath} missing.\n{dll.Log}");
    }

    [Fact]
    public void Dll_IsAnX64Dll_WithAslrAndDep()
    {
        using var reader = OpenPe();
        var headers = reader.PEHeaders;

        Assert.Equal(Machine.Amd64, headers.CoffHeader.Machine);
        Assert.True(headers.IsDll);
        var characteristics = headers.PEHeader!.DllCharacteristics;
        Assert.True(characteristics.HasFlag(DllCharacteristics.DynamicBase), characteristics.ToString());
        Assert.True(characteristics.HasFlag(DllCharacteristics.HighEntropyVirtualAddressSpace), characteristics.ToString());
        Assert.True(characteristics.HasFlag(DllCharacteristics.NxCompatible), characteristics.ToString());
    }

    [Fact]
    public void Dll_IsSmall()
    {
        Assert.True(File.Exists(dll.FilePath), dll.Log);
        var size = new FileInfo(dll.FilePath).Length;
        Assert.True(size < 1024 * 1024, $"{size} bytes");
    }

    [Fact]
    public void Dll_LetsTheLoaderRandomizeTheStackCookie()
    {
        using var reader = OpenPe();
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
    public void Dll_HasATlsDirectory()
    {
        using var reader = OpenPe();

        Assert.NotEqual(0, reader.PEHeaders.PEHeader!.ThreadLocalStorageTableDirectory.Size);
    }

    [ObjdumpFact]
    public void Dll_ImportsOnlySystemDlls()
    {
        Assert.True(File.Exists(dll.FilePath), dll.Log);
        var imports = DllNameLine().Matches(Objdump.PrivateHeaders(dll.FilePath)).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToList();

        Assert.Contains("kernel32.dll", imports);
        Assert.All(imports, name => Assert.True(
            SystemDlls.Contains(name) || name.StartsWith("api-ms-win-crt-", StringComparison.Ordinal),
            $"{name} is not a system DLL; imports: {string.Join(", ", imports)}"));
    }

    [ObjdumpFact]
    public void Dll_ExportsTheCustomActions()
    {
        Assert.True(File.Exists(dll.FilePath), dll.Log);
        var exports = ExportLine().Matches(Objdump.PrivateHeaders(dll.FilePath)).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["FailWhenDeferred", "RestorePartnerValue", "ValidatePartnerId"], exports);
    }

    [ObjdumpFact]
    public void Dll_ImportsTheRegistryFunctionsFromAdvapi32()
    {
        // advapi32 is imported by the NativeAOT runtime anyway: the registry functions bind at load time from it
        // and add no DLL (a function the linker did not bind would be looked up by name only when first called).
        Assert.True(File.Exists(dll.FilePath), dll.Log);
        var text = Objdump.PrivateHeaders(dll.FilePath);
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

    private PEReader OpenPe()
    {
        Assert.True(File.Exists(dll.FilePath), dll.Log);
        return new PEReader(File.OpenRead(dll.FilePath));
    }

    [GeneratedRegex(@"^\s*DLL Name: (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex DllNameLine();

    // Lines of a DLL's import table: "	acfc6	 1613  RegCreateKeyExW"
    [GeneratedRegex(@"^\t[0-9a-f]+\t\s*\d+\s+([A-Za-z_]\w*)\s*$", RegexOptions.Multiline)]
    private static partial Regex ImportLine();

    // Lines of the "[Ordinal/Name Pointer] Table" section: "	[   1] ValidatePartnerId"
    [GeneratedRegex(@"^\s*\[\s*\d+\] ([A-Za-z_]\w*)\s*$", RegexOptions.Multiline)]
    private static partial Regex ExportLine();
}
