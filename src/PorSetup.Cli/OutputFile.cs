// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text.RegularExpressions;

namespace PorSetup.Cli;

/// <summary>
/// The file stamp or transform writes: checked before anything is written (never the input, never a folder,
/// never an existing file unless --force), and its write errors said about it.
/// </summary>
public static class OutputFile
{
    /// <summary>Throws a <see cref="FileProblemException"/> unless <paramref name="path"/> can be written as a new file.</summary>
    /// <param name="exampleName">A file name to suggest when <paramref name="path"/> is a folder.</param>
    /// <returns>The full path.</returns>
    public static string Check(string path, InstallerFile input, bool force, string exampleName)
    {
        ArgumentNullException.ThrowIfNull(input);
        var full = Path.GetFullPath(path);
        if (FileIdentity.Same(input.Path, full))
        {
            throw new FileProblemException("The output must be a new file: the MSI itself is never changed.", ExitCodes.Usage);
        }

        if (Directory.Exists(full))
        {
            throw new FileProblemException($"{full} is a folder: --output names the file to write, for example {Path.Combine(full, exampleName)}.");
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new FileProblemException(File.Exists(folder)
                ? $"{full} cannot be written: {folder} is a file, not a folder."
                : $"{full} cannot be written: the folder {folder} does not exist.");
        }

        if (File.Exists(full) && !force)
        {
            throw new FileProblemException($"{full} already exists and was left as it is: use --force to replace it.");
        }

        return full;
    }

    /// <summary>A write error, said about the output file (never the temporary file it is written through).</summary>
    public static FileProblemException WriteProblem(string path, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(exception);
        var reason = exception is UnauthorizedAccessException
            ? "access is denied."
            : TemporaryName(path).Replace(exception.Message, path);
        return new FileProblemException($"{path} cannot be written: {Sentences.AfterColon(reason)}", exception);
    }

    // The output is written beside itself under path.tmp-<32 hex digits>, then moved in place.
    private static Regex TemporaryName(string path) => new(Regex.Escape(path) + @"\.tmp-[0-9a-fA-F]{32}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
