// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Testing;

/// <summary>What an external tool printed and returned.</summary>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Everything it printed, output then errors.</summary>
    public string Output => this.StandardOutput + this.StandardError;
}
