// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli.Server;

/// <summary>The one-line answer of `porsetup status`, each with its own exit code (<see cref="ExitCodes"/>).</summary>
public enum StatusVerdict
{
    /// <summary>PorSetup is installed and the Partner value is a valid ID: the one PorSetup installed, when it recorded one.</summary>
    Ok,

    /// <summary>No product with PorSetup's UpgradeCode is installed.</summary>
    NoPorSetup,

    /// <summary>PorSetup is installed, and there is no Partner value.</summary>
    ValueMissing,

    /// <summary>The Partner value is not a REG_SZ string (REG_DWORD, REG_EXPAND_SZ, ...).</summary>
    WrongType,

    /// <summary>The Partner value is a string that breaks the ID rule (5 to 10 ASCII digits).</summary>
    InvalidId,

    /// <summary>The Partner value is a valid ID, but not the one PorSetup installed (changed by hand or by another tool).</summary>
    ValueDiffers,
}

public static class StatusVerdicts
{
    /// <summary>The verdict for a server: no PorSetup first, then what is wrong with the value, most basic first.</summary>
    public static StatusVerdict Judge(ServerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Products.Count == 0)
        {
            return StatusVerdict.NoPorSetup;
        }

        if (state.Partner is not { } partner)
        {
            return StatusVerdict.ValueMissing;
        }

        if (!partner.IsString)
        {
            return StatusVerdict.WrongType;
        }

        // The package stores IDs trimmed: a value with spaces around it was not written by PorSetup.
        var check = PartnerId.Check(partner.Data);
        if (!check.IsValid || check.Normalized != partner.Data)
        {
            return StatusVerdict.InvalidId;
        }

        return state.InstalledPartner is { IsString: true } installed && installed.Data != partner.Data
            ? StatusVerdict.ValueDiffers
            : StatusVerdict.Ok;
    }

    /// <summary>The verdict's name in `--json` and at the start of the verdict line: stable, the same in every language.</summary>
    public static string Name(this StatusVerdict verdict) => verdict switch
    {
        StatusVerdict.Ok => "ok",
        StatusVerdict.NoPorSetup => "no-porsetup",
        StatusVerdict.ValueMissing => "value-missing",
        StatusVerdict.WrongType => "wrong-type",
        StatusVerdict.InvalidId => "invalid-id",
        _ => "value-differs",
    };

    public static int ExitCode(this StatusVerdict verdict) => verdict switch
    {
        StatusVerdict.Ok => ExitCodes.Success,
        StatusVerdict.NoPorSetup => ExitCodes.NoPorSetup,
        StatusVerdict.ValueMissing => ExitCodes.PartnerMissing,
        StatusVerdict.WrongType => ExitCodes.PartnerWrongType,
        StatusVerdict.InvalidId => ExitCodes.PartnerInvalid,
        _ => ExitCodes.PartnerDiffers,
    };
}
