// Copyright (c) PorSetup contributors. MIT licensed.

using System.Xml.Linq;

namespace PorSetup.Build;

/// <summary>
/// What the package source says that wixl drops, one part for each element it concerns, each with its translation
/// step (in <see cref="WixlTranslator"/>'s hands) and its fix-up, applied through <see cref="MsitoolsDatabase"/>.
/// Derived from the source and its localization, never written by hand.
/// </summary>
public sealed record DatabaseFixups(
    PropertyFlags Properties,
    MajorUpgradeRows? Upgrade,
    ComponentConditions Components,
    ScriptActions Scripts,
    ErrorActions Errors,
    SuppressedActions Suppressed,
    DatabaseCodepage Codepage,
    SummaryTemplate Template)
{
    public static DatabaseFixups From(XDocument source, WixLocalization localization) => new(
        PropertyFlags.From(source),
        MajorUpgradeRows.From(source, localization),
        ComponentConditions.From(source, localization),
        ScriptActions.From(source),
        ErrorActions.From(source),
        SuppressedActions.From(source),
        DatabaseCodepage.From(source, localization),
        SummaryTemplate.From(source, localization));

    /// <summary>Applies the fix-ups to an MSI that wixl built, then adds the _Validation rows of its tables.</summary>
    public void ApplyTo(string msiPath)
    {
        var database = new MsitoolsDatabase(msiPath);
        this.Properties.ApplyTo(database);
        this.Upgrade?.ApplyTo(database);
        this.Components.ApplyTo(database);
        this.Scripts.ApplyTo(database);
        this.Errors.ApplyTo(database);
        this.Suppressed.ApplyTo(database);
        this.Codepage.ApplyTo(database);
        this.Template.ApplyTo(database);
        ValidationTable.AddTo(database);
    }
}
