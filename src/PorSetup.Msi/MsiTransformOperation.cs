// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>What a transform record does to its row.</summary>
public enum MsiTransformOperation
{
    /// <summary>Low mask bit set: all columns present (up to the count in the high byte).</summary>
    Insert,

    /// <summary>Mask of the columns present besides the keys.</summary>
    Update,

    /// <summary>Mask 0: keys only.</summary>
    Delete,
}
