// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli.Signing;

/// <summary>What a signature is made with: the certificate file (its password comes from the environment only) and an optional RFC 3161 timestamp server.</summary>
/// <param name="PfxPath">The full path of the PKCS#12 (.pfx) file that holds the certificate and its private key.</param>
/// <param name="TimestampUrl">The timestamp server, or null for no timestamp.</param>
public sealed record SigningInputs(string PfxPath, Uri? TimestampUrl)
{
    /// <summary>The one place the certificate file's password is read from: never a parameter, never printed.</summary>
    public const string PasswordVariable = "PORSETUP_PFX_PASSWORD";
}
