// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>The msiexec exit codes the tests expect (Windows Installer error codes).</summary>
public enum MsiExecReturnCode
{
    SUCCESS = 0,
    ERROR_INSTALL_USEREXIT = 1602,
    ERROR_INSTALL_FAILURE = 1603,
    ERROR_UNKNOWN_PRODUCT = 1605,
    ERROR_INSTALL_ALREADY_RUNNING = 1618,
    ERROR_PRODUCT_VERSION = 1638,
    ERROR_SUCCESS_REBOOT_REQUIRED = 3010,
}
