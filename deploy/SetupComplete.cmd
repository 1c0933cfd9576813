@echo off
rem Copyright (c) PorSetup contributors. MIT licensed.
rem Windows Setup runs C:\Windows\Setup\Scripts\SetupComplete.cmd as SYSTEM at the end of setup, after sysprep,
rem before anyone logs on. Copy this file, Install-PorSetup.cmd and PorSetup.msi to C:\Windows\Setup\Scripts
rem on the reference computer, and put your Partner ID below. (Windows does not run SetupComplete.cmd on some
rem OEM-activated images: use PostIC.cmd or the unattend.xml fragment there.)
set "PORSETUP_PARTNERID=1234567"

call "%~dp0Install-PorSetup.cmd" "%PORSETUP_PARTNERID%" SetupComplete
exit /b %PORSETUP_RESULT%
