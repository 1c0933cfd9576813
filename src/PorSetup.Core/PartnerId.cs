// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup;

/// <summary>
/// The one rule for a Partner of Record ID, used by the custom action and by every command that writes an ID.
/// </summary>
public static class PartnerId
{
    // Microsoft Partner Network (MPN) IDs are 6 or 7 digits today. 5 to 10 leaves room for older and future IDs
    // while still refusing obvious mistakes (a phone number, a GUID, a pasted sentence).
    public const int MinLength = 5;
    public const int MaxLength = 10;

    /// <summary>An ID that passes the rule, for examples in messages and help.</summary>
    public const string Example = "1234567";

    /// <summary>
    /// Trims surrounding whitespace, then accepts only the ASCII digits 0-9. Other Unicode digits (full-width,
    /// Arabic-Indic, ...) are refused on purpose: char.IsDigit would accept them, but Microsoft's services read
    /// the registry value as an ASCII number, and a look-alike digit would silently break attribution.
    /// </summary>
    public static PartnerIdCheck Check(string? input)
    {
        var trimmed = (input ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return new PartnerIdCheck(input, trimmed, PartnerIdProblem.Missing);
        }

        for (var i = 0; i < trimmed.Length; i++)
        {
            if (!char.IsAsciiDigit(trimmed[i]))
            {
                var width = char.IsSurrogatePair(trimmed, i) ? 2 : 1;
                return new PartnerIdCheck(input, trimmed, PartnerIdProblem.NotADigit, i + 1, trimmed.Substring(i, width));
            }
        }

        var problem = trimmed.Length < MinLength ? PartnerIdProblem.TooShort
            : trimmed.Length > MaxLength ? PartnerIdProblem.TooLong
            : PartnerIdProblem.None;
        return new PartnerIdCheck(input, trimmed, problem);
    }
}
