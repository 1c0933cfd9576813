// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text.Json;
using System.Xml.Linq;
using PorSetup.Cli.Commands;
using PorSetup.Cli.Server;
using PorSetup.Testing;

namespace PorSetup.Cli.Tests;

/// <summary>
/// `porsetup status`'s verdict, sentences and JSON for a server's state, on any system (the state is read on Windows
/// only: StatusCommandTests in the end-to-end tests read it from a real install under Wine).
/// </summary>
public sealed class StatusVerdictTests
{
    private static readonly InstalledProduct Product = new("{11111111-2222-3333-4444-555555555555}", "1.0.0", "PorSetup.msi", [], null);

    [Theory]
    [InlineData(null, null, "1234567", StatusVerdict.ValueMissing, ExitCodes.PartnerMissing)]
    [InlineData("REG_SZ", "1234567", "1234567", StatusVerdict.Ok, ExitCodes.Success)]
    [InlineData("REG_SZ", "1234567", null, StatusVerdict.Ok, ExitCodes.Success)]
    [InlineData("REG_SZ", "7654321", "1234567", StatusVerdict.ValueDiffers, ExitCodes.PartnerDiffers)]
    [InlineData("REG_DWORD", "1234567", "1234567", StatusVerdict.WrongType, ExitCodes.PartnerWrongType)]
    [InlineData("REG_EXPAND_SZ", "1234567", "1234567", StatusVerdict.WrongType, ExitCodes.PartnerWrongType)]
    [InlineData("REG_SZ", "12345a7", "1234567", StatusVerdict.InvalidId, ExitCodes.PartnerInvalid)]
    [InlineData("REG_SZ", " 1234567", "1234567", StatusVerdict.InvalidId, ExitCodes.PartnerInvalid)]
    [InlineData("REG_SZ", "", "1234567", StatusVerdict.InvalidId, ExitCodes.PartnerInvalid)]
    public void AServerWithPorSetup_GetsTheVerdictOfItsValue(string? type, string? data, string? installed, StatusVerdict expected, int exitCode)
    {
        var state = State(type is null ? null : new RegistryValueState(type, data!), installed, [Product]);

        var verdict = StatusVerdicts.Judge(state);

        Assert.Equal(expected, verdict);
        Assert.Equal(exitCode, verdict.ExitCode());
    }

    [Fact]
    public void AServerWithoutPorSetup_IsNoPorSetup_WhateverItsValue()
    {
        var verdict = StatusVerdicts.Judge(State(new RegistryValueState("REG_SZ", "1234567"), "1234567", []));

        Assert.Equal(StatusVerdict.NoPorSetup, verdict);
        Assert.Equal(ExitCodes.NoPorSetup, verdict.ExitCode());
    }

    [Fact]
    public void EveryVerdict_HasItsOwnExitCode_AndName()
    {
        var verdicts = Enum.GetValues<StatusVerdict>();

        Assert.Equal(verdicts.Length, verdicts.Select(v => v.ExitCode()).Distinct().Count());
        Assert.Equal(verdicts.Length, verdicts.Select(v => v.Name()).Distinct().Count());
        Assert.All(verdicts, v => Assert.Contains(v.ExitCode(), ExitCodes.For(StatusCommand.Name)));
    }

    [Fact]
    public void TheReport_EndsWithTheVerdictLine_InEnglishAndFrench()
    {
        var state = State(new RegistryValueState("REG_SZ", "7654321"), "1234567", [Product with { Transforms = ["PartnerId-1234567.mst"] }], previous: "7777777");
        var verdict = StatusVerdicts.Judge(state);

        var english = StatusSentences.Lines(state, verdict, MessageLanguage.English).ToList();
        var french = StatusSentences.Lines(state, verdict, MessageLanguage.French).ToList();

        Assert.Equal("Verdict: value-differs: the Partner value is 7654321, but PorSetup installed 1234567.", english[^1]);
        Assert.Equal("Verdict : value-differs : la valeur Partner est 7654321, mais PorSetup a installé 1234567.", french[^1]);
        Assert.Contains(english, l => l.Contains("transforms: PartnerId-1234567.mst", StringComparison.Ordinal));
        Assert.Contains(english, l => l.Contains("puts back 7777777", StringComparison.Ordinal));
        Assert.Contains(french, l => l.Contains("remet 7777777", StringComparison.Ordinal));
        Assert.Equal(english.Count, french.Count);
    }

    [Fact]
    public void APreviousValueOfAnotherType_IsShownInTheFormPorSetupRemembersIt()
    {
        var state = State(new RegistryValueState("REG_SZ", "1234567"), "1234567", [Product], previous: "#1234567");

        var lines = StatusSentences.Lines(state, StatusVerdicts.Judge(state), MessageLanguage.English);

        Assert.Contains(lines, l => l.EndsWith(@"puts back #1234567 (HKLM\SOFTWARE\PorSetup PreviousPartner, Windows Installer's form of a value that is not a plain string)", StringComparison.Ordinal));
    }

    [Fact]
    public void TheJson_CarriesTheVerdictTheValueAndTheProducts()
    {
        var state = State(new RegistryValueState("REG_DWORD", "1234567"), "1234567", [Product], previous: null);

        using var json = JsonDocument.Parse(StatusDocument.Of(state, StatusVerdicts.Judge(state), MessageLanguage.French).ToJson());
        var root = json.RootElement;

        Assert.Equal("wrong-type", root.GetProperty("verdict").GetString());
        Assert.Equal(ExitCodes.PartnerWrongType, root.GetProperty("exitCode").GetInt32());
        Assert.Equal("REG_DWORD", root.GetProperty("partner").GetProperty("type").GetString());
        Assert.Equal("1234567", root.GetProperty("installedPartner").GetString());
        Assert.Equal("delete", root.GetProperty("lastUninstall").GetProperty("action").GetString());
        Assert.Equal(Product.ProductCode, root.GetProperty("products")[0].GetProperty("productCode").GetString());
        Assert.StartsWith("la valeur Partner est de type REG_DWORD", root.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheUpgradeCode_IsThePackages()
    {
        var package = XDocument.Load(Path.Combine(RepositoryRoot.Path, "installer", "Package.wxs"));
        var upgradeCode = package.Descendants().Single(e => e.Name.LocalName == "Package").Attribute("UpgradeCode")!.Value;

        Assert.Equal(PorSetupProducts.UpgradeCode, $"{{{upgradeCode}}}");
    }

    private static ServerState State(RegistryValueState? partner, string? installed, IReadOnlyList<InstalledProduct> products, string? previous = null) =>
        new(partner, installed is null ? null : new RegistryValueState("REG_SZ", installed), previous is null ? null : new RegistryValueState("REG_SZ", previous), products, GroupPolicyKnown: true);
}
