// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>What Windows Installer leaves after one msiexec run, by <see cref="WindowsInstallerModel"/>.</summary>
/// <param name="ExitCode">msiexec's exit code.</param>
/// <param name="Maintenance">The package's product was installed: Windows ran it in maintenance mode.</param>
/// <param name="Products">PorSetup products registered afterwards.</param>
/// <param name="Partner">The Partner value afterwards (raw search form for a value that was not PorSetup's).</param>
/// <param name="Remembered">HKLM\SOFTWARE\PorSetup\PreviousPartner afterwards, the value before PorSetup.</param>
/// <param name="Refusal">The text of the type-19 action or launch condition that ended the run, or why Windows did.</param>
/// <param name="Properties">The properties once the execute sequence reached CostInitialize.</param>
public sealed record WindowsOutcome(
    int ExitCode,
    bool Maintenance,
    int Products,
    string? Partner,
    string? Remembered,
    string? Refusal,
    IReadOnlyDictionary<string, string> Properties)
{
    /// <summary>The run changed nothing: the machine's products and values as they were.</summary>
    public static WindowsOutcome Unchanged(int exitCode, WindowsMachine machine, string refusal, IReadOnlyDictionary<string, string>? properties = null) =>
        new(exitCode, false, machine.Package is null ? 0 : 1, machine.Partner, machine.Remembered, refusal, properties ?? new Dictionary<string, string>());

    /// <summary>The same end state, whatever properties were on the way.</summary>
    public bool EndsLike(WindowsOutcome other) =>
        (this.ExitCode, this.Maintenance, this.Products, this.Partner, this.Remembered, this.Refusal)
        == (other.ExitCode, other.Maintenance, other.Products, other.Partner, other.Remembered, other.Refusal);
}
