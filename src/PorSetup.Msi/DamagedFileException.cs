// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>
/// A package or transform whose structure contradicts itself: what is damaged (<see cref="Damage"/>, and the stream
/// by its decoded name in <see cref="Part"/>) for the user's message, and the technical detail in the message.
/// Not an <see cref="IOException"/>: callers tell a damaged input from a failed write by the type.
/// </summary>
public sealed class DamagedFileException : Exception
{
    public DamagedFileException()
    {
    }

    public DamagedFileException(string message)
        : base(message)
    {
    }

    public DamagedFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DamagedFileException(FileDamage damage, string detail, string? part = null)
        : base(detail)
    {
        Damage = damage;
        Part = part;
    }

    public FileDamage Damage { get; }

    /// <summary>The damaged stream or table, as MSI names it (table streams by their table name); null when the damage is not in one stream.</summary>
    public string? Part { get; }
}
