// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A registry value a test claimed (64-bit view), such as Windows Installer's Logging policy: what it was before
/// (null: absent) and the deepest key above it that existed, below which the keys a test created are removed.
/// </summary>
public sealed record JournalRegistryClaim(string Key, string Name, string ExistingKey, JournalValue? Before);
