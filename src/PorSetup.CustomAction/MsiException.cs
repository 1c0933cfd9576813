// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;

namespace PorSetup.CustomAction;

/// <summary>An msi.dll function failed; <see cref="ErrorCode"/> is the Win32 code it returned.</summary>
public sealed class MsiException : Exception
{
    public MsiException()
    {
    }

    public MsiException(string message)
        : base(message)
    {
    }

    public MsiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MsiException(string function, uint errorCode)
        : base(string.Create(CultureInfo.InvariantCulture, $"{function} failed with error {errorCode}."))
    {
        ErrorCode = errorCode;
    }

    public uint ErrorCode { get; }
}
