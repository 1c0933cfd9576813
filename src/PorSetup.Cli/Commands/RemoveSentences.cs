// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Cli.Server;

namespace PorSetup.Cli.Commands;

/// <summary>What `porsetup remove` prints, in English or in French (<see cref="CliLanguage"/>).</summary>
public static class RemoveSentences
{
    public static string NothingInstalled(MessageLanguage language) => language == MessageLanguage.French
        ? $"Aucun PorSetup n'est installé (aucun produit portant l'UpgradeCode {PorSetupProducts.UpgradeCode}) : rien à désinstaller."
        : $"No PorSetup is installed (no product with the UpgradeCode {PorSetupProducts.UpgradeCode}): nothing to remove.";

    public static string Log(string log, MessageLanguage language) => language == MessageLanguage.French
        ? $"Journal de msiexec : {log}"
        : $"msiexec's log: {log}";

    public static string Removing(InstalledProduct product, string choice, MessageLanguage language) => language == MessageLanguage.French
        ? $"Désinstallation de PorSetup {product.Version} {product.ProductCode} (UNINSTALLPARTNER={choice})..."
        : $"Removing PorSetup {product.Version} {product.ProductCode} (UNINSTALLPARTNER={choice})...";

    public static string Returned(int exitCode, MessageLanguage language) => (exitCode, language == MessageLanguage.French) switch
    {
        (ExitCodes.Success, false) => "msiexec returned 0: removed.",
        (ExitCodes.Success, true) => "msiexec a renvoyé 0 : désinstallé.",
        (ExitCodes.MsiexecRestartRequired, false) => "msiexec returned 3010: removed; a restart is required to finish (none was started).",
        (ExitCodes.MsiexecRestartRequired, true) => "msiexec a renvoyé 3010 : désinstallé ; un redémarrage est nécessaire pour terminer (aucun n'a été lancé).",
        (ExitCodes.MsiexecRestarting, false) => "msiexec returned 1641: removed, and Windows Installer started a restart.",
        (ExitCodes.MsiexecRestarting, true) => "msiexec a renvoyé 1641 : désinstallé, et Windows Installer a lancé un redémarrage.",
        (ExitCodes.MsiexecNotAdministrator, false) => "msiexec returned 1730: only an administrator may remove PorSetup; run porsetup remove elevated or as SYSTEM.",
        (ExitCodes.MsiexecNotAdministrator, true) => "msiexec a renvoyé 1730 : seul un administrateur peut désinstaller PorSetup ; lancez porsetup remove en administrateur ou en SYSTEM.",
        (ExitCodes.MsiexecBusy, false) => "msiexec returned 1618: another installation is running; run porsetup remove again later.",
        (ExitCodes.MsiexecBusy, true) => "msiexec a renvoyé 1618 : une autre installation est en cours ; relancez porsetup remove plus tard.",
        (_, false) => $"msiexec returned {exitCode}: the uninstall did not finish; the log says why (search it for POR10 and \"Return value 3\").",
        (_, true) => $"msiexec a renvoyé {exitCode} : la désinstallation n'a pas abouti ; le journal dit pourquoi (cherchez-y POR10 et « Return value 3 »).",
    };

    public static string PartnerNow(RegistryValueState? partner, MessageLanguage language) => (partner, language == MessageLanguage.French) switch
    {
        (null, false) => "Partner value now: none",
        (null, true) => "Valeur Partner maintenant : aucune",
        ({ } value, false) => $"Partner value now: {PartnerIdMessages.Show(value.Data)} ({value.Type})",
        ({ } value, true) => $"Valeur Partner maintenant : {PartnerIdMessages.Show(value.Data)} ({value.Type})",
    };

    public static string NoLogFolder(string folder, MessageLanguage language) => language == MessageLanguage.French
        ? $"--log : le dossier {folder} n'existe pas."
        : $"--log: the folder {folder} does not exist.";
}
