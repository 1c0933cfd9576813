// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The prefix's real registry, read and written with Wine's reg.exe. A reg command that fails for any reason but a
/// missing key or value (a wine process that could not start under load, say) is run again, and throws if it keeps
/// failing: a read never turns a failed command into "no value".
/// </summary>
public sealed class WineRegistry(WinePrefix prefix) : MachineRegistry
{
    /// <summary>
    /// A value's type and data as reg query prints them ("REG_DWORD", "0x12d687"; a multi-string's parts joined by
    /// "\\0"), or null when missing. Read from reg export, which writes UTF-16: reg query prints in the OEM code page,
    /// which loses text outside it.
    /// </summary>
    protected override (string Type, string Data)? ReadValue(string key, string name, RegistryView view)
    {
        var section = $"[{key.Replace("HKLM\\", "HKEY_LOCAL_MACHINE\\", StringComparison.Ordinal)}]";
        var lines = RegFile.ValueLines(this.Export(key, view), section);
        var prefixText = name.Length == 0 ? "@=" : $"\"{RegFile.Escape(name)}\"=";
        var line = lines.FirstOrDefault(l => l.StartsWith(prefixText, StringComparison.OrdinalIgnoreCase));
        return line is null ? null : RegFile.Parse(line[prefixText.Length..]);
    }

    public override bool KeyExists(string key, RegistryView view = RegistryView.Registry64) =>
        this.Reg("query", key, Switch(view)).ExitCode == 0;

    protected override void WriteValue(string key, string name, string type, string data, RegistryView view) =>
        Check(this.Reg("add", key, "/v", name, "/t", type, "/d", data, "/f", Switch(view)), "reg add");

    public override void Delete(string key, string name, RegistryView view = RegistryView.Registry64)
    {
        var result = this.Reg("delete", key, "/v", name, "/f", Switch(view));
        if (result.ExitCode != 0 && this.Get(key, name, view) is not null)
        {
            throw new InvalidOperationException($"reg delete failed: {result.StandardOutput}{result.StandardError}");
        }
    }

    /// <summary>The whole key, as reg export writes it; for comparing before and after.</summary>
    public string Export(string key, RegistryView view = RegistryView.Registry64)
    {
        var file = Path.Combine(prefix.Root, "tmp", $"export-{Guid.NewGuid():N}.reg");
        var result = this.Reg("export", key, WinePrefix.ZDrivePath(file), "/y", Switch(view));
        if (result.ExitCode != 0)
        {
            return string.Empty;
        }

        var text = File.ReadAllText(file);
        File.Delete(file);
        return text;
    }

    // Exit code 1 with "Unable to find" is reg's answer for a missing key or value; anything else is a failure.
    private PorSetup.Testing.ToolResult Reg(params string[] arguments)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = prefix.Wine(["reg", .. arguments]);
            if (result.ExitCode == 0 || (result.ExitCode == 1 && (result.StandardError + result.StandardOutput).Contains("Unable to find", StringComparison.Ordinal)))
            {
                return result;
            }

            if (attempt == 3)
            {
                throw new InvalidOperationException($"reg {string.Join(' ', arguments)} failed with exit code {result.ExitCode}: {result.StandardOutput}{result.StandardError}");
            }
        }
    }

    private static string Switch(RegistryView view) => view == RegistryView.Registry64 ? "/reg:64" : "/reg:32";

    private static void Check(PorSetup.Testing.ToolResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed: {result.StandardOutput}{result.StandardError}");
        }
    }
}
