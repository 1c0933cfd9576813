// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli.Signing;

/// <summary>A file could not be signed: the message names the file at fault (the certificate file, or the file being signed) and says why, in words.</summary>
public sealed class SigningProblemException : Exception
{
    public SigningProblemException()
    {
    }

    public SigningProblemException(string message)
        : base(message)
    {
    }

    public SigningProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
