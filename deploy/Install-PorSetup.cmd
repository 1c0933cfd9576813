@echo off
rem Copyright (c) PorSetup contributors. MIT licensed.
rem Installs PorSetup.msi, found next to this script, silently with the Partner ID given as the first
rem argument. The second argument names the caller (PostIC, SetupComplete) for the log files, which go to
rem %WINDIR%\Logs\PorSetup, a folder this script gives an ACL of its own (full control for SYSTEM and
rem Administrators, nothing inherited), so that no other user can create, read or replace them:
rem   %WINDIR%\Logs\PorSetup\<caller>.log          what this script did
rem   %WINDIR%\Logs\PorSetup\<caller>-msiexec.log  msiexec's verbose log (search it for POR10)
rem Safe to run twice. Exit code (also left in PORSETUP_RESULT for a caller that uses "call"):
rem   0     success (msiexec's 3010, success with a restart required, is reported as 0)
rem   87    no Partner ID, or still the placeholder REPLACE-WITH-YOUR-PARTNER-ID: msiexec was not run
rem   1619  PorSetup.msi is not next to this script: msiexec was not run
rem   1618  another installation was still running after every attempt (see RETRY_* below)
rem   other msiexec's own code, for example 1603 (the ID was refused or the install failed, see the logs)
setlocal
set "PARTNER_ID=%~1"
set "CALLER=%~2"
if not defined CALLER set "CALLER=Install"
set "MSI=%~dp0PorSetup.msi"

rem 1618 (another installation is running: Windows Installer runs one at a time) is retried: at most
rem RETRY_ATTEMPTS runs of msiexec, RETRY_WAIT_SECONDS apart, so at most 3 x 25 = 75 seconds of waiting in all,
rem which leaves most of PostIC.cmd's three minutes to msiexec itself (a PorSetup install takes seconds).
set "RETRY_ATTEMPTS=4"
set "RETRY_WAIT_SECONDS=25"

set "LOG_DIR=%WINDIR%\Logs\PorSetup"
if not exist "%LOG_DIR%\" mkdir "%LOG_DIR%"
rem Set on every run, whatever the folder had before: SYSTEM (S-1-5-18) and Administrators (S-1-5-32-544) only.
icacls "%LOG_DIR%" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F >nul 2>&1
if errorlevel 1 (
    rem A folder whose ACL cannot be set is not a safe place for the logs: install without them.
    echo PorSetup: could not set the ACL of "%LOG_DIR%"; installing without log files.
    set "LOG=nul"
    set "MSI_LOG_SWITCH="
) else (
    set "LOG=%LOG_DIR%\%CALLER%.log"
    set "MSI_LOG_SWITCH=/l*v "%LOG_DIR%\%CALLER%-msiexec.log""
)

if "%PARTNER_ID%"=="" goto :no_partner_id
if /i "%PARTNER_ID%"=="REPLACE-WITH-YOUR-PARTNER-ID" goto :no_partner_id
if not exist "%MSI%" (
    echo PorSetup: "%MSI%" not found; copy PorSetup.msi next to this script.
    >> "%LOG%" echo %DATE% %TIME% %CALLER%: "%MSI%" not found; copy PorSetup.msi next to this script.
    endlocal & set "PORSETUP_RESULT=1619" & exit /b 1619
)

set "ATTEMPT=0"
:attempt
set /a ATTEMPT+=1
>> "%LOG%" echo %DATE% %TIME% %CALLER%: installing "%MSI%" with PARTNERID=%PARTNER_ID% (attempt %ATTEMPT% of %RETRY_ATTEMPTS%)
rem /norestart: PorSetup never needs a restart, and PostIC.cmd must not start one.
start "" /wait msiexec.exe /i "%MSI%" /qn /norestart PARTNERID="%PARTNER_ID%" %MSI_LOG_SWITCH%
set "RESULT=%ERRORLEVEL%"
>> "%LOG%" echo %DATE% %TIME% %CALLER%: msiexec returned %RESULT%
if not "%RESULT%"=="1618" goto :done
if %ATTEMPT% GEQ %RETRY_ATTEMPTS% (
    >> "%LOG%" echo %DATE% %TIME% %CALLER%: another installation was still running after %ATTEMPT% attempts; giving up.
    goto :done
)
>> "%LOG%" echo %DATE% %TIME% %CALLER%: another installation is running; trying again in %RETRY_WAIT_SECONDS% seconds.
rem ping waits about one second between echoes; timeout.exe stops at once when its input is redirected.
set /a PINGS=RETRY_WAIT_SECONDS+1
ping -n %PINGS% 127.0.0.1 >nul
goto :attempt

:done
rem 3010 means success with a restart required: a success for the caller, which restarts anyway.
if "%RESULT%"=="3010" set "RESULT=0"
rem The result also goes to PORSETUP_RESULT for a caller that used "call" (Wine's call keeps only 0 or 1).
endlocal & set "PORSETUP_RESULT=%RESULT%" & exit /b %RESULT%

:no_partner_id
echo PorSetup: no Partner ID. Put yours in place of REPLACE-WITH-YOUR-PARTNER-ID in the calling script; msiexec was not run.
>> "%LOG%" echo %DATE% %TIME% %CALLER%: no Partner ID ("%PARTNER_ID%"). Put yours in place of REPLACE-WITH-YOUR-PARTNER-ID in the calling script; msiexec was not run.
endlocal & set "PORSETUP_RESULT=87" & exit /b 87
