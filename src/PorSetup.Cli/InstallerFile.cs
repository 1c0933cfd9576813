// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Msi;

namespace PorSetup.Cli;

/// <summary>
/// A file given to the tool as input, read once and identified: an MSI package, a transform or a patch.
/// Anything else is refused with a <see cref="FileProblemException"/> that names the file and says why.
/// </summary>
public sealed class InstallerFile
{
    // The first bytes of every compound file (OLE structured storage), the container of .msi, .mst and .msp.
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private InstallerFile(string path, InstallerFileKind kind, bool isSigned)
    {
        Path = path;
        Kind = kind;
        IsSigned = isSigned;
    }

    /// <summary>The full path, as the messages show it.</summary>
    public string Path { get; }

    public InstallerFileKind Kind { get; }

    /// <summary>Whether it carries an Authenticode signature (the \u0005DigitalSignature stream Windows Installer files are signed in).</summary>
    public bool IsSigned { get; }

    public static InstallerFile Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = System.IO.Path.GetFullPath(path);
        CompoundStorage storage;
        try
        {
            storage = CompoundFile.Read(ReadBytes(full));
        }
        catch (DamagedFileException exception)
        {
            throw Damaged(full, exception);
        }

        var kind = storage.Clsid == CompoundFile.TransformClsid ? InstallerFileKind.Transform
            : storage.Clsid == CompoundFile.PatchClsid ? InstallerFileKind.Patch
            : InstallerFileKind.Package;
        if (kind == InstallerFileKind.Package)
        {
            try
            {
                MsiDatabase.Load(storage);
            }
            catch (DamagedFileException exception)
            {
                throw Damaged(full, exception);
            }
            catch (InvalidDataException)
            {
                throw new FileProblemException($"{full} is not an MSI database: it is a compound file without installer tables.");
            }
        }

        return new InstallerFile(full, kind, storage.FindStream("\u0005DigitalSignature") is not null);
    }

    /// <summary>Opens a file that must be an MSI package (stamp and transform read nothing else).</summary>
    public static InstallerFile OpenPackage(string path)
    {
        var file = Open(path);
        return file.Kind switch
        {
            InstallerFileKind.Transform => throw new FileProblemException($"{file.Path} is not an MSI database: it is a transform (.mst). Give the MSI package (PorSetup.msi) instead."),
            InstallerFileKind.Patch => throw new FileProblemException($"{file.Path} is not an MSI database: it is a patch (.msp). Give the MSI package (PorSetup.msi) instead."),
            _ => file,
        };
    }

    /// <summary>Runs a reader of this file's content; what it finds wrong with the content is said about this file.</summary>
    public T Read<T>(Func<T> reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            return reader();
        }
        catch (DamagedFileException exception)
        {
            throw Damaged(Path, exception);
        }
        catch (InvalidDataException exception)
        {
            throw new FileProblemException($"{Path} cannot be used: {Sentences.AfterColon(exception.Message)}", exception);
        }
    }

    private static FileProblemException Damaged(string path, DamagedFileException exception) =>
        new(DamageSentences.Damaged(path, exception, CliLanguage.Current), exception);

    private static byte[] ReadBytes(string path)
    {
        if (Directory.Exists(path))
        {
            throw new FileProblemException($"{path} is a folder, not a file.");
        }

        if (!File.Exists(path))
        {
            throw new FileProblemException($"{path}: no such file.");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new FileProblemException($"{path} cannot be read: access is denied.", exception);
        }
        catch (IOException exception)
        {
            throw new FileProblemException($"{path} cannot be read: {Sentences.AfterColon(exception.Message)}", exception);
        }

        if (!bytes.AsSpan().StartsWith(CompoundFileSignature))
        {
            throw new FileProblemException($"{path} is not an MSI database: it is not a Windows Installer file at all.");
        }

        return bytes;
    }
}
