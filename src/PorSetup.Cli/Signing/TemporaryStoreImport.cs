// Copyright (c) PorSetup contributors. MIT licensed.

using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PorSetup.Cli.Signing;

/// <summary>
/// The certificate of --sign-with in the current user's store (CurrentUser\My) for one signing, so that signtool
/// finds it by thumbprint (/sha1) and never needs the .pfx password (<see cref="SigntoolArguments"/>). Imported with a
/// non-exportable private key (no <see cref="X509KeyStorageFlags.Exportable"/>) kept in the user's profile
/// (<see cref="X509KeyStorageFlags.UserKeySet"/>) while signtool runs (<see cref="X509KeyStorageFlags.PersistKeySet"/>);
/// Dispose removes the certificate and deletes its key container, also when signing failed. A certificate already
/// in the store (the user's own) is used as it is and left there.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class TemporaryStoreImport : IDisposable
{
    private readonly X509Certificate2? imported;

    private TemporaryStoreImport(string thumbprint, X509Certificate2? imported)
    {
        Thumbprint = thumbprint;
        this.imported = imported;
    }

    /// <summary>The SHA-1 hash of the certificate, as signtool's /sha1 takes it.</summary>
    public string Thumbprint { get; }

    public static TemporaryStoreImport Import(SigningCertificate certificate)
    {
        var pfx = certificate.Inputs.PfxPath;
        try
        {
            using var store = OpenStore();
            if (store.Certificates.Find(X509FindType.FindByThumbprint, certificate.Thumbprint, validOnly: false).Count > 0)
            {
                return new TemporaryStoreImport(certificate.Thumbprint, imported: null);
            }

            var loaded = X509CertificateLoader.LoadPkcs12FromFile(pfx, certificate.Password, X509KeyStorageFlags.UserKeySet | X509KeyStorageFlags.PersistKeySet);
            try
            {
                store.Add(loaded);
            }
            catch
            {
                DeleteKey(loaded);
                loaded.Dispose();
                throw;
            }

            return new TemporaryStoreImport(loaded.Thumbprint, loaded);
        }
        catch (CryptographicException exception)
        {
            throw new SigningProblemException($"{pfx} could not be put in the current user's certificate store (CurrentUser\\My), where signtool takes it from: {Sentences.AfterColon(exception.Message)}", exception);
        }
    }

    public void Dispose()
    {
        if (this.imported is null)
        {
            return;
        }

        try
        {
            using var store = OpenStore();
            store.Remove(this.imported);
        }
        catch (CryptographicException exception)
        {
            throw new SigningProblemException($"The certificate {this.imported.Subject} (thumbprint {Thumbprint}) could not be removed from the current user's certificate store (CurrentUser\\My): {Sentences.AfterColon(exception.Message)} Remove it there (certmgr.msc).", exception);
        }
        finally
        {
            DeleteKey(this.imported);
            this.imported.Dispose();
        }
    }

    private static X509Store OpenStore()
    {
        var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        return store;
    }

    // Removing the certificate from the store leaves its key container: deleted here, whichever provider holds it.
    private static void DeleteKey(X509Certificate2 certificate)
    {
        using var key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey();
        switch (key)
        {
            case RSACng rsa:
                rsa.Key.Delete();
                break;
            case ECDsaCng ecdsa:
                ecdsa.Key.Delete();
                break;
            case RSACryptoServiceProvider provider:
                // A CryptoAPI key container is deleted when the object that opened it is disposed without persisting.
                provider.PersistKeyInCsp = false;
                break;
        }
    }
}
