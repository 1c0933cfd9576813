// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction;

/// <summary>The real session: an MSI install handle, as passed to a type-1 (DLL) custom action.</summary>
internal sealed unsafe class MsiSession(nint install) : ISession
{
    // The record's field 0 is a format template that MsiProcessMessage expands ([Property], [1], ...): it is
    // fixed, and the text goes in field 1. Field values are formatted too once inserted (see FormattedText), so
    // the text is escaped as well.
    private const string Template = "[1]";

    public string this[string name]
    {
        get
        {
            // Ask for the length first, then read; loop in case another thread changed the value meanwhile.
            char empty = '\0';
            uint length = 0;
            var result = NativeMethods.MsiGetProperty(install, name, &empty, ref length);
            while (result == NativeMethods.ErrorMoreData)
            {
                length++;
                var buffer = new char[length];
                fixed (char* text = buffer)
                {
                    result = NativeMethods.MsiGetProperty(install, name, text, ref length);
                    if (result == NativeMethods.ErrorSuccess)
                    {
                        return new string(text, 0, (int)length);
                    }
                }
            }

            return result == NativeMethods.ErrorSuccess
                ? string.Empty
                : throw new Win32Exception("MsiGetPropertyW", result);
        }

        set
        {
            var result = NativeMethods.MsiSetProperty(install, name, value);
            if (result != NativeMethods.ErrorSuccess)
            {
                throw new Win32Exception("MsiSetPropertyW", result);
            }
        }
    }

    public string CustomActionData => this["CustomActionData"];

    public int Message(InstallMessage kind, string text)
    {
        var record = NativeMethods.MsiCreateRecord(1);
        if (record == 0)
        {
            throw new Win32Exception("MsiCreateRecord", 0);
        }

        try
        {
            SetField(record, 0, Template);
            SetField(record, 1, FormattedText.Escape(text));
            var type = kind == InstallMessage.Error ? (int)kind | NativeMethods.MessageBoxIconError : (int)kind;
            return NativeMethods.MsiProcessMessage(install, type, record);
        }
        finally
        {
            _ = NativeMethods.MsiCloseHandle(record);
        }
    }

    private static void SetField(nint record, uint field, string value)
    {
        var result = NativeMethods.MsiRecordSetString(record, field, value);
        if (result != NativeMethods.ErrorSuccess)
        {
            throw new Win32Exception("MsiRecordSetStringW", result);
        }
    }
}
