// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>A column definition as stored in _Columns: name and type bits.</summary>
public readonly record struct MsiColumn(string Name, int Type)
{
    public const int SizeMask = 0x00FF;
    public const int Valid = 0x0100;
    public const int Localizable = 0x0200;
    public const int StringType = 0x0800;
    public const int Nullable = 0x1000;
    public const int Key = 0x2000;
    public const int Temporary = 0x4000;

    /// <summary>A string column (char/localizable char) or a binary (stream) column.</summary>
    public bool IsString => (Type & StringType) != 0;

    /// <summary>A binary column: the row's data lives in a stream named Table.Key.</summary>
    public bool IsBinary => (Type & ~Nullable) == (StringType | Valid);

    public bool IsKey => (Type & Key) != 0;

    public bool IsNullable => (Type & Nullable) != 0;

    /// <summary>Bytes one value takes in a table stream.</summary>
    public int Width(int stringReferenceSize) =>
        IsBinary ? 2 : IsString ? stringReferenceSize : (Type & SizeMask) <= 2 ? 2 : 4;
}
