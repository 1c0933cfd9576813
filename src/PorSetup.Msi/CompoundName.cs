// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>Rules for compound file entry names (MS-CFB 2.6.1 and 2.6.4).</summary>
internal static class CompoundName
{
    /// <summary>31 UTF-16 code units plus the terminator fill the 64-byte name field.</summary>
    public const int MaxLength = 31;

    /// <summary>Sibling order in the directory tree: shorter names first, then code-unit compare of upper-cased names.</summary>
    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(Compare);

    /// <summary>Whether a name read from a file is one a compound file may hold.</summary>
    public static bool IsValid(string name) => name.Length is > 0 and <= MaxLength && name.AsSpan().IndexOfAny("/\\:!") < 0;

    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsValid(name))
        {
            throw new ArgumentException($"A compound file entry name has 1 to {MaxLength} characters, none of them / \\ : or !: '{name}'.", nameof(name));
        }
    }

    private static int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        if (x.Length != y.Length)
        {
            return x.Length.CompareTo(y.Length);
        }

        for (var i = 0; i < x.Length; i++)
        {
            var a = char.ToUpperInvariant(x[i]);
            var b = char.ToUpperInvariant(y[i]);
            if (a != b)
            {
                return a.CompareTo(b);
            }
        }

        return 0;
    }
}
