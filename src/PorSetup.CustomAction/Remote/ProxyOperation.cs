// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction.Remote;

/// <summary>
/// What the worker asks of the proxy, which holds the MSI handle. The numbers are the protocol's: they are
/// shared with Native/Proxy.c (see <see cref="ProxyChannel"/> for the frames).
/// </summary>
internal enum ProxyOperation : uint
{
    /// <summary>Request: the name. Reply: MsiGetPropertyW's result, then the value.</summary>
    GetProperty = 1,

    /// <summary>Request: the name, then the value. Reply: MsiSetPropertyW's result.</summary>
    SetProperty = 2,

    /// <summary>
    /// Request: the message type (INSTALLMESSAGE_* and MB_* flags), the field count, then the record's fields from
    /// field 0 (the template). Reply: the result of building the record (0 or a Win32 error), then MsiProcessMessage's.
    /// </summary>
    ProcessMessage = 3,
}
