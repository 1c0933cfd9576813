@echo off
rem Copyright (c) PorSetup contributors. MIT licensed.
rem Windows Server Essentials runs C:\Windows\Setup\Scripts\PostIC.cmd after Initial Configuration. Its rules:
rem the code runs silently, does not restart the server, finishes within three minutes, and returns 0 on success;
rem any other code is a failure, and then C:\Windows\Setup\Scripts\SetupFailure.cmd runs, if present.
rem Copy this file, Install-PorSetup.cmd and PorSetup.msi to C:\Windows\Setup\Scripts on the reference computer
rem and put your Partner ID in place of REPLACE-WITH-YOUR-PARTNER-ID below. While the placeholder is there,
rem nothing is installed and this script returns 87. Logs: %WINDIR%\Logs\PorSetup\PostIC*.log.
rem Already have a PostIC.cmd? Do not replace it: copy the three lines below (set, call, if) into yours, with
rem your ID in the first; the "call" line alone has no ID and stops with 87. The "if" line passes a failure on.
set "PORSETUP_PARTNERID=REPLACE-WITH-YOUR-PARTNER-ID"
call "%~dp0Install-PorSetup.cmd" "%PORSETUP_PARTNERID%" PostIC
if not "%PORSETUP_RESULT%"=="0" exit /b %PORSETUP_RESULT%
exit /b 0
