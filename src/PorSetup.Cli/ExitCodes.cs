// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli;

/// <summary>What porsetup returns, for scripts.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line is wrong: what System.CommandLine returns for a parse error, with the help.</summary>
    public const int Usage = 1;

    /// <summary>The Partner ID breaks the rule (the message says how).</summary>
    public const int InvalidPartnerId = 2;

    /// <summary>A file could not be read or written, or is not an MSI package.</summary>
    public const int FileError = 3;
}
