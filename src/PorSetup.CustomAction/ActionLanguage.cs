// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;

namespace PorSetup.CustomAction;

/// <summary>The language of what an action tells the administrator, in the UI and the log.</summary>
public static class ActionLanguage
{
    public const string ProductLanguageProperty = "ProductLanguage";

    /// <summary>French when the package is French, else when Windows speaks French to the user; English otherwise.</summary>
    /// <param name="session">The installation, whose ProductLanguage is read.</param>
    /// <param name="systemUiLanguage">Reads the user's Windows UI language (a LANGID).</param>
    public static MessageLanguage Choose(ISession session, Func<int> systemUiLanguage)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(systemUiLanguage);
        if (int.TryParse(session[ProductLanguageProperty], NumberStyles.None, CultureInfo.InvariantCulture, out var productLanguage)
            && MessageLanguages.FromLcid(productLanguage) == MessageLanguage.French)
        {
            return MessageLanguage.French;
        }

        return MessageLanguages.FromLcid(systemUiLanguage());
    }
}
