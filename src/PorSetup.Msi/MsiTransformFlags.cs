// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>
/// The transform summary's character count (property 16): error conditions that applying the
/// transform ignores in the low 16 bits (MSITRANSFORM_ERROR_*), validation checks against the
/// target package in the high 16 bits (MSITRANSFORM_VALIDATE_* shifted left by 16).
/// </summary>
[Flags]
#pragma warning disable CA1711 // "Flags" is the name Windows Installer gives these bits.
public enum MsiTransformFlags
#pragma warning restore CA1711
{
    None = 0,
    IgnoreAddExistingRow = 0x1,
    IgnoreDeleteMissingRow = 0x2,
    IgnoreAddExistingTable = 0x4,
    IgnoreDeleteMissingTable = 0x8,
    IgnoreUpdateMissingRow = 0x10,
    IgnoreChangeCodePage = 0x20,

    ValidateLanguage = 0x1 << 16,
    ValidateProduct = 0x2 << 16,
    ValidatePlatform = 0x4 << 16,
    ValidateMajorVersion = 0x8 << 16,
    ValidateMinorVersion = 0x10 << 16,
    ValidateUpdateVersion = 0x20 << 16,
    ValidateNewLessBaseVersion = 0x40 << 16,
    ValidateNewLessEqualBaseVersion = 0x80 << 16,
    ValidateNewEqualBaseVersion = 0x100 << 16,
    ValidateNewGreaterEqualBaseVersion = 0x200 << 16,
    ValidateNewGreaterBaseVersion = 0x400 << 16,
    ValidateUpgradeCode = 0x800 << 16,
}
