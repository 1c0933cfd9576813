// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Cli.Server;

namespace PorSetup.Cli.Commands;

/// <summary>What `porsetup status` prints, in English or in French (<see cref="CliLanguage"/>).</summary>
public static class StatusSentences
{
    private const string PartnerPlace = @"HKLM\SOFTWARE\Microsoft\Windows Server\MSO";

    /// <summary>The report: the value, each product, PorSetup's key, and the verdict line last.</summary>
    public static IEnumerable<string> Lines(ServerState state, StatusVerdict verdict, MessageLanguage language)
    {
        ArgumentNullException.ThrowIfNull(state);
        var french = language == MessageLanguage.French;
        yield return french
            ? $"Valeur Partner ({PartnerPlace}, vue 64 bits) : {Value(state.Partner, "aucune")}"
            : $"Partner value ({PartnerPlace}, 64-bit view): {Value(state.Partner, "none")}";
        if (state.Products.Count == 0)
        {
            yield return french ? "Produits PorSetup : aucun" : "PorSetup products: none";
        }

        foreach (var product in state.Products)
        {
            yield return Product(product, state.GroupPolicyKnown, french);
        }

        yield return french
            ? $@"ID installé par PorSetup (HKLM\SOFTWARE\PorSetup InstalledPartner) : {Value(state.InstalledPartner, "non enregistré")}"
            : $@"ID PorSetup installed (HKLM\SOFTWARE\PorSetup InstalledPartner): {Value(state.InstalledPartner, "not recorded")}";
        if (state.Products.Count > 0)
        {
            yield return LastUninstall(state, french);
        }

        yield return Verdict(state, verdict, language);
    }

    /// <summary>"Verdict: ok: ...": the verdict's stable name, then what it means for this server.</summary>
    public static string Verdict(ServerState state, StatusVerdict verdict, MessageLanguage language) =>
        language == MessageLanguage.French
            ? $"Verdict : {verdict.Name()} : {Explanation(state, verdict, language)}"
            : $"Verdict: {verdict.Name()}: {Explanation(state, verdict, language)}";

    /// <summary>What the verdict means for this server, without the verdict's name (the message of --json).</summary>
    public static string Explanation(ServerState state, StatusVerdict verdict, MessageLanguage language)
    {
        ArgumentNullException.ThrowIfNull(state);
        var french = language == MessageLanguage.French;
        var value = state.Partner is { } partner ? PartnerIdMessages.Show(partner.Data) : string.Empty;
        var installed = state.InstalledPartner is { IsString: true } recorded ? PartnerIdMessages.Show(recorded.Data) : null;
        return (verdict, french) switch
        {
            (StatusVerdict.Ok, false) => installed is null
                ? $"the Partner value {value} is a valid ID (PorSetup recorded no installed ID to compare it with)."
                : $"the Partner value is {value}, the ID PorSetup installed.",
            (StatusVerdict.Ok, true) => installed is null
                ? $"la valeur Partner {value} est un ID valide (PorSetup n'a enregistré aucun ID installé auquel la comparer)."
                : $"la valeur Partner est {value}, l'ID installé par PorSetup.",
            (StatusVerdict.NoPorSetup, false) => $"no product with PorSetup's UpgradeCode {PorSetupProducts.UpgradeCode} is installed.",
            (StatusVerdict.NoPorSetup, true) => $"aucun produit portant l'UpgradeCode de PorSetup {PorSetupProducts.UpgradeCode} n'est installé.",
            (StatusVerdict.ValueMissing, false) => "PorSetup is installed, but there is no Partner value.",
            (StatusVerdict.ValueMissing, true) => "PorSetup est installé, mais la valeur Partner est absente.",
            (StatusVerdict.WrongType, false) => $"the Partner value is a {state.Partner!.Type}, not a REG_SZ string as Windows Server Essentials reads it.",
            (StatusVerdict.WrongType, true) => $"la valeur Partner est de type {state.Partner!.Type}, et non la chaîne REG_SZ que lit Windows Server Essentials.",
            (StatusVerdict.InvalidId, false) => $"the Partner value \"{value}\" is not a valid ID ({PartnerId.MinLength} to {PartnerId.MaxLength} ASCII digits, nothing around them).",
            (StatusVerdict.InvalidId, true) => $"la valeur Partner « {value} » n'est pas un ID valide ({PartnerId.MinLength} à {PartnerId.MaxLength} chiffres ASCII, sans rien autour).",
            (_, false) => $"the Partner value is {value}, but PorSetup installed {installed}.",
            (_, true) => $"la valeur Partner est {value}, mais PorSetup a installé {installed}.",
        };
    }

    private static string Value(RegistryValueState? value, string none) =>
        value is null ? none : $"{PartnerIdMessages.Show(value.Data)} ({value.Type})";

    private static string Product(InstalledProduct product, bool groupPolicyKnown, bool french)
    {
        var transforms = product.Transforms.Count == 0 ? (french ? "aucune" : "none") : string.Join("; ", product.Transforms);
        var policy = GroupPolicy(product.GroupPolicy, groupPolicyKnown, french);
        return french
            ? $"PorSetup {product.Version} {product.ProductCode} : installé depuis {product.PackageName} ; transformations : {transforms} ; stratégie de groupe : {policy}"
            : $"PorSetup {product.Version} {product.ProductCode}: installed from {product.PackageName}; transforms: {transforms}; Group Policy: {policy}";
    }

    private static string GroupPolicy(GroupPolicyDeployment? deployment, bool known, bool french) => (deployment, known, french) switch
    {
        (_, false, false) => "unknown (this system has no GetLocalManagedApplications)",
        (_, false, true) => "inconnue (ce système n'a pas GetLocalManagedApplications)",
        (null, _, false) => "not managed",
        (null, _, true) => "non géré",
        ({ } d, _, false) => $"managed by \"{d.PolicyName}\" (\"{d.DeploymentName}\", {(d.Assigned ? "assigned" : "published")}{(d.UninstalledWithPolicy ? ", uninstalled when it falls out of scope" : string.Empty)})",
        ({ } d, _, true) => $"géré par « {d.PolicyName} » (« {d.DeploymentName} », {(d.Assigned ? "attribué" : "publié")}{(d.UninstalledWithPolicy ? ", désinstallé s'il sort de l'étendue de gestion" : string.Empty)})",
    };

    private static string LastUninstall(ServerState state, bool french) => (state.PreviousPartner, french) switch
    {
        (null, false) => "Last uninstall (UNINSTALLPARTNER=putback, the default): deletes the Partner value (none was recorded before PorSetup)",
        (null, true) => "Dernière désinstallation (UNINSTALLPARTNER=putback, par défaut) : supprime la valeur Partner (aucune n'a été enregistrée avant PorSetup)",
        ({ } previous, false) => $@"Last uninstall (UNINSTALLPARTNER=putback, the default): puts back {PartnerIdMessages.Show(previous.Data)} (HKLM\SOFTWARE\PorSetup PreviousPartner{(IsTyped(previous) ? ", Windows Installer's form of a value that is not a plain string" : string.Empty)})",
        ({ } previous, true) => $@"Dernière désinstallation (UNINSTALLPARTNER=putback, par défaut) : remet {PartnerIdMessages.Show(previous.Data)} (HKLM\SOFTWARE\PorSetup PreviousPartner{(IsTyped(previous) ? ", forme Windows Installer d'une valeur qui n'est pas une simple chaîne" : string.Empty)})",
    };

    // PorSetup remembers a value that is not a plain string in the Registry table's form: "#" and a DWORD, "#%" and an
    // expandable string, "#x" and bytes (its own envelope of type and data), "##" for a string that starts with "#".
    private static bool IsTyped(RegistryValueState previous) => previous.Data.StartsWith('#');
}
