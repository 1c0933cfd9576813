/* Copyright (c) PorSetup contributors. MIT licensed. */
/*
 * The "floor" custom action of the benchmark (bench/README.md): a type-1 (DLL) custom action that does nothing.
 * An MSI that calls it pays only what any DLL custom action pays (custom-action server process,
 * temporary copy of the DLL, LoadLibrary, one RPC handle), none of the work of a real action.
 *
 * Built by bench/PorSetup.Bench/Baselines.cs with no C runtime and no imports:
 *   clang --target=x86_64-w64-windows-gnu -O2 -shared -nostdlib -Wl,--entry,DllMain -s -o noop.dll noop.c
 */
#include <windows.h>
#include <msi.h>

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance;
    (void)reason;
    (void)reserved;
    return TRUE;
}

__declspec(dllexport) UINT __stdcall Noop(MSIHANDLE install)
{
    (void)install;
    return ERROR_SUCCESS;
}
