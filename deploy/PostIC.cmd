@echo off
rem Copyright (c) PorSetup contributors. MIT licensed.
rem Windows Server Essentials runs C:\Windows\Setup\Scripts\PostIC.cmd after Initial Configuration: silently,
rem with no restart, within three minutes, and treats any exit code but 0 as a failure (then it runs
rem SetupFailure.cmd, if present). Copy this file, Install-PorSetup.cmd and PorSetup.msi to
rem C:\Windows\Setup\Scripts on the reference computer, and put your Partner ID below.
set "PORSETUP_PARTNERID=1234567"

call "%~dp0Install-PorSetup.cmd" "%PORSETUP_PARTNERID%" PostIC
exit /b %PORSETUP_RESULT%
