// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One registry view as it was before a test: the MSO key's values (the Partner value among them, with its exact
/// kind and data; absent when it had none), which keys of the MSO chain existed, and whether HKLM\SOFTWARE\PorSetup did.
/// </summary>
public sealed record JournalView(RegistryView View, IReadOnlyList<JournalValue> MsoValues, IReadOnlyList<string> MsoKeysThatExisted, bool PorSetupKeyExisted);
