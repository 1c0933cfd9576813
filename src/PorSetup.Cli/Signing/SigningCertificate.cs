// Copyright (c) PorSetup contributors. MIT licensed.

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PorSetup.Cli.Signing;

/// <summary>
/// The certificate file of --sign-with, checked before anything is written: it opens with the password in
/// PORSETUP_PFX_PASSWORD, holds a private key, and its certificate may sign code. build.ps1 makes the same
/// checks, with the same words, before it builds.
/// </summary>
public sealed class SigningCertificate
{
    /// <summary>The extended key usage Authenticode requires of a code-signing certificate.</summary>
    public const string CodeSigningUsage = "1.3.6.1.5.5.7.3.3";

    private SigningCertificate(SigningInputs inputs, string password, string subject, string thumbprint)
    {
        Inputs = inputs;
        Password = password;
        Subject = subject;
        Thumbprint = thumbprint;
    }

    public SigningInputs Inputs { get; }

    /// <summary>The certificate's subject, for the messages.</summary>
    public string Subject { get; }

    /// <summary>The certificate's SHA-1 hash (hex), as Windows' certificate stores and signtool's /sha1 name it.</summary>
    public string Thumbprint { get; }

    /// <summary>Given only to the signing tool (osslsigncode's standard input) or to Windows' store import, never printed.</summary>
    internal string Password { get; }

    /// <summary>Throws a <see cref="SigningProblemException"/> that names the file and what is wrong with it, or returns the checked certificate.</summary>
    public static SigningCertificate Check(SigningInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var pfx = inputs.PfxPath;
        if (Directory.Exists(pfx))
        {
            throw new SigningProblemException($"{pfx} is a folder, not a certificate file: --sign-with names a .pfx file.");
        }

        if (!File.Exists(pfx))
        {
            throw new SigningProblemException($"{pfx}: no such certificate file.");
        }

        var password = Environment.GetEnvironmentVariable(SigningInputs.PasswordVariable);
        if (password is null)
        {
            throw new SigningProblemException($"{pfx} cannot be opened: {SigningInputs.PasswordVariable} is not set. Put the certificate file's password in that environment variable (it is never taken on the command line).");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(pfx, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException exception)
        {
            throw new SigningProblemException(
                X509Certificate2.GetCertContentType(pfx) == X509ContentType.Pkcs12
                    ? $"{pfx} cannot be opened: the password in {SigningInputs.PasswordVariable} does not open this certificate file."
                    : $"{pfx} cannot be used: it is not a PKCS#12 (.pfx) file with a certificate and its private key.",
                exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SigningProblemException($"{pfx} cannot be read: {Sentences.AfterColon(exception.Message)}", exception);
        }

        using (certificate)
        {
            if (!certificate.HasPrivateKey)
            {
                throw new SigningProblemException($"{pfx} cannot sign: it holds the certificate {certificate.Subject} without its private key. Export the certificate with its private key.");
            }

            var usageExtensions = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().ToList();
            if (usageExtensions.Count == 0)
            {
                // Windows would take a certificate without the extension as good for every purpose; PorSetup asks for
                // a certificate issued for code signing.
                throw new SigningProblemException($"{pfx} cannot sign code: its certificate {certificate.Subject} has no extended key usage extension, so it lacks the Code Signing usage (extended key usage {CodeSigningUsage}) that PorSetup requires. Use a code-signing certificate.");
            }

            if (!usageExtensions.SelectMany(e => e.EnhancedKeyUsages.Cast<Oid>()).Any(o => o.Value == CodeSigningUsage))
            {
                throw new SigningProblemException($"{pfx} cannot sign code: its certificate {certificate.Subject} lacks the Code Signing usage (extended key usage {CodeSigningUsage}). Use a code-signing certificate.");
            }

            // Windows holds a signature made with an expired (or not yet valid) certificate, without a timestamp that
            // predates the expiry, to be invalid; signtool refuses such a certificate.
            var now = DateTime.Now;
            if (now < certificate.NotBefore || now > certificate.NotAfter)
            {
                throw new SigningProblemException(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"{pfx} cannot sign: its certificate {certificate.Subject} is valid only from {certificate.NotBefore:yyyy-MM-dd HH:mm} to {certificate.NotAfter:yyyy-MM-dd HH:mm}. Use a certificate valid now."));
            }

            return new SigningCertificate(inputs, password, certificate.Subject, certificate.Thumbprint);
        }
    }
}
