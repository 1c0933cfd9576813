// Copyright (c) PorSetup contributors. MIT licensed.

using System.Security.Cryptography.X509Certificates;
using PorSetup.EndToEnd.Tests.Infrastructure;
using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests;

/// <summary>
/// porsetup.exe sign on Windows, with the Windows SDK's signtool (Windows only): the certificate reaches signtool
/// through a temporary import into the current user's store, chosen by thumbprint, and the store and the user's key
/// folders are as they were afterwards, when signing succeeds and when it fails (an unreachable timestamp server).
/// The command line signtool gets is SigntoolArguments' (PorSetup.Cli.Tests' SigntoolArgumentsTests).
/// </summary>
public sealed class WindowsSigningTests : IDisposable
{
    /// <summary>Why this cannot run under Wine 8, seen there (porsetup.exe check-signing with WINEDEBUG=+crypt).</summary>
    public const string WineCannot =
        "Wine 8's PFXImportCertStore refuses the flags .NET's PKCS#12 loader passes (\"PFXImportCertStore flags 00008200 not supported\"), so porsetup.exe opens no .pfx under Wine, and the SDK's signtool does not start there (it needs MFC42.dll, which Wine does not ship)";

    private readonly string folder = TestWorkspace.NewFolder("windows-signing");

    [MachineTheory]
    [InlineData(null)]
    [InlineData("http://127.0.0.1:9/")]
    public void Sign_TakesTheCertificateFromTheUsersStore_AndLeavesTheStoreAsItWas(string? unreachableTimestamp)
    {
        using var machine = TestMachine.Create();
        Assert.SkipWhen(machine.IsWine, $"Windows only: {WineCannot}. The windows-2022 CI job runs it.");
        WineRehearsal.SkipWhereWineDiffers(WineCannot);

        // Made after the skips: under Wine, .NET cannot even make the test certificate (BCrypt's RSA key export fails).
        using var signing = new TestSigning();
        var file = Path.Combine(this.folder, "PorSetup.msi");
        File.Copy(TestPackages.Shipped, file);
        var before = File.ReadAllBytes(file);
        var storeBefore = UserStore();
        var keysBefore = UserKeyFiles();

        var arguments = new List<string> { "sign", file, "--sign-with", signing.CodeSigningPfx };
        if (unreachableTimestamp is not null)
        {
            arguments.AddRange(["--timestamp-url", unreachableTimestamp]);
        }

        var result = Tool.Run(PorSetupExe.Path, arguments, new Dictionary<string, string?> { ["PORSETUP_PFX_PASSWORD"] = TestSigning.Password });

        Assert.Equal(storeBefore, UserStore());
        Assert.Equal(keysBefore, UserKeyFiles());
        Assert.DoesNotContain(TestSigning.Password, result.Output, StringComparison.Ordinal);
        if (unreachableTimestamp is null)
        {
            Assert.True(result.ExitCode == 0, result.Output);
            Assert.True(PorSetup.Msi.CompoundFile.Read(file).FindStream("\u0005DigitalSignature") is not null, "The MSI has no signature.");
        }
        else
        {
            Assert.True(result.ExitCode == 4, result.Output);
            Assert.Contains("signtool.exe failed", result.Output, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllBytes(file));
        }
    }

    public void Dispose() => Directory.Delete(this.folder, recursive: true);

    private static string[] UserStore()
    {
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadOnly);
        return [.. store.Certificates.Select(c => c.Thumbprint).Order(StringComparer.Ordinal)];
    }

    // Where Windows keeps a user's private keys: CNG's Keys folder and CryptoAPI's RSA\<SID> folders.
    private static string[] UserKeyFiles()
    {
        var crypto = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "Microsoft", "Crypto");
        return Directory.Exists(crypto)
            ? [.. Directory.EnumerateFiles(crypto, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
            : [];
    }
}
