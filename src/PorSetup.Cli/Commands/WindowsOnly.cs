// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli.Commands;

/// <summary>status and remove read msi.dll and the Windows registry: elsewhere they say so and stop with the command-line error code.</summary>
internal static class WindowsOnly
{
    public static int Refuse(TextWriter error, string command)
    {
        error.WriteLine(CliLanguage.Current == MessageLanguage.French
            ? $"porsetup {command} ne fonctionne que sous Windows : il lit Windows Installer (msi.dll) et le Registre Windows. Lancez porsetup.exe sur le serveur."
            : $"porsetup {command} runs on Windows only: it reads Windows Installer (msi.dll) and the Windows registry. Run porsetup.exe on the server.");
        return ExitCodes.Usage;
    }
}
