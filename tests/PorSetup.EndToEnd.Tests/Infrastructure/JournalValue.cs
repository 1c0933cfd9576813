// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A registry value as <see cref="LocalJournal"/> keeps it: its name, its kind (the name of Microsoft.Win32's
/// RegistryValueKind, which is Windows only: "String", "DWord", ...) and its data exactly as the registry API gave
/// it, unexpanded: text, the strings of a multi-string, the number of a DWORD or QWORD (as stored, signed), or the
/// bytes of anything else.
/// </summary>
public sealed record JournalValue(string Name, string Kind, string? Text = null, IReadOnlyList<string>? Strings = null, long? Number = null, byte[]? Bytes = null)
{
    public static JournalValue From(string name, string kind, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return kind switch
        {
            "String" or "ExpandString" => new(name, kind, Text: (string)value),
            "MultiString" => new(name, kind, Strings: [.. (string[])value]),
            "DWord" => new(name, kind, Number: (int)value),
            "QWord" => new(name, kind, Number: (long)value),
            _ => new(name, kind, Bytes: value as byte[] ?? throw new ArgumentException($"{name}: a {kind} value that is not bytes ({value.GetType()})", nameof(value))),
        };
    }

    /// <summary>The kind's name and the object to give RegistryKey.SetValue (string, string[], int, long or byte[]).</summary>
    public (string Kind, object Value) ToRegistry() => this.Kind switch
    {
        "String" or "ExpandString" => (this.Kind, this.Text ?? throw this.Missing(nameof(this.Text))),
        "MultiString" => (this.Kind, (this.Strings ?? throw this.Missing(nameof(this.Strings))).ToArray()),
        "DWord" => (this.Kind, checked((int)(this.Number ?? throw this.Missing(nameof(this.Number))))),
        "QWord" => (this.Kind, this.Number ?? throw this.Missing(nameof(this.Number))),
        _ => (this.Kind, this.Bytes ?? throw this.Missing(nameof(this.Bytes))),
    };

    /// <summary>One line that differs whenever the kind or the data differs ("Partner=String:1234567").</summary>
    public string Describe()
    {
        var (kind, value) = this.ToRegistry();
        var data = value switch
        {
            string text => text,
            string[] strings => string.Join("|", strings.Select(s => s.Replace("|", "||", StringComparison.Ordinal))),
            byte[] bytes => Convert.ToHexString(bytes),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        return $"{this.Name}={kind}:{data}";
    }

    private InvalidDataException Missing(string field) => new($"Journal value {this.Name} ({this.Kind}) has no {field}.");
}
