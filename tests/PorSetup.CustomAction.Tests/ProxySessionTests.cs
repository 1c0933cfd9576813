// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.CustomAction;
using PorSetup.CustomAction.Remote;
using static PorSetup.CustomAction.Tests.WireFrames;

namespace PorSetup.CustomAction.Tests;

/// <summary>
/// The worker's side of the proxy protocol: what it sends for each session call, byte for byte, and what it makes of
/// the replies. The proxy's end is two memory streams: the scripted replies to read, and what the worker wrote.
/// </summary>
public sealed class ProxySessionTests : IDisposable
{
    private const uint GetProperty = 1;
    private const uint SetProperty = 2;
    private const uint ProcessMessage = 3;

    private readonly MemoryStream toProxy = new();

    [Fact]
    public void ReadActionName_ReadsTheFirstFrame()
    {
        var channel = Channel(Frame("DecidePartnerId"));

        Assert.Equal("DecidePartnerId", channel.ReadActionName());
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("")]
    [InlineData("１２３４５６７ 𝟙 é")] // full-width digits, a character outside the BMP (a surrogate pair), an accent
    public void GetProperty_SendsTheName_AndReturnsTheValue(string value)
    {
        var session = Session(Frame(0u, value));

        var read = session["PARTNERID"];

        Assert.Equal(value, read);
        Assert.Equal([Body(GetProperty, "PARTNERID")], Split(toProxy.ToArray()));
    }

    [Fact]
    public void GetProperty_Refused_ThrowsWithTheWin32Error()
    {
        var session = Session(Frame(6u, string.Empty));

        var exception = Assert.Throws<Win32CallException>(() => session["PARTNERID"]);

        Assert.Equal(6u, exception.ErrorCode);
        Assert.Equal("MsiGetPropertyW failed with Win32 error 6.", exception.Message);
    }

    [Fact]
    public void SetProperty_SendsTheNameAndTheValue()
    {
        var session = Session(Frame(0u));

        session["PARTNERID"] = "1234567";

        Assert.Equal([Body(SetProperty, "PARTNERID", "1234567")], Split(toProxy.ToArray()));
    }

    [Fact]
    public void SetProperty_Refused_ThrowsWithTheWin32Error()
    {
        var session = Session(Frame(1627u));

        var exception = Assert.Throws<Win32CallException>(() => session["PARTNERID"] = "1234567");

        Assert.Equal("MsiSetPropertyW failed with Win32 error 1627.", exception.Message);
    }

    [Fact]
    public void CustomActionData_ReadsThePropertyOfThatName()
    {
        var session = Session(Frame(0u, "1111111"));

        Assert.Equal("1111111", session.CustomActionData);
        Assert.Equal([Body(GetProperty, "CustomActionData")], Split(toProxy.ToArray()));
    }

    [Fact]
    public void Log_SendsAnInfoRecord_WithAFixedTemplate_AndTheTextEscaped()
    {
        var session = Session(Frame(0u, 1));

        session.Log("PARTNERID [ProductCode] {x}");

        // INSTALLMESSAGE_INFO; field 0 the template "[1]", field 1 the text with [ ] { } escaped.
        Assert.Equal([Body(ProcessMessage, 0x04000000, 2u, "[1]", @"PARTNERID [\[]ProductCode[\]] [\{]x[\}]")], Split(toProxy.ToArray()));
    }

    [Fact]
    public void Error_SendsAnErrorRecord_WithTheErrorIcon_AndReturnsTheAnswer()
    {
        var session = Session(Frame(0u, 2));

        var answer = session.Message(InstallMessage.Error, "POR1002");

        Assert.Equal(2, answer);
        // INSTALLMESSAGE_ERROR | MB_ICONERROR.
        Assert.Equal([Body(ProcessMessage, 0x01000010, 2u, "[1]", "POR1002")], Split(toProxy.ToArray()));
    }

    [Fact]
    public void Message_RecordNotBuilt_ThrowsWithTheWin32Error()
    {
        var session = Session(Frame(8u, 0));

        var exception = Assert.Throws<Win32CallException>(() => session.Log("a line"));

        Assert.Equal(8u, exception.ErrorCode);
    }

    [Fact]
    public void ProxyClosedThePipe_Throws()
    {
        var session = Session();

        var exception = Assert.Throws<IOException>(() => session["PARTNERID"]);

        Assert.Equal("The custom action proxy closed the pipe.", exception.Message);
    }

    [Fact]
    public void ReplyWithBytesLeftOver_Throws()
    {
        var session = Session(Frame(0u, "1234567", 0u));

        Assert.Throws<InvalidDataException>(() => session["PARTNERID"]);
    }

    [Fact]
    public void ReplyCutShort_Throws()
    {
        var session = Session(Frame(0u));

        Assert.Throws<InvalidDataException>(() => session["PARTNERID"]);
    }

    [Fact]
    public void StringLongerThanItsFrame_Throws()
    {
        // A count of 1000 characters in a frame with 4 bytes after it.
        var session = Session(Frame(0u, 1000u, 0u));

        Assert.Throws<InvalidDataException>(() => session["PARTNERID"]);
    }

    [Fact]
    public void FrameLongerThanTheLimit_IsRefusedBeforeItIsRead()
    {
        var header = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header, ProxyChannel.MaxFrameLength + 1u);
        var session = Session(header);

        var exception = Assert.Throws<InvalidDataException>(() => session["PARTNERID"]);

        Assert.Contains($"{ProxyChannel.MaxFrameLength + 1}", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => toProxy.Dispose();

    private ProxyChannel Channel(params byte[][] replies) => new(new MemoryStream([.. replies.SelectMany(r => r)]), toProxy);

    private ProxySession Session(params byte[][] replies) => new(Channel(replies));
}
