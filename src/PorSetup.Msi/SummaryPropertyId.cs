// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>Property ids of the summary information stream, with their meaning in packages and transforms.</summary>
public static class SummaryPropertyId
{
    public const int CodePage = 1;
    public const int Title = 2;
    public const int Subject = 3;
    public const int Author = 4;
    public const int Keywords = 5;
    public const int Comments = 6;

    /// <summary>Package: "platform;language". Transform: the base package's platform;language.</summary>
    public const int Template = 7;

    /// <summary>Transform: the new package's platform;language.</summary>
    public const int LastAuthor = 8;

    /// <summary>Package: the PackageCode. Transform: "{base code}base version;{new code}new version;{upgrade code}".</summary>
    public const int RevisionNumber = 9;

    public const int LastPrinted = 11;
    public const int CreateTime = 12;
    public const int LastSaveTime = 13;

    /// <summary>Minimum installer version (e.g. 500 for 5.0).</summary>
    public const int PageCount = 14;

    /// <summary>Package: source image flags.</summary>
    public const int WordCount = 15;

    /// <summary>Transform: error conditions to ignore (low 16 bits) and validation flags (high 16 bits).</summary>
    public const int CharacterCount = 16;

    public const int CreatingApplication = 18;
    public const int Security = 19;
}
