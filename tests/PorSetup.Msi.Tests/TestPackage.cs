// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Testing;

namespace PorSetup.Msi.Tests;

/// <summary>Builds small packages with wixl, shaped like PorSetup's (a registry value written from PARTNERID).</summary>
internal static class TestPackage
{
    public const string UpgradeCode = "{6C1D2E4B-8F0A-4B7E-9C61-2D6C0F3A1B99}";

    /// <summary>Builds a package; <paramref name="payloadBytes"/> &gt; 0 embeds a random file of that size in a cabinet.</summary>
    public static string Build(ScratchDirectory scratch, string? partnerId = null, int payloadBytes = 0)
    {
        var payload = "";
        if (payloadBytes > 0)
        {
            var data = new byte[payloadBytes];
            new Random(1234).NextBytes(data);
            File.WriteAllBytes(scratch.File("payload.bin"), data);
            payload = """
                <Directory Id="ProgramFiles64Folder"><Directory Id="INSTALLDIR" Name="PorSetupTest">
                  <Component Id="Payload" Guid="0D7C1B6E-2F4A-4C39-9A51-7E3B2C1D0F66" Win64="yes">
                    <File Id="PayloadFile" Name="payload.bin" Source="payload.bin" KeyPath="yes" />
                  </Component>
                </Directory></Directory>
                """;
        }

        var property = partnerId is null ? "" : $"""<Property Id="PARTNERID" Value="{partnerId}" />""";
        var payloadRef = payloadBytes > 0 ? """<ComponentRef Id="Payload" />""" : "";
        var wxs = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
              <Product Id="*" Name="PorSetup Test" Language="1033" Codepage="1252" Version="1.0.0" Manufacturer="PorSetup"
                       UpgradeCode="{UpgradeCode}">
                <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine" Description="PorSetup.Msi test package" />
                <Media Id="1" Cabinet="payload.cab" EmbedCab="yes" />
                {property}
                <Directory Id="TARGETDIR" Name="SourceDir">
                  <Component Id="PartnerReg" Guid="3B0C8D3E-5A7E-4E7F-8E7A-1A2B3C4D5E98" Win64="yes">
                    <RegistryKey Root="HKLM" Key="SOFTWARE\PorSetupTest">
                      <RegistryValue Type="string" Name="Partner" Value="[PARTNERID]" KeyPath="yes" />
                    </RegistryKey>
                  </Component>
                  {payload}
                </Directory>
                <Feature Id="Main" Level="1"><ComponentRef Id="PartnerReg" />{payloadRef}</Feature>
              </Product>
            </Wix>
            """;
        var source = scratch.File("test.wxs");
        File.WriteAllText(source, wxs);
        var msi = scratch.File("test.msi");
        // wixl resolves File/@Source against the working directory and rejects absolute paths.
        var wixl = Tool.Run("wixl", ["-a", "x64", "-o", msi, source], workingDirectory: scratch.Path);
        Assert.True(wixl.ExitCode == 0, $"wixl exited with {wixl.ExitCode}: {wixl.StandardError}");
        return msi;
    }
}
