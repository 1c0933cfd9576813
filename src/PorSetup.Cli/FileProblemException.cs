// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli;

/// <summary>
/// A file the tool cannot use, said in words for the administrator: the message names the file at fault and
/// what is wrong with it, with no exception type or temporary file name.
/// </summary>
public sealed class FileProblemException : Exception
{
    public FileProblemException()
    {
    }

    public FileProblemException(string message)
        : base(message)
    {
    }

    public FileProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FileProblemException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; } = ExitCodes.FileError;
}
