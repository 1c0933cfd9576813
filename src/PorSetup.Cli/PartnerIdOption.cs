// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;

namespace PorSetup.Cli;

/// <summary>The --partner-id option every command that writes an ID shares, checked by the one rule.</summary>
public static class PartnerIdOption
{
    public static Option<string> Create() => new("--partner-id", "-p")
    {
        Description = $"The Microsoft Partner ID (MPN ID): {PartnerId.MinLength} to {PartnerId.MaxLength} ASCII digits, e.g. {PartnerId.Example}.",
        Required = true,
    };

    /// <summary>Checks an ID; on refusal writes the same message the installer shows and returns false.</summary>
    public static bool TryNormalize(string? value, TextWriter error, out string normalized)
    {
        var check = PartnerId.Check(value);
        normalized = check.Normalized;
        if (!check.IsValid)
        {
            error.WriteLine(PartnerIdMessages.Refusal(check, CliLanguage.Current));
        }

        return check.IsValid;
    }
}
