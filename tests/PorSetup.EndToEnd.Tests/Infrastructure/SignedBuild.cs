// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Testing;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One signed build for a test class: build.ps1 -SignWith with a throw-away code-signing certificate and
/// -PartnerId, into a folder of its own (-Output), the password given to build.ps1 through
/// PORSETUP_PFX_PASSWORD only. Not made where osslsigncode is missing (the tests skip there).
/// </summary>
public sealed class SignedBuild : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("porsetup-signed-build-").FullName;

    public SignedBuild()
    {
        Signing = new TestSigning();
        Output = Path.Combine(root, "out");
        if (TestSigning.OsslsigncodeMissing is null)
        {
            Result = BuildScript.Run(["-SignWith", Signing.CodeSigningPfx, "-PartnerId", "1234567", "-Output", Output], TestSigning.Password);
        }
    }

    public TestSigning Signing { get; }

    /// <summary>The folder build.ps1 wrote into, in place of artifacts/.</summary>
    public string Output { get; }

    public ToolResult? Result { get; }

    public string Msi => Path.Combine(Output, "PorSetup.msi");

    public string StampedMsi => Path.Combine(Output, "PorSetup-1234567.msi");

    public string Worker => Path.Combine(Output, "ca", "PorSetup.CustomAction.exe");

    public string Proxy => Path.Combine(Output, "ca", "PorSetup.CustomAction.Proxy.dll");

    public string PorSetupExe => Path.Combine(Output, "porsetup.exe");

    public void Dispose()
    {
        Signing.Dispose();
        Directory.Delete(root, recursive: true);
    }
}
