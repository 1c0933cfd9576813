// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>The content of a transform (.mst), as read by <see cref="MsiTransformReader"/>.</summary>
public sealed class MsiTransform
{
    internal MsiTransform(Guid clsid, SummaryInformation summary, MsiStringPool strings, IReadOnlyList<string> tables, IReadOnlyList<MsiTransformRow> rows)
    {
        Clsid = clsid;
        Summary = summary;
        Strings = strings;
        Tables = tables;
        Rows = rows;
    }

    /// <summary>The root storage class; <see cref="CompoundFile.TransformClsid"/> for a transform.</summary>
    public Guid Clsid { get; }

    public SummaryInformation Summary { get; }

    public MsiStringPool Strings { get; }

    /// <summary>Names of the table streams the transform changes.</summary>
    public IReadOnlyList<string> Tables { get; }

    public IReadOnlyList<MsiTransformRow> Rows { get; }

    public MsiTransformFlags Flags => (MsiTransformFlags)(Summary.GetInteger(SummaryPropertyId.CharacterCount) ?? 0);
}
