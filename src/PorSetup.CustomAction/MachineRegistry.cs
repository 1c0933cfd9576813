// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction;

/// <summary>
/// The real <see cref="IMachineRegistry"/>. Every key is opened with KEY_WOW64_64KEY so that a write lands where
/// the package's Win64 component writes, not under WOW6432Node, whatever the bitness of the calling process.
/// </summary>
internal sealed unsafe class MachineRegistry : IMachineRegistry
{
    public RegistryData? GetValue(string subKey, string name)
    {
        var key = OpenKey(subKey, NativeMethods.KeyQueryValue);
        if (key == 0)
        {
            return null;
        }

        try
        {
            // The size first, then the data; a value that grew in between is read again.
            while (true)
            {
                uint length = 0;
                var result = NativeMethods.RegQueryValueEx(key, name, 0, out _, null, ref length);
                if (result == NativeMethods.ErrorFileNotFound)
                {
                    return null;
                }

                if (result != NativeMethods.ErrorSuccess)
                {
                    throw new Win32CallException("RegQueryValueExW", result);
                }

                var data = new byte[length];
                fixed (byte* buffer = data)
                {
                    result = NativeMethods.RegQueryValueEx(key, name, 0, out var type, buffer, ref length);
                    if (result == NativeMethods.ErrorSuccess)
                    {
                        return RegistryData.FromRegistry(type, data.AsSpan(0, (int)length).ToArray());
                    }
                }

                if (result != NativeMethods.ErrorMoreData)
                {
                    throw new Win32CallException("RegQueryValueExW", result);
                }
            }
        }
        finally
        {
            _ = NativeMethods.RegCloseKey(key);
        }
    }

    public void SetValue(string subKey, string name, RegistryData value)
    {
        var result = NativeMethods.RegCreateKeyEx(
            NativeMethods.HkeyLocalMachine,
            subKey,
            0,
            null,
            NativeMethods.RegOptionNonVolatile,
            NativeMethods.KeySetValue | NativeMethods.KeyWow6464Key,
            0,
            out var key,
            0);
        if (result != NativeMethods.ErrorSuccess)
        {
            throw new Win32CallException("RegCreateKeyExW", result);
        }

        try
        {
            fixed (byte* data = value.Bytes)
            {
                result = NativeMethods.RegSetValueEx(key, name, 0, value.Type, data, checked((uint)value.Bytes.Length));
            }

            if (result != NativeMethods.ErrorSuccess)
            {
                throw new Win32CallException("RegSetValueExW", result);
            }
        }
        finally
        {
            _ = NativeMethods.RegCloseKey(key);
        }
    }

    public bool DeleteValue(string subKey, string name)
    {
        var key = OpenKey(subKey, NativeMethods.KeySetValue);
        if (key == 0)
        {
            return false;
        }

        try
        {
            var result = NativeMethods.RegDeleteValue(key, name);
            if (result == NativeMethods.ErrorFileNotFound)
            {
                return false;
            }

            if (result != NativeMethods.ErrorSuccess)
            {
                throw new Win32CallException("RegDeleteValueW", result);
            }

            return true;
        }
        finally
        {
            _ = NativeMethods.RegCloseKey(key);
        }
    }

    // HKLM\subKey in the 64-bit view, opened for the access given; 0 when the key is not there.
    private static nint OpenKey(string subKey, uint access)
    {
        var result = NativeMethods.RegOpenKeyEx(NativeMethods.HkeyLocalMachine, subKey, 0, access | NativeMethods.KeyWow6464Key, out var key);
        if (result == NativeMethods.ErrorFileNotFound)
        {
            return 0;
        }

        return result == NativeMethods.ErrorSuccess ? key : throw new Win32CallException("RegOpenKeyExW", result);
    }
}
