// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Build;

/// <summary>What an external tool printed and returned.</summary>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError);
