// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.CustomAction;

namespace PorSetup.CustomAction.Tests;

public class CheckPartnerIdActionTests
{
    private const int EnglishUs = 1033;
    private const int FrenchFrance = 1036;
    private const int FrenchCanada = 3084;
    private const int German = 1031;

    public static TheoryData<string, string> ValidIds => new()
    {
        { "1234567", "1234567" },
        { " 1234567 ", "1234567" },
        { "\t1234567\r\n", "1234567" },
        { "12345", "12345" },
        { "1234567890", "1234567890" },
        { "0000001", "0000001" },
    };

    public static TheoryData<string?, string> InvalidIds => new()
    {
        { null, PartnerIdMessages.MissingCode },
        { string.Empty, PartnerIdMessages.MissingCode },
        { "   ", PartnerIdMessages.MissingCode },
        { "\t\r\n", PartnerIdMessages.MissingCode },
        { "12345a7", PartnerIdMessages.NotADigitCode },
        { "12 34567", PartnerIdMessages.NotADigitCode },
        { "1234", PartnerIdMessages.LengthCode },
        { "12345678901", PartnerIdMessages.LengthCode },
        { "１２３４５６７", PartnerIdMessages.NotADigitCode },
        { "#1234567", PartnerIdMessages.NotADigitCode },
        { "[ProductCode]", PartnerIdMessages.NotADigitCode },
        { "1234567[~]", PartnerIdMessages.NotADigitCode },
        { "-1234567", PartnerIdMessages.NotADigitCode },
        { "+1234567", PartnerIdMessages.NotADigitCode },
        { "1234567.0", PartnerIdMessages.NotADigitCode },
        { new string('9', 300), PartnerIdMessages.LengthCode },
        { string.Concat(Enumerable.Repeat("1234567; ", 34)).Substring(0, 300), PartnerIdMessages.NotADigitCode },
        { "١٢٣٤٥٦٧", PartnerIdMessages.NotADigitCode },
        { "۱۲۳۴۵۶۷", PartnerIdMessages.NotADigitCode },
        { "123\t4567", PartnerIdMessages.NotADigitCode },
        { "123\n4567", PartnerIdMessages.NotADigitCode },
        { "1234567\0", PartnerIdMessages.NotADigitCode },
    };

    [Theory]
    [MemberData(nameof(ValidIds))]
    public void ValidId_Succeeds_AndStoresTheNormalizedId(string input, string normalized)
    {
        var session = SessionWith(input);

        var result = Run(session);

        Assert.Equal(ActionResult.Success, result);
        Assert.Equal(normalized, session.Properties[PackageProperties.PartnerId]);
        Assert.Empty(session.Errors);
        Assert.Equal([$"PorSetup: PARTNERID accepted: {normalized}"], session.LogLines.Select(m => m.Text));
    }

    [Fact]
    public void ValidId_AlreadyNormalized_IsNotRewritten()
    {
        var session = SessionWith("7654321");

        Run(session);

        Assert.Empty(session.PropertiesWritten);
    }

    [Fact]
    public void ValidId_WithSurroundingSpaces_IsWrittenBackOnce()
    {
        var session = SessionWith(" 7654321 ");

        Run(session);

        Assert.Equal([PackageProperties.PartnerId], session.PropertiesWritten);
    }

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void InvalidId_Fails_WithTheCodedMessage_AndLeavesPartnerIdAlone(string? input, string code)
    {
        var session = SessionWith(input);

        var result = Run(session);

        Assert.Equal(ActionResult.Failure, result);
        Assert.Empty(session.PropertiesWritten);
        Assert.Equal(input is not null, session.Properties.ContainsKey(PackageProperties.PartnerId));
        if (input is not null)
        {
            Assert.Equal(input, session.Properties[PackageProperties.PartnerId]);
        }

        var error = Assert.Single(session.Errors);
        Assert.StartsWith(code + ": ", error.Text, StringComparison.Ordinal);
        Assert.Equal(PartnerIdMessages.Refusal(PartnerId.Check(input), MessageLanguage.English), error.Text);
        Assert.Empty(session.LogLines);
    }

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void InvalidId_InAFrenchPackage_FailsInFrench(string? input, string code)
    {
        var session = SessionWith(input, productLanguage: "1036");

        var result = Run(session, systemUiLanguage: EnglishUs);

        Assert.Equal(ActionResult.Failure, result);
        var error = Assert.Single(session.Errors);
        Assert.StartsWith(code + ": ", error.Text, StringComparison.Ordinal);
        Assert.Equal(PartnerIdMessages.Refusal(PartnerId.Check(input), MessageLanguage.French), error.Text);
    }

    [Theory]
    [InlineData("[ProductCode]")]
    [InlineData("[1]")]
    [InlineData("{[%USERNAME]}")]
    public void InvalidId_WithMsiFormatting_IsShownLiterally(string input)
    {
        var session = SessionWith(input);

        Run(session);

        Assert.Contains($"\"{input}\"", Assert.Single(session.Errors).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidId_300Characters_IsShortenedInTheMessage()
    {
        var session = SessionWith(new string('9', 300));

        Run(session);

        var error = Assert.Single(session.Errors).Text;
        Assert.DoesNotContain(new string('9', 41), error, StringComparison.Ordinal);
        Assert.Contains("300", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1036", EnglishUs, MessageLanguage.French)]
    [InlineData("3084", EnglishUs, MessageLanguage.French)]
    [InlineData("1033", FrenchFrance, MessageLanguage.French)]
    [InlineData("1033", FrenchCanada, MessageLanguage.French)]
    [InlineData("", FrenchFrance, MessageLanguage.French)]
    [InlineData("not a number", FrenchFrance, MessageLanguage.French)]
    [InlineData("1033", EnglishUs, MessageLanguage.English)]
    [InlineData("1031", German, MessageLanguage.English)]
    [InlineData("", German, MessageLanguage.English)]
    [InlineData("-1036", German, MessageLanguage.English)]
    public void Language_IsTheProductsIfFrench_ElseTheSystemUis(string productLanguage, int systemUiLanguage, MessageLanguage expected)
    {
        var refused = SessionWith("12x4567", productLanguage);
        var accepted = SessionWith("1234567", productLanguage);

        Run(refused, systemUiLanguage);
        Run(accepted, systemUiLanguage);

        Assert.Equal(PartnerIdMessages.Refusal(PartnerId.Check("12x4567"), expected), Assert.Single(refused.Errors).Text);
        Assert.Equal(PartnerIdMessages.Accepted(PartnerId.Check("1234567"), expected), Assert.Single(accepted.LogLines).Text);
    }

    [Fact]
    public void Language_OfAFrenchPackage_DoesNotAskTheSystem()
    {
        var session = SessionWith("1234567", productLanguage: "1036");
        var action = new CheckPartnerIdAction(session, () => throw new InvalidOperationException("not expected"));

        Assert.Equal(ActionResult.Success, action.Run());
        Assert.Equal("PorSetup : PARTNERID accepté : 1234567", Assert.Single(session.LogLines).Text);
    }

    [Fact]
    public void ExceptionReadingAProperty_Fails_WithALogLine()
    {
        var session = SessionWith("1234567");
        session.ThrowOnGet = new InvalidOperationException("handle closed");

        var result = Run(session);

        Assert.Equal(ActionResult.Failure, result);
        var line = Assert.Single(session.LogLines).Text;
        Assert.Contains("DecidePartnerId failed unexpectedly", line, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: handle closed", line, StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public void ExceptionWritingTheProperty_Fails_WithALogLine()
    {
        var session = SessionWith(" 1234567 ");
        session.ThrowOnSet = new Win32CallException("MsiSetPropertyW", 6);

        var result = Run(session);

        Assert.Equal(ActionResult.Failure, result);
        Assert.Contains("Win32CallException: MsiSetPropertyW failed with Win32 error 6.", Assert.Single(session.LogLines).Text, StringComparison.Ordinal);
        Assert.Equal(" 1234567 ", session.Properties[PackageProperties.PartnerId]);
    }

    [Fact]
    public void ExceptionSendingTheError_StillFails_WithALogLine()
    {
        var session = SessionWith("bad");
        session.FailingMessageKind = InstallMessage.Error;
        session.ThrowOnMessage = new Win32CallException("MsiProcessMessage", 87);

        var result = Run(session);

        Assert.Equal(ActionResult.Failure, result);
        Assert.Contains("Win32CallException", Assert.Single(session.LogLines).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ExceptionFromEveryMessage_StillFails_WithoutThrowing()
    {
        var session = SessionWith("1234567");
        session.ThrowOnMessage = new InvalidOperationException("no log");

        var result = Run(session);

        Assert.Equal(ActionResult.Failure, result);
        Assert.Empty(session.Messages);
    }

    [Fact]
    public void ExceptionReadingTheSystemLanguage_Fails_WithALogLine()
    {
        var session = SessionWith("1234567");
        var action = new CheckPartnerIdAction(session, () => throw new EntryPointNotFoundException("GetUserDefaultUILanguage"));

        Assert.Equal(ActionResult.Failure, action.Run());
        Assert.Contains("EntryPointNotFoundException", Assert.Single(session.LogLines).Text, StringComparison.Ordinal);
    }

    private static FakeSession SessionWith(string? partnerId, string? productLanguage = "1033")
    {
        var session = new FakeSession();
        if (partnerId is not null)
        {
            session.Properties[PackageProperties.PartnerId] = partnerId;
        }

        if (productLanguage is not null)
        {
            session.Properties[ActionLanguage.ProductLanguageProperty] = productLanguage;
        }

        return session;
    }

    private static ActionResult Run(FakeSession session, int systemUiLanguage = EnglishUs) =>
        new CheckPartnerIdAction(session, () => systemUiLanguage).Run();
}
