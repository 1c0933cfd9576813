// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction.Remote;

/// <summary>
/// The real session: every call goes over the pipe to the proxy DLL, which makes it on the MSI handle msiexec gave
/// it (MsiGetPropertyW, MsiSetPropertyW, MsiProcessMessage). Errors come back as the Win32 codes those returned.
/// </summary>
internal sealed class ProxySession(ProxyChannel channel) : ISession
{
    // MB_ICONERROR: the installer shows INSTALLMESSAGE_ERROR messages with the error icon.
    private const int MessageBoxIconError = 0x10;

    // The record's field 0 is a format template that MsiProcessMessage expands ([Property], [1], ...): it is
    // fixed, and the text goes in field 1. Field values are formatted too once inserted (see FormattedText), so
    // the text is escaped as well.
    private const string Template = "[1]";

    public string this[string name]
    {
        get
        {
            var reply = channel.Call(new FrameWriter().UInt32((uint)ProxyOperation.GetProperty).String(name));
            var result = reply.UInt32();
            var value = reply.String();
            reply.End();
            return result == 0 ? value : throw new Win32CallException("MsiGetPropertyW", result);
        }

        set
        {
            var reply = channel.Call(new FrameWriter().UInt32((uint)ProxyOperation.SetProperty).String(name).String(value));
            var result = reply.UInt32();
            reply.End();
            if (result != 0)
            {
                throw new Win32CallException("MsiSetPropertyW", result);
            }
        }
    }

    public string CustomActionData => this["CustomActionData"];

    public int Message(InstallMessage kind, string text)
    {
        var type = kind == InstallMessage.Error ? (int)kind | MessageBoxIconError : (int)kind;
        var reply = channel.Call(new FrameWriter()
            .UInt32((uint)ProxyOperation.ProcessMessage)
            .Int32(type)
            .UInt32(2)
            .String(Template)
            .String(FormattedText.Escape(text)));
        var recordResult = reply.UInt32();
        var answer = reply.Int32();
        reply.End();
        return recordResult == 0 ? answer : throw new Win32CallException("MsiCreateRecord/MsiRecordSetStringW", recordResult);
    }
}
