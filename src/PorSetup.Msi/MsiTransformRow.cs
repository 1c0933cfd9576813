// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>One record of a transform table stream, decoded with the base package's column layout.</summary>
/// <param name="Values">One per column: a string, an int, or null when the column is absent or null.</param>
/// <param name="Present">One per column: whether the record carries a value for it.</param>
public sealed record MsiTransformRow(
    string Table,
    MsiTransformOperation Operation,
    int Mask,
    IReadOnlyList<object?> Values,
    IReadOnlyList<bool> Present);
