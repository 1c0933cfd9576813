// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli.Signing;

/// <summary>
/// signtool's command line on Windows: the certificate chosen by thumbprint in the current user's store, never the
/// .pfx file and its password. SignTool.exe (Sign Tool), https://learn.microsoft.com/dotnet/framework/tools/signtool-exe:
/// "/sha1 Hash: Specifies the SHA1 hash of the signing certificate"; "/s StoreName: Specifies the store to open when
/// searching for the certificate. If this option isn't specified, the My store is opened"; without /sm the store is
/// the user's. Its only way to open a password-protected .pfx is "/p Password: Specifies the password to use when
/// opening a PFX file", a command line that process-creation auditing keeps: with "Include command line in process
/// creation events" on, "the command line information for every process will be logged in plain text in the security
/// event log as part of the Audit Process Creation event 4688"
/// (https://learn.microsoft.com/windows/client-management/mdm/policy-csp-admx-auditsettings).
/// </summary>
public static class SigntoolArguments
{
    /// <summary>The arguments that sign <paramref name="file"/> with the certificate <paramref name="thumbprint"/> names in CurrentUser\My.</summary>
    public static IReadOnlyList<string> Sign(string thumbprint, Uri? timestampUrl, string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(thumbprint);
        ArgumentException.ThrowIfNullOrEmpty(file);
        List<string> arguments = ["sign", "/fd", "SHA256", "/s", "My", "/sha1", thumbprint];
        if (timestampUrl is not null)
        {
            arguments.AddRange(["/tr", timestampUrl.AbsoluteUri, "/td", "SHA256"]);
        }

        arguments.Add(file);
        return arguments;
    }
}
