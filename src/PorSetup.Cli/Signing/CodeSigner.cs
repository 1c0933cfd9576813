// Copyright (c) PorSetup contributors. MIT licensed.

using System.Diagnostics;
using System.Globalization;

namespace PorSetup.Cli.Signing;

/// <summary>
/// Adds an Authenticode signature to a file (a program, a DLL, an MSI or a transform) with osslsigncode, or on
/// Windows with signtool from the Windows SDK. The password reaches neither tool's command line: osslsigncode reads it
/// from its standard input, signtool takes the certificate from the user's store (<see cref="TemporaryStoreImport"/>).
/// The file is replaced only by a signed copy: when signing fails it is left as it was.
/// </summary>
public static class CodeSigner
{
    /// <summary>Signs <paramref name="path"/> in place.</summary>
    public static void Sign(string path, SigningCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(certificate);
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            if (OperatingSystem.IsWindows())
            {
                // signtool signs in place: it signs a copy, which then replaces the file.
                File.Copy(path, temp);
                RunSigntool(path, temp, certificate);
            }
            else
            {
                RunOsslsigncode(path, temp, certificate);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            // Win32Exception: the tool was found but could not be started (not executable, say).
            throw new SigningProblemException($"{path} was not signed: {Sentences.AfterColon(exception.Message.Replace(temp, path, StringComparison.Ordinal))}", exception);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void RunOsslsigncode(string path, string output, SigningCertificate certificate)
    {
        var tool = FindOnPath("osslsigncode")
            ?? throw new SigningProblemException($"{path} was not signed: osslsigncode was not found on PATH. Install it (Debian and Ubuntu package: osslsigncode).");

        // osslsigncode takes the password from a file (-readpass): its standard input, written by this process and
        // closed, so the password is on no command line and in no file that an interrupted run could leave behind.
        List<string> arguments = ["sign", "-pkcs12", certificate.Inputs.PfxPath, "-readpass", "/dev/stdin", "-h", "sha256"];
        if (certificate.Inputs.TimestampUrl is { } url)
        {
            arguments.AddRange(["-ts", url.AbsoluteUri]);
        }

        arguments.AddRange(["-in", path, "-out", output]);
        Run(tool, arguments, path, input: certificate.Password);
    }

    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static void RunSigntool(string path, string copy, SigningCertificate certificate)
    {
        var tool = FindSigntool()
            ?? throw new SigningProblemException($"{path} was not signed: signtool.exe was not found on PATH nor in the Windows SDK (Windows Kits\\10\\bin\\<version>\\x64). Install the Windows SDK's signing tools.");

        // signtool takes the certificate from the current user's store by thumbprint, imported for this signing and
        // removed afterwards even when signing fails: the password stays in this process (SigntoolArguments says why).
        using var imported = TemporaryStoreImport.Import(certificate);
        Run(tool, SigntoolArguments.Sign(imported.Thumbprint, certificate.Inputs.TimestampUrl, copy), path);
    }

    private static void Run(string tool, IEnumerable<string> arguments, string path, string? input = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new SigningProblemException($"{path} was not signed: {Path.GetFileName(tool)} could not be started.");
        try
        {
            using var stdin = process.StandardInput;
            stdin.Write(input ?? string.Empty);
        }
        catch (IOException)
        {
            // The tool ended without reading its input (a bad argument, say): its exit code and words say why.
        }

        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            // The tool's own words, on one line; neither tool repeats the password.
            var said = string.Join(" ", (error.Result + "\n" + output).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l is not "Failed" and not "Succeeded"));
            if (said.Length > 600)
            {
                said = said[..600] + "...";
            }

            throw new SigningProblemException(string.Create(CultureInfo.InvariantCulture, $"{path} was not signed: {Path.GetFileName(tool)} failed with exit code {process.ExitCode}: {said}"));
        }
    }

    // Only folders given by a full path: a relative PATH entry (".") would resolve against the current folder, and
    // whatever program lies there would be handed the password.
    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(Path.IsPathFullyQualified)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    // The newest x64 signtool of the Windows 10/11 SDK first (where only administrators write), then PATH (a
    // Developer Command Prompt has it there).
    private static string? FindSigntool()
    {
        var kits = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFilesX86), "Windows Kits", "10", "bin");
        var inKits = !Directory.Exists(kits) ? null : Directory.GetDirectories(kits)
            .Select(folder => (Folder: folder, Version: Version.TryParse(Path.GetFileName(folder), out var version) ? version : null))
            .Where(candidate => candidate.Version is not null && File.Exists(Path.Combine(candidate.Folder, "x64", "signtool.exe")))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => Path.Combine(candidate.Folder, "x64", "signtool.exe"))
            .FirstOrDefault();
        return inKits ?? FindOnPath("signtool.exe");
    }
}
