// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text.Json.Serialization;

namespace PorSetup.Cli.Server;

/// <summary>A registry value as found: its type as reg.exe names it (REG_SZ, REG_DWORD, ...) and its data as text.</summary>
/// <param name="Type">REG_SZ, REG_EXPAND_SZ, REG_DWORD, REG_QWORD, REG_BINARY, REG_MULTI_SZ or REG_NONE.</param>
/// <param name="Data">The string itself (REG_EXPAND_SZ unexpanded), a number in decimal, bytes in hex, or a multi-string's parts joined by "\0".</param>
public sealed record RegistryValueState(string Type, string Data)
{
    public const string StringType = "REG_SZ";

    [JsonIgnore]
    public bool IsString => this.Type == StringType;
}
