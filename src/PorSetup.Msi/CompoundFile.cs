// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>
/// The compound file (OLE structured storage, MS-CFB) that holds an MSI package or transform.
/// Reads versions 3 and 4; writes version 3 with 512-byte sectors, as Windows Installer does.
/// </summary>
public static class CompoundFile
{
    /// <summary>Class id of an installer package's root storage.</summary>
    public static readonly Guid PackageClsid = new("000C1084-0000-0000-C000-000000000046");

    /// <summary>Class id of a transform's root storage; msiexec refuses a .mst without it.</summary>
    public static readonly Guid TransformClsid = new("000C1082-0000-0000-C000-000000000046");

    /// <summary>Class id of a patch's root storage.</summary>
    public static readonly Guid PatchClsid = new("000C1086-0000-0000-C000-000000000046");

    public static CompoundStorage Read(string path) => Read(File.ReadAllBytes(path));

    public static CompoundStorage Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return CompoundFileReader.Read(file);
    }

    public static void Write(CompoundStorage root, Stream output)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(output);
        CompoundFileWriter.Write(root, output);
    }

    /// <summary>Writes to a temporary file beside <paramref name="path"/>, then moves it in place.</summary>
    public static void Write(CompoundStorage root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var output = File.Create(temp))
            {
                Write(root, output);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
