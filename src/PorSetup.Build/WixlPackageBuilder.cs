// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build;

/// <summary>Builds an MSI from the WiX v4 package source with wixl and msibuild (msitools).</summary>
public static class WixlPackageBuilder
{
    public static void Build(MsiBuildRequest request)
    {
        var source = XDocument.Load(request.SourcePath, LoadOptions.SetLineInfo);
        var localization = WixLocalization.ForCulture(Path.GetDirectoryName(Path.GetFullPath(request.SourcePath))!, request.Culture);
        var translated = WixlTranslator.Translate(source, localization);

        var output = Path.GetFullPath(request.OutputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        // The translation is kept (in obj/ beside the MSI) for anyone who wants to see what wixl was given.
        var translatedPath = Path.Combine(Path.GetDirectoryName(output)!, "obj", Path.GetFileNameWithoutExtension(output) + ".wixl.wxs");
        Directory.CreateDirectory(Path.GetDirectoryName(translatedPath)!);
        translated.Save(translatedPath);

        var arguments = new List<string> { "-a", "x64", "-o", output };
        foreach (var (name, value) in request.Defines)
        {
            arguments.Add("-D");
            arguments.Add($"{name}={ForWixl(value, translatedPath)}");
        }

        arguments.Add(translatedPath);
        Msitools.Run("wixl", [.. arguments]);
        DatabaseFixups.From(source, localization).ApplyTo(output);
    }

    // wixl looks files up below the source's folder and rejects absolute paths, so a file is passed relative to it.
    private static string ForWixl(string value, string sourcePath) =>
        Path.IsPathRooted(value) && File.Exists(value)
            ? Path.GetRelativePath(Path.GetDirectoryName(sourcePath)!, value)
            : value;
}
