// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using System.Text;

namespace PorSetup;

/// <summary>
/// The words a person reads when an ID is accepted or refused: in the installer's UI and log, and from the
/// command-line tool. Each refusal starts with a stable code (POR1001...) that stays the same in every
/// language, so administrators can search logs for it.
/// </summary>
public static class PartnerIdMessages
{
    public const string MissingCode = "POR1001";
    public const string NotADigitCode = "POR1002";
    public const string LengthCode = "POR1003";

    // Long or hostile input is shown shortened, so one bad paste cannot flood a dialog or a log line.
    private const int MaxShownLength = 40;

    /// <summary>The line logged when an ID is accepted.</summary>
    public static string Accepted(PartnerIdCheck check, MessageLanguage language) => language switch
    {
        MessageLanguage.French => $"PorSetup : PARTNERID accepté : {check.Normalized}",
        _ => $"PorSetup: PARTNERID accepted: {check.Normalized}",
    };

    /// <summary>
    /// The line logged when no ID is given and the Partner value, which follows the rule, is kept; a value set since
    /// PorSetup installed another ID says so (a repair never changes a working ID).
    /// </summary>
    /// <param name="value">The Partner value kept.</param>
    /// <param name="installed">The installed ID (HKLM\SOFTWARE\PorSetup, InstalledPartner), or empty.</param>
    /// <param name="language">The language of the line.</param>
    public static string Kept(string value, string installed, MessageLanguage language)
    {
        ArgumentNullException.ThrowIfNull(installed);
        var shown = Show(value);
        var since = installed.Length > 0 && !string.Equals(installed, value, StringComparison.Ordinal);
        return (language, since) switch
        {
            (MessageLanguage.French, true) => $"PorSetup : valeur Partner conservée : {shown}, définie depuis que PorSetup a installé {Show(installed)} (une valeur valide n'est jamais changée)",
            (MessageLanguage.French, false) => $"PorSetup : valeur Partner conservée : {shown}",
            (_, true) => $"PorSetup: keeping the Partner value {shown}, set since PorSetup installed {Show(installed)} (a valid value is never changed)",
            _ => $"PorSetup: keeping the Partner value {shown}",
        };
    }

    /// <summary>The line logged when the installed ID is put back in place of a missing or broken Partner value.</summary>
    /// <param name="value">The Partner value as an administrator would read it (its type first when not a string), or null when missing.</param>
    /// <param name="installed">The installed ID put back.</param>
    /// <param name="language">The language of the line.</param>
    public static string Restored(string? value, string installed, MessageLanguage language) => (language, value) switch
    {
        (MessageLanguage.French, null) => $"PorSetup : la valeur Partner est absente ; l'ID installé par PorSetup est remis : {Show(installed)}",
        (MessageLanguage.French, _) => $"PorSetup : la valeur Partner \"{Show(value)}\" n'est pas un ID valide ; l'ID installé par PorSetup est remis : {Show(installed)}",
        (_, null) => $"PorSetup: the Partner value is missing; putting back the ID PorSetup installed: {Show(installed)}",
        _ => $"PorSetup: the Partner value \"{Show(value)}\" is not a valid ID; putting back the ID PorSetup installed: {Show(installed)}",
    };

    /// <summary>The line logged when the Partner value is missing or broken and PorSetup's key holds no installed ID.</summary>
    public static string NothingToRestore(string? value, MessageLanguage language) => (language, value) switch
    {
        (MessageLanguage.French, null) => "PorSetup : la valeur Partner est absente et la clé de PorSetup ne garde aucun ID installé (InstalledPartner) à remettre : indiquez PARTNERID.",
        (MessageLanguage.French, _) => $"PorSetup : la valeur Partner \"{Show(value)}\" n'est pas un ID valide et la clé de PorSetup ne garde aucun ID installé (InstalledPartner) à remettre : indiquez PARTNERID.",
        (_, null) => "PorSetup: the Partner value is missing and PorSetup's key holds no installed ID (InstalledPartner) to put back: give PARTNERID.",
        _ => $"PorSetup: the Partner value \"{Show(value)}\" is not a valid ID and PorSetup's key holds no installed ID (InstalledPartner) to put back: give PARTNERID.",
    };

    /// <summary>The refusal: what is wrong, the rule, and a command line that works.</summary>
    public static string Refusal(PartnerIdCheck check, MessageLanguage language)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(check.IsValid, true);
        var shown = Show(check.Normalized);
        var length = check.Normalized.Length.ToString(CultureInfo.InvariantCulture);
        var position = check.Position.ToString(CultureInfo.InvariantCulture);
        var codePoint = $"U+{char.ConvertToUtf32(check.Offender.PadRight(1), 0):X4}";
        return language switch
        {
            MessageLanguage.French => check.Problem switch
            {
                PartnerIdProblem.Missing => $"{MissingCode}: PARTNERID est absent ou vide.",
                PartnerIdProblem.NotADigit => $"{NotADigitCode}: PARTNERID \"{shown}\" n'est pas valide : le caractère {position} ({codePoint}) n'est pas un chiffre de 0 à 9.",
                PartnerIdProblem.TooShort => $"{LengthCode}: PARTNERID \"{shown}\" n'est pas valide : {length} chiffres, c'est trop court.",
                _ => $"{LengthCode}: PARTNERID \"{shown}\" n'est pas valide : {length} chiffres, c'est trop long.",
            } + $" Un ID partenaire Microsoft (ID MPN) compte de {PartnerId.MinLength} à {PartnerId.MaxLength} chiffres ASCII, par exemple : msiexec /i PorSetup.msi /qn PARTNERID={PartnerId.Example}",
            _ => check.Problem switch
            {
                PartnerIdProblem.Missing => $"{MissingCode}: PARTNERID is missing or empty.",
                PartnerIdProblem.NotADigit => $"{NotADigitCode}: PARTNERID \"{shown}\" is not valid: character {position} ({codePoint}) is not a digit 0-9.",
                PartnerIdProblem.TooShort => $"{LengthCode}: PARTNERID \"{shown}\" is not valid: {length} digits is too short.",
                _ => $"{LengthCode}: PARTNERID \"{shown}\" is not valid: {length} digits is too long.",
            } + $" A Microsoft Partner ID (MPN ID) is {PartnerId.MinLength} to {PartnerId.MaxLength} ASCII digits, for example: msiexec /i PorSetup.msi /qn PARTNERID={PartnerId.Example}",
        };
    }

    /// <summary>Shortens a value for display and replaces control characters, which would break a log line.</summary>
    public static string Show(string value)
    {
        var text = value.Length > MaxShownLength ? string.Concat(value.AsSpan(0, MaxShownLength), "…") : value;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }
}
