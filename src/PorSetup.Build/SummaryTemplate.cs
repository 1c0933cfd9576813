// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build;

/// <summary>
/// The language in the summary's Template (platform;language): the translation gives wixl Product/@Language, which
/// it writes into the Property table but not into the Template (always 1033); the fix-up writes the package language.
/// </summary>
/// <param name="Language">The package language (LCID), localized.</param>
public sealed record SummaryTemplate(string Language)
{
    public static SummaryTemplate From(XDocument source, WixLocalization localization) =>
        new(localization.Resolve((string?)source.Root!.Element(WixNamespaces.Wxs + "Package")!.Attribute("Language") ?? "1033"));

    /// <summary>msibuild -s rewrites subject, author, template and package code together: the first, second and last are kept.</summary>
    public void ApplyTo(MsitoolsDatabase database)
    {
        var summary = database.Summary();
        var platform = summary["Template"].Split(';')[0];
        database.SetSummary(summary["Subject"], summary["Author"], $"{platform};{this.Language}", summary["Revision number (UUID)"]);
    }
}
