// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.CustomAction;

namespace PorSetup.CustomAction.Tests;

/// <summary>
/// The ID an install, repair or upgrade writes: the given one; else, when PorSetup is installed or being upgraded, the
/// Partner value if it follows the rule, or the installed ID put back in place of a missing or broken value.
/// </summary>
public sealed class DecidePartnerIdActionTests
{
    private const string Key = PartnerRegistryValue.Key;
    private const string Name = PartnerRegistryValue.Name;
    private const string Installed = "1111111";

    [Fact]
    public void AValidValue_IsKept_AndNothingNeedsWriting()
    {
        var (session, registry) = Keeping(RegistryData.FromString(Installed), Installed);

        var result = Run(session, registry);

        Assert.Equal(ActionResult.Success, result);
        Assert.Equal(Installed, session.Properties[PackageProperties.PartnerId]);
        Assert.Equal(string.Empty, session.Properties[PackageProperties.WritePartnerId]);
        Assert.Contains("PorSetup: keeping the Partner value 1111111", session.LogLines.Select(m => m.Text));
    }

    [Fact]
    public void AValidValueSetByHandSince_IsKept_AndLoggedAsSuch()
    {
        var (session, registry) = Keeping(RegistryData.FromString("2222222"), Installed);

        var result = Run(session, registry);

        Assert.Equal(ActionResult.Success, result);
        Assert.Equal("2222222", session.Properties[PackageProperties.PartnerId]);
        Assert.Contains(
            "PorSetup: keeping the Partner value 2222222, set since PorSetup installed 1111111 (a valid value is never changed)",
            session.LogLines.Select(m => m.Text));

        // The installed ID becomes the kept one: written, so that PorSetup's key says what the server holds.
        Assert.Equal("1", session.Properties[PackageProperties.WritePartnerId]);
    }

    [Fact]
    public void AMissingValue_GetsTheInstalledIdBack()
    {
        var (session, registry) = Keeping(null, Installed);

        var result = Run(session, registry);

        Assert.Equal(ActionResult.Success, result);
        Assert.Equal(Installed, session.Properties[PackageProperties.PartnerId]);
        Assert.Equal("1", session.Properties[PackageProperties.WritePartnerId]);
        Assert.Contains("PorSetup: the Partner value is missing; putting back the ID PorSetup installed: 1111111", session.LogLines.Select(m => m.Text));
        Assert.Empty(session.Errors);
    }

    [Theory]
    [InlineData("12345a7", "\"12345a7\"")]
    [InlineData("", "\"\"")]
    [InlineData("#1234567", "\"#1234567\"")]
    public void AStringThatBreaksTheRule_IsReplacedByTheInstalledId(string value, string shown)
    {
        var (session, registry) = Keeping(RegistryData.FromString(value), Installed);

        var result = Run(session, registry);

        Assert.Equal(ActionResult.Success, result);
        Assert.Equal(Installed, session.Properties[PackageProperties.PartnerId]);
        Assert.Equal("1", session.Properties[PackageProperties.WritePartnerId]);
        Assert.Contains($"PorSetup: the Partner value {shown} is not a valid ID; putting back the ID PorSetup installed: 1111111", session.LogLines.Select(m => m.Text));
    }

    [Fact]
    public void AValueOfAnotherType_IsReplacedByTheInstalledId_EvenIfItsDigitsFollowTheRule()
    {
        var (session, registry) = Keeping(RegistryData.FromRegistry(RegistryData.RegDword, BitConverter.GetBytes(1234567)), Installed);

        Run(session, registry);

        Assert.Equal(Installed, session.Properties[PackageProperties.PartnerId]);
        Assert.Contains("PorSetup: the Partner value \"REG_DWORD 1234567\" is not a valid ID; putting back the ID PorSetup installed: 1111111", session.LogLines.Select(m => m.Text));
    }

    [Fact]
    public void AValidValueWithSpaces_IsKeptNormalized_AndRewritten()
    {
        var (session, registry) = Keeping(RegistryData.FromString(" 1111111 "), Installed);

        Run(session, registry);

        Assert.Equal(Installed, session.Properties[PackageProperties.PartnerId]);
        Assert.Equal("1", session.Properties[PackageProperties.WritePartnerId]);
    }

    [Fact]
    public void NoValueAndNoInstalledId_IsRefused_SayingWhy()
    {
        // An upgrade of a PorSetup installed before InstalledPartner existed, whose Partner value was deleted.
        var (session, registry) = Keeping(null, string.Empty);

        var result = Run(session, registry);

        Assert.Equal(ActionResult.Failure, result);
        Assert.StartsWith(PartnerIdMessages.MissingCode, session.Errors.Single().Text, StringComparison.Ordinal);
        Assert.Contains(
            "PorSetup: the Partner value is missing and PorSetup's key holds no installed ID (InstalledPartner) to put back: give PARTNERID.",
            session.LogLines.Select(m => m.Text));
    }

    [Fact]
    public void AnInstalledIdThatBreaksTheRule_IsRefused()
    {
        var (session, registry) = Keeping(null, "12345a7");

        var result = Run(session, registry);

        Assert.Equal(ActionResult.Failure, result);
        Assert.StartsWith(PartnerIdMessages.NotADigitCode, session.Errors.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AGivenPartnerId_Wins_OverTheValueAndTheInstalledId()
    {
        var (session, registry) = Keeping(null, Installed);
        session.Properties[PackageProperties.PartnerId] = "7654321";

        var result = Run(session, registry);

        Assert.Equal(ActionResult.Success, result);
        Assert.Equal("7654321", session.Properties[PackageProperties.PartnerId]);
        Assert.Equal("1", session.Properties[PackageProperties.WritePartnerId]);
        Assert.DoesNotContain(session.LogLines, m => m.Text.Contains("putting back", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutKeepPartnerId_NothingIsKept_AndAMissingIdIsRefused()
    {
        // A first install: a valid value set by hand before PorSetup is not adopted as the ID.
        var registry = new FakeMachineRegistry();
        registry.SetValue(Key, Name, RegistryData.FromString("2222222"));
        var session = new FakeSession();
        session.Properties[PackageProperties.InstalledPartner] = Installed;

        var result = Run(session, registry);

        Assert.Equal(ActionResult.Failure, result);
        Assert.StartsWith(PartnerIdMessages.MissingCode, session.Errors.Single().Text, StringComparison.Ordinal);
        Assert.Equal("2222222", session.Properties[PackageProperties.PartnerBeforeThisRun]);
    }

    [Fact]
    public void TheValueBeforeThisRun_IsRecordedInTheRememberedForm()
    {
        var (session, registry) = Keeping(RegistryData.FromString("#12 345 Contoso"), Installed);

        Run(session, registry);

        Assert.Equal("##12 345 Contoso", session.Properties[PackageProperties.PartnerBeforeThisRun]);
    }

    [Fact]
    public void ARegistryThatRefuses_FailsBeforeDecidingAnything()
    {
        var (session, _) = Keeping(null, Installed);
        var registry = new FakeMachineRegistry { ThrowOnCall = new Win32CallException("RegOpenKeyExW", 5) };

        var result = Run(session, registry);

        Assert.Equal(ActionResult.Failure, result);
        Assert.False(session.Properties.ContainsKey(PackageProperties.PartnerId));
    }

    [Fact]
    public void TheLog_IsFrench_InTheFrenchPackage()
    {
        var (session, registry) = Keeping(null, Installed);
        session.Properties[ActionLanguage.ProductLanguageProperty] = "1036";

        Run(session, registry);

        Assert.Contains("PorSetup : la valeur Partner est absente ; l'ID installé par PorSetup est remis : 1111111", session.LogLines.Select(m => m.Text));
    }

    private static (FakeSession Session, FakeMachineRegistry Registry) Keeping(RegistryData? value, string installed)
    {
        var registry = new FakeMachineRegistry();
        if (value is not null)
        {
            registry.SetValue(Key, Name, value);
        }

        var session = new FakeSession();
        session.Properties[PackageProperties.KeepPartnerId] = "1";
        session.Properties[PackageProperties.InstalledPartner] = installed;
        return (session, registry);
    }

    private static ActionResult Run(FakeSession session, FakeMachineRegistry registry) =>
        new DecidePartnerIdAction(session, registry, static () => 1033).Run();
}
