// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;

namespace PorSetup.CustomAction;

/// <summary>A registry function failed; <see cref="ErrorCode"/> is the Win32 code it returned.</summary>
public sealed class RegistryException : Exception
{
    public RegistryException()
    {
    }

    public RegistryException(string message)
        : base(message)
    {
    }

    public RegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RegistryException(string function, uint errorCode)
        : base(string.Create(CultureInfo.InvariantCulture, $"{function} failed with Win32 error {errorCode}."))
    {
        ErrorCode = errorCode;
    }

    public uint ErrorCode { get; }
}
