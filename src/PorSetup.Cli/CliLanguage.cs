// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;

namespace PorSetup.Cli;

/// <summary>The tool answers in French when the user's UI culture is French, in English otherwise.</summary>
public static class CliLanguage
{
    public static MessageLanguage Current => MessageLanguages.FromCultureName(CultureInfo.CurrentUICulture.Name);
}
