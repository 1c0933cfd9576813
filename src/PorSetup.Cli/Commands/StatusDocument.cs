// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PorSetup.Cli.Server;

namespace PorSetup.Cli.Commands;

/// <summary>
/// `porsetup status --json`, for RMM agents: the same facts as the text report, with the verdict's stable name and
/// exit code. Property names are camelCase; a missing value is null.
/// </summary>
public sealed record StatusDocument(
    string Verdict,
    int ExitCode,
    string Message,
    RegistryValueState? Partner,
    string? InstalledPartner,
    StatusDocument.Uninstall? LastUninstall,
    IReadOnlyList<InstalledProduct> Products,
    bool GroupPolicyKnown)
{
    public static StatusDocument Of(ServerState state, StatusVerdict verdict, MessageLanguage language)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new StatusDocument(
            verdict.Name(),
            verdict.ExitCode(),
            StatusSentences.Explanation(state, verdict, language),
            state.Partner,
            state.InstalledPartner is { IsString: true } installed ? installed.Data : null,
            state.Products.Count == 0 ? null : new Uninstall(state.PreviousPartner is null ? "delete" : "putback", state.PreviousPartner?.Data),
            state.Products,
            state.GroupPolicyKnown);
    }

    /// <summary>The document as --json writes it: indented, camelCase, non-ASCII text as it is.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, StatusJsonContext.Readable.StatusDocument);

    /// <summary>What the last uninstall does by default (UNINSTALLPARTNER=putback): "putback" the value, or "delete" the Partner value.</summary>
    public sealed record Uninstall(string Action, string? Value);
}

/// <summary>System.Text.Json's source generator: porsetup.exe is trimmed, and writes JSON without reflection.</summary>
[JsonSerializable(typeof(StatusDocument))]
internal sealed partial class StatusJsonContext : JsonSerializerContext
{
    /// <summary>Non-ASCII text (French, a hand-typed value) and quotes written as they are, not as \uXXXX escapes.</summary>
    public static StatusJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
