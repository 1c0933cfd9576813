// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A file or folder a test claimed: whether it existed (a file's bytes are kept to write back; a folder that existed
/// is left alone) and the deepest folder above it that existed, below which the folders a test created are removed.
/// </summary>
public sealed record JournalPathClaim(string Path, string ExistingAncestor, bool Existed, byte[]? Bytes);
