// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>The prefix's real registry, read and written with Wine's reg.exe.</summary>
public sealed class WineRegistry(WinePrefix prefix)
{
    /// <summary>Where PorSetup writes, per Microsoft's Windows Server Essentials instructions.</summary>
    public const string MsoKey = @"HKLM\SOFTWARE\Microsoft\Windows Server\MSO";

    public const string PartnerValue = "Partner";

    /// <summary>The Partner value in the 64-bit view, or null when there is none.</summary>
    public string? Partner => this.GetString(MsoKey, PartnerValue);

    /// <summary>A REG_SZ value, or null when the key or the value does not exist.</summary>
    public string? GetString(string key, string name, RegistryView view = RegistryView.Registry64)
    {
        var result = prefix.Wine("reg", "query", key, "/v", name, Switch(view));
        if (result.ExitCode != 0)
        {
            return null;
        }

        // "    Partner    REG_SZ    1234567": the data is everything after the type, spaces included.
        foreach (var line in result.StandardOutput.Split('\n'))
        {
            var marker = line.IndexOf("    REG_SZ    ", StringComparison.Ordinal);
            if (marker >= 0 && line[..marker].Trim() == name)
            {
                return line[(marker + "    REG_SZ    ".Length)..].TrimEnd('\r');
            }
        }

        return null;
    }

    public bool KeyExists(string key, RegistryView view = RegistryView.Registry64) =>
        prefix.Wine("reg", "query", key, Switch(view)).ExitCode == 0;

    public void SetString(string key, string name, string value, RegistryView view = RegistryView.Registry64) =>
        Check(prefix.Wine("reg", "add", key, "/v", name, "/t", "REG_SZ", "/d", value, "/f", Switch(view)), "reg add");

    /// <summary>The whole key, as reg export writes it; for comparing before and after.</summary>
    public string Export(string key)
    {
        var file = Path.Combine(prefix.Root, "tmp", $"export-{Guid.NewGuid():N}.reg");
        var result = prefix.Wine("reg", "export", key, WinePrefix.WindowsPath(file), "/y");
        if (result.ExitCode != 0)
        {
            return string.Empty;
        }

        var text = File.ReadAllText(file);
        File.Delete(file);
        return text;
    }

    private static string Switch(RegistryView view) => view == RegistryView.Registry64 ? "/reg:64" : "/reg:32";

    private static void Check(PorSetup.Build.ToolResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed: {result.StandardOutput}{result.StandardError}");
        }
    }
}
