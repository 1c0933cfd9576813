// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text.Json;
using System.Text.Json.Serialization;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Where and how <see cref="LocalJournal"/> is kept: %ProgramData%\PorSetup.Tests\journal.json by default, a
/// machine-wide folder that outlives the checkout, the test results and the user profile (a CI job's clean clone,
/// another administrator's prompt), since the journal describes the machine, not a run. Written atomically: the
/// text goes to journal.json.tmp, is flushed to disk, then replaces journal.json in one rename, so that a reader
/// finds the old journal or the new one, never half of one.
/// </summary>
public static class LocalJournalFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "PorSetup.Tests", "journal.json");

    public static void Write(string path, LocalJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, journal, Options);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The journal at path; null when there is none. Throws InvalidDataException, naming the file, when it cannot be read.</summary>
    public static LocalJournal? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        LocalJournal? journal;
        try
        {
            journal = JsonSerializer.Deserialize<LocalJournal>(File.ReadAllBytes(path), Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a journal of the local test machine: {e.Message}", e);
        }

        return journal is { Format: LocalJournal.CurrentFormat, ProductsBefore: not null, Views: not null, RegistryClaims: not null, PathClaims: not null }
            ? journal
            : throw new InvalidDataException($"{path} is not a journal of format {LocalJournal.CurrentFormat} of the local test machine.");
    }

    public static void Delete(string path)
    {
        File.Delete(path);
        File.Delete(path + ".tmp");
    }
}
