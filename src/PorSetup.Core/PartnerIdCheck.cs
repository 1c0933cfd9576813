// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup;

/// <summary>The outcome of <see cref="PartnerId.Check"/>: the normalized ID, or the problem and where it is.</summary>
/// <param name="Input">The value as given, untouched (may be null when the property was absent).</param>
/// <param name="Normalized">The trimmed value; the ID to store when <see cref="IsValid"/>.</param>
/// <param name="Problem">What is wrong, or <see cref="PartnerIdProblem.None"/>.</param>
/// <param name="Position">For <see cref="PartnerIdProblem.NotADigit"/>: the 1-based position of the first bad character in <see cref="Normalized"/>.</param>
/// <param name="Offender">For <see cref="PartnerIdProblem.NotADigit"/>: the first bad character (a whole surrogate pair when it is one).</param>
public sealed record PartnerIdCheck(string? Input, string Normalized, PartnerIdProblem Problem, int Position = 0, string Offender = "")
{
    public bool IsValid => Problem == PartnerIdProblem.None;
}
