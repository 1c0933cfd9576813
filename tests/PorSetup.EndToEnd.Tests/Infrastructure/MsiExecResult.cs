// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>What one msiexec run returned, and its /l*v log.</summary>
public sealed record MsiExecResult(int ExitCode, string Log);
