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

    /// <summary>status and remove: Windows Installer or the registry could not be read, or msiexec could not be started.</summary>
    public const int WindowsError = 5;

    /// <summary>status and remove: no product with PorSetup's UpgradeCode is installed.</summary>
    public const int NoPorSetup = 10;

    /// <summary>status: PorSetup is installed and there is no Partner value.</summary>
    public const int PartnerMissing = 11;

    /// <summary>status: the Partner value is a valid ID, not the one PorSetup installed.</summary>
    public const int PartnerDiffers = 12;

    /// <summary>status: the Partner value is not a REG_SZ string.</summary>
    public const int PartnerWrongType = 13;

    /// <summary>status: the Partner value is a string that is not a valid ID.</summary>
    public const int PartnerInvalid = 14;

    // msiexec's own codes that remove passes through, the ones an administrator meets (any other is passed through too).
    public const int MsiexecFailed = 1603;
    public const int MsiexecBusy = 1618;
    public const int MsiexecRestarting = 1641;
    public const int MsiexecNotAdministrator = 1730;
    public const int MsiexecRestartRequired = 3010;

    /// <summary>The codes a command returns (by its name; every code for porsetup itself).</summary>
    public static int[] For(string command) => command switch
    {
        Commands.CheckIdCommand.Name => [Success, Usage, InvalidPartnerId],
        "stamp" or "transform" => [Success, Usage, InvalidPartnerId, FileError, SigningError],
        Commands.InspectCommand.Name => [Success, Usage, FileError],
        Commands.SignCommand.Name => [Success, Usage, FileError, SigningError],
        Commands.CheckSigningCommand.Name => [Success, Usage, SigningError],
        Commands.StatusCommand.Name => [Success, Usage, WindowsError, NoPorSetup, PartnerMissing, PartnerDiffers, PartnerWrongType, PartnerInvalid],
        Commands.RemoveCommand.Name => [Success, Usage, WindowsError, NoPorSetup, MsiexecFailed, MsiexecBusy, MsiexecRestarting, MsiexecNotAdministrator, MsiexecRestartRequired],
        _ => [Success, Usage, InvalidPartnerId, FileError, SigningError, WindowsError, NoPorSetup, PartnerMissing, PartnerDiffers, PartnerWrongType, PartnerInvalid],
    };

    /// <summary>The lines a command's --help ends with: the codes it can return and what each means.</summary>
    public static string Describe(IEnumerable<int> codes) =>
        "Exit codes:" + string.Concat(codes.Select(code => $"{Environment.NewLine}  {code}  {Meaning(code)}"));

    private static string Meaning(int code) => code switch
    {
        Success => "success",
        Usage => "the command line is wrong (an option or argument is missing or unknown), or status or remove was run elsewhere than on Windows",
        InvalidPartnerId => "the Partner ID is not valid (the message starts with its POR100N: code)",
        FileError => "a file could not be read or written, is not an MSI package, or would be overwritten",
        SigningError => $"the file could not be signed, and nothing was written or changed: the certificate file (--sign-with), its password in {Signing.SigningInputs.PasswordVariable}, or the signing tool is at fault",
        WindowsError => "status, remove: Windows Installer or the registry could not be read, or msiexec could not be started (the message gives the Windows error)",
        NoPorSetup => "status, remove: no PorSetup is installed (no product with PorSetup's UpgradeCode); remove had nothing to do",
        PartnerMissing => "status: PorSetup is installed and there is no Partner value",
        PartnerDiffers => "status: the Partner value is a valid ID, but not the one PorSetup installed",
        PartnerWrongType => "status: the Partner value is not a REG_SZ string (REG_DWORD, REG_EXPAND_SZ, ...)",
        PartnerInvalid => "status: the Partner value is not a valid ID (5 to 10 ASCII digits)",
        MsiexecFailed => "remove: msiexec's 1603, the uninstall failed and was rolled back (the log says why; search it for POR10 and \"Return value 3\")",
        MsiexecBusy => "remove: msiexec's 1618, another installation is running: run remove again later",
        MsiexecRestarting => "remove: msiexec's 1641, removed, and Windows Installer started a restart",
        MsiexecNotAdministrator => "remove: msiexec's 1730, not run by an administrator: run it elevated or as SYSTEM",
        MsiexecRestartRequired => "remove: msiexec's 3010, removed, a restart is required to finish (/norestart: none is started); any other msiexec code is passed through as well",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "No such exit code."),
    };
}
