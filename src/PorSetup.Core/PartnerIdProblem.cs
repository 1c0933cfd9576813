// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup;

/// <summary>What is wrong with a Partner ID; <see cref="None"/> when it is valid.</summary>
public enum PartnerIdProblem
{
    None,

    /// <summary>The property is absent, empty or only whitespace.</summary>
    Missing,

    /// <summary>A character other than the ASCII digits 0-9.</summary>
    NotADigit,

    /// <summary>Fewer digits than <see cref="PartnerId.MinLength"/>.</summary>
    TooShort,

    /// <summary>More digits than <see cref="PartnerId.MaxLength"/>.</summary>
    TooLong,
}
