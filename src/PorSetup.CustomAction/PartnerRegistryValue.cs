// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction;

/// <summary>Where Windows Server Essentials reads the Partner of Record ID: HKLM, in the 64-bit view.</summary>
public static class PartnerRegistryValue
{
    /// <summary>The key under HKEY_LOCAL_MACHINE.</summary>
    public const string Key = @"SOFTWARE\Microsoft\Windows Server\MSO";

    /// <summary>The REG_SZ value that holds the ID.</summary>
    public const string Name = "Partner";
}
