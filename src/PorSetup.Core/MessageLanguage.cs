// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup;

/// <summary>The languages PorSetup speaks. English is the fallback for every other language.</summary>
public enum MessageLanguage
{
    English,
    French,
}

public static class MessageLanguages
{
    private const int LangFrench = 0x0C;

    /// <summary>Picks the language for a Windows language identifier (LCID or LANGID), e.g. 1036 fr-FR, 3084 fr-CA.</summary>
    public static MessageLanguage FromLcid(int lcid) =>
        (lcid & 0x3FF) == LangFrench ? MessageLanguage.French : MessageLanguage.English;

    /// <summary>Picks the language for a culture name such as "fr-FR", "fr" or "en-US".</summary>
    public static MessageLanguage FromCultureName(string? name) =>
        name is not null && (name.Equals("fr", StringComparison.OrdinalIgnoreCase) || name.StartsWith("fr-", StringComparison.OrdinalIgnoreCase))
            ? MessageLanguage.French
            : MessageLanguage.English;
}
