// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;

namespace PorSetup.CustomAction;

/// <summary>
/// A Windows function (msi.dll, advapi32) failed; <see cref="ErrorCode"/> is the Win32 code it returned.
/// (System.ComponentModel.Win32Exception reads the message from the system, which a trimmed NativeAOT build
/// without resources cannot do; this one names the function instead.)
/// </summary>
public sealed class Win32CallException : Exception
{
    public Win32CallException()
    {
    }

    public Win32CallException(string message)
        : base(message)
    {
    }

    public Win32CallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Win32CallException(string function, uint errorCode)
        : base(string.Create(CultureInfo.InvariantCulture, $"{function} failed with Win32 error {errorCode}."))
    {
        ErrorCode = errorCode;
    }

    public uint ErrorCode { get; }
}
