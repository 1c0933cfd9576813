// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Msi;

namespace PorSetup.Cli;

/// <summary>
/// What the tool says of a damaged package or transform, in the user's language: which part is damaged, in words an
/// administrator can act on (copy the file again), with no sector number or internal stream name.
/// </summary>
internal static class DamageSentences
{
    private const string StringPool = "_StringPool";
    private const string StringData = "_StringData";
    private const string SummaryInformation = "\u0005SummaryInformation";

    public static string Damaged(string path, DamagedFileException damage, MessageLanguage language) => language switch
    {
        MessageLanguage.French => $"{path} n'est pas une base de données MSI : elle est endommagée ({What(damage, language)}).",
        _ => $"{path} is not an MSI database: it is damaged ({What(damage, language)}).",
    };

    private static string What(DamagedFileException damage, MessageLanguage language)
    {
        var french = language == MessageLanguage.French;
        return damage.Damage switch
        {
            FileDamage.Header => french ? "son en-tête contient une valeur qu'aucun fichier Windows Installer ne contient" : "its header holds a value no Windows Installer file has",
            FileDamage.AllocationTable => french ? "sa table d'allocation des secteurs boucle, sort du fichier ou compte plus de secteurs qu'il n'en a" : "its sector allocation table loops, leaves the file or counts more sectors than the file has",
            FileDamage.Directory => french ? "son répertoire des flux est rompu" : "its directory of streams is broken",
            FileDamage.MiniStream => french ? "le stockage de ses petits flux est rompu" : "the store of its small streams is broken",
            FileDamage.Stream => french
                ? $"les secteurs de {Stream(damage.Part, french)} bouclent, chevauchent un autre flux, sortent du fichier ou sont moins nombreux que sa taille le dit"
                : $"the sectors of {Stream(damage.Part, french)} loop, overlap another stream, leave the file or are fewer than its size says",
            FileDamage.StringPool => french ? "sa table des chaînes est rompue" : "its string table is broken",
            FileDamage.SummaryInformation => french ? "ses informations de résumé sont rompues" : "its summary information is broken",
            _ => french ? "le flux d'une de ses tables ne contient pas des lignes entières" : "the stream of one of its tables does not hold whole rows",
        };
    }

    private static string Stream(string? part, bool french) => part switch
    {
        StringPool or StringData => french ? "sa table des chaînes" : "its string table",
        SummaryInformation => french ? "ses informations de résumé" : "its summary information",
        _ => (french ? "son flux " : "its stream ") + PartnerIdMessages.Show(part ?? "?"),
    };
}
