@echo off
rem Copyright (c) PorSetup contributors. MIT licensed.
rem Windows Setup runs C:\Windows\Setup\Scripts\SetupComplete.cmd as SYSTEM after setup completes (after sysprep),
rem before the logon screen appears. On Windows Server it runs whatever product key the image has (Microsoft's
rem OEM-key exclusion does not apply to Windows Server). Setup records that it ran it in
rem C:\Windows\Panther\UnattendGC\setupact.log and checks no exit code: PorSetup's own logs are in
rem %WINDIR%\Logs\PorSetup\SetupComplete*.log. Do not restart from this script.
rem Copy this file, Install-PorSetup.cmd and PorSetup.msi to C:\Windows\Setup\Scripts on the reference computer
rem and put your Partner ID in place of REPLACE-WITH-YOUR-PARTNER-ID below. While the placeholder is there,
rem nothing is installed and this script returns 87 (and logs why).
rem Already have a SetupComplete.cmd? Do not replace it: copy the two lines below (set, call) into yours, with
rem your ID in the first; the "call" line alone has no ID and stops with 87.
set "PORSETUP_PARTNERID=REPLACE-WITH-YOUR-PARTNER-ID"
call "%~dp0Install-PorSetup.cmd" "%PORSETUP_PARTNERID%" SetupComplete
exit /b %PORSETUP_RESULT%
