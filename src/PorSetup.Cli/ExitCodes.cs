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

    /// <summary>The output could not be signed: the certificate file, its password, or the signing tool is at fault (nothing was written).</summary>
    public const int SigningError = 4;

    /// <summary>The codes a command returns (by its name; every code for porsetup itself).</summary>
    public static int[] For(string command) => command switch
    {
        Commands.CheckIdCommand.Name => [Success, Usage, InvalidPartnerId],
        Commands.InspectCommand.Name => [Success, Usage, FileError],
        Commands.SignCommand.Name => [Success, Usage, FileError, SigningError],
        Commands.CheckSigningCommand.Name => [Success, Usage, SigningError],
        _ => [Success, Usage, InvalidPartnerId, FileError, SigningError],
    };

    /// <summary>The lines a command's --help ends with: the codes it can return and what each means.</summary>
    public static string Describe(IEnumerable<int> codes) =>
        "Exit codes:" + string.Concat(codes.Select(code => $"{Environment.NewLine}  {code}  {Meaning(code)}"));

    private static string Meaning(int code) => code switch
    {
        Success => "success",
        Usage => "the command line is wrong (an option or argument is missing or unknown)",
        InvalidPartnerId => "the Partner ID is not valid (the message starts with its POR100N: code)",
        FileError => "a file could not be read or written, is not an MSI package, or would be overwritten",
        SigningError => $"the file could not be signed, and nothing was written or changed: the certificate file (--sign-with), its password in {Signing.SigningInputs.PasswordVariable}, or the signing tool is at fault",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "No such exit code."),
    };
}
