@echo off
rem Copyright (c) PorSetup contributors. MIT licensed.
rem Installs PorSetup.msi, found next to this script, silently with the Partner ID given as the first
rem argument. The second argument names the caller (PostIC, SetupComplete) for the log files:
rem   %WINDIR%\Temp\PorSetup-<caller>.log          what this script did
rem   %WINDIR%\Temp\PorSetup-<caller>-msiexec.log  msiexec's verbose log (search it for POR10)
rem Safe to run twice. Exit code: 0 on success; otherwise msiexec's code (1603: the ID was refused or the
rem install failed, see the logs) or 1619 when PorSetup.msi is missing.
setlocal
set "PARTNER_ID=%~1"
set "CALLER=%~2"
if not defined CALLER set "CALLER=Install"
set "MSI=%~dp0PorSetup.msi"
set "LOG=%WINDIR%\Temp\PorSetup-%CALLER%.log"
set "MSI_LOG=%WINDIR%\Temp\PorSetup-%CALLER%-msiexec.log"

echo %DATE% %TIME% %CALLER%: installing "%MSI%" with PARTNERID=%PARTNER_ID%>> "%LOG%"
if not exist "%MSI%" (
    echo %DATE% %TIME% %CALLER%: "%MSI%" not found; copy PorSetup.msi next to this script.>> "%LOG%"
    endlocal & set "PORSETUP_RESULT=1619" & exit /b 1619
)

rem /norestart: PorSetup never needs a restart, and PostIC.cmd must not start one.
start "" /wait msiexec.exe /i "%MSI%" /qn /norestart PARTNERID="%PARTNER_ID%" /l*v "%MSI_LOG%"
set "RESULT=%ERRORLEVEL%"
echo %DATE% %TIME% %CALLER%: msiexec returned %RESULT%>> "%LOG%"

rem 3010 means success with a restart required: a success for the caller, which restarts anyway.
if "%RESULT%"=="3010" set "RESULT=0"
rem The result also goes to PORSETUP_RESULT for a caller that used "call" (Wine's call keeps only 0 or 1).
endlocal & set "PORSETUP_RESULT=%RESULT%" & exit /b %RESULT%
