/* Copyright (c) PorSetup contributors. MIT licensed. */
/*
 * PorSetup.CustomAction.Proxy.dll: the type-1 (DLL) custom action in the MSI's Binary table.
 *
 * The actions are C#, compiled by NativeAOT into a program, the worker (PorSetup.CustomAction.exe), which this
 * DLL carries. They cannot run inside msiexec: the NativeAOT runtime pins its module for the life of the process
 * ("not designed to be unloadable"), so the installer could never delete the temporary copy it loaded the DLL
 * from (docs/custom-action.md). So, as WiX's DTF does for managed actions, each call runs them out of process:
 *   1. write the worker into a new folder that only SYSTEM, Administrators and, when this process is neither SYSTEM
 *      nor elevated, the current user may open: %WINDIR%\Installer for SYSTEM or elevated, else %TEMP% (nobody
 *      else can replace it, or plant a DLL next to it, before it starts), and hold it open, read-only and
 *      shared for reading only, until it has started;
 *   2. start it with its standard input and output on two anonymous pipes, in a job object that ends it if the
 *      custom-action server goes away or it crashes, with no error dialogs;
 *   3. send it the action's name, then make the session calls it asks for on the install handle (which only this
 *      process can use): MsiGetPropertyW, MsiSetPropertyW, MsiProcessMessage; a watchdog thread ends it when it
 *      has used up its deadline (PORSETUP_CALL_DEADLINE_SECONDS);
 *   4. when it exits, delete the folder and return its exit code (0, 1602 or 1603) to msiexec.
 * The frames are described in src/PorSetup.CustomAction/Remote/ProxyChannel.cs.
 *
 * No C runtime: kernel32, advapi32 and msi only. No /GS stack cookies either, which need a runtime to set them
 * up: the only arrays on the stack have a fixed size known where they are indexed, every buffer sized by data is
 * on the heap, and every length read from the pipe is checked against the frame that holds it. Built by
 * Proxy.targets with clang.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <sddl.h>
#include <msi.h>
#include <msiquery.h>

/* RtlGenRandom, exported by advapi32 under this name (declared here: ntsecapi.h differs between SDKs). */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

#include "DeadlineClock.h"
#include "Worker.h" /* written by Proxy.targets: #define PORSETUP_WORKER_FILE "<the published worker>" */

/* The worker, embedded at build time: deferred actions cannot read the MSI's Binary table, so it travels here. */
__asm__(".section .rdata,\"dr\"\n"
        ".p2align 4\n"
        ".globl PorSetupWorker\n"
        "PorSetupWorker:\n"
        ".incbin \"" PORSETUP_WORKER_FILE "\"\n"
        ".globl PorSetupWorkerEnd\n"
        "PorSetupWorkerEnd:\n"
        ".text\n");
extern const BYTE PorSetupWorker[];
extern const BYTE PorSetupWorkerEnd[];

/* The protocol's operations: ProxyOperation in src/PorSetup.CustomAction/Remote/ProxyOperation.cs. */
enum
{
    OperationGetProperty = 1,
    OperationSetProperty = 2,
    OperationProcessMessage = 3,
};

/* Larger frames are refused (ProxyChannel.MaxFrameLength). */
#define MAX_FRAME_LENGTH (16u * 1024u * 1024u)

/* Each call's deadline: the worker's own time, from its start to its exit, without the time msiexec takes to answer
   its session calls (a message box waits for a person). Generous for a cold server whose antivirus scans the new
   program before it runs; a test build sets a short one. After it the worker is ended and the action fails. */
#ifndef PORSETUP_CALL_DEADLINE_SECONDS
#define PORSETUP_CALL_DEADLINE_SECONDS 120
#endif

/* What msiexec gets when the worker reports that the user cancelled (ERROR_INSTALL_USEREXIT). */
#define RESULT_USER_EXIT 1602

/* The compiler may call these for structure copies and initializers; there is no C runtime to provide them. */
void *memset(void *destination, int value, size_t count)
{
    volatile BYTE *bytes = destination; /* volatile: not turned back into a call to memset */
    while (count--)
    {
        *bytes++ = (BYTE)value;
    }
    return destination;
}

void *memcpy(void *destination, const void *source, size_t count)
{
    volatile BYTE *to = destination;
    const BYTE *from = source;
    while (count--)
    {
        *to++ = *from++;
    }
    return destination;
}

static void *Allocate(SIZE_T bytes)
{
    return HeapAlloc(GetProcessHeap(), 0, bytes ? bytes : 1);
}

static void Free(void *memory)
{
    if (memory)
    {
        HeapFree(GetProcessHeap(), 0, memory);
    }
}

static size_t TextLength(const WCHAR *text)
{
    size_t length = 0;
    while (text[length])
    {
        length++;
    }
    return length;
}

/* ---- The log ------------------------------------------------------------------------------------------------ */

/* One line in the installation log: "PorSetup: <what> failed with Win32 error <error>." The template is fixed
   and the values go in fields, so nothing in them is taken for formatting. */
static void LogFailure(MSIHANDLE install, const WCHAR *what, DWORD error)
{
    MSIHANDLE record = MsiCreateRecord(2);
    if (record)
    {
        MsiRecordSetStringW(record, 0, L"PorSetup: the custom action could not run: [1] failed with Win32 error [2].");
        MsiRecordSetStringW(record, 1, what);
        MsiRecordSetInteger(record, 2, (int)error);
        MsiProcessMessage(install, INSTALLMESSAGE_INFO, record);
        MsiCloseHandle(record);
    }
}

static void LogDeadline(MSIHANDLE install, const WCHAR *step)
{
    MSIHANDLE record = MsiCreateRecord(2);
    if (record)
    {
        MsiRecordSetStringW(record, 0, L"PorSetup: the custom action's worker did not finish within its deadline of [1] seconds and was ended; step: [2].");
        MsiRecordSetInteger(record, 1, PORSETUP_CALL_DEADLINE_SECONDS);
        MsiRecordSetStringW(record, 2, step);
        MsiProcessMessage(install, INSTALLMESSAGE_INFO, record);
        MsiCloseHandle(record);
    }
}

static void LogExitCode(MSIHANDLE install, DWORD exitCode)
{
    MSIHANDLE record = MsiCreateRecord(1);
    if (record)
    {
        MsiRecordSetStringW(record, 0, L"PorSetup: the custom action's worker process ended with exit code [1].");
        MsiRecordSetInteger(record, 1, (int)exitCode);
        MsiProcessMessage(install, INSTALLMESSAGE_INFO, record);
        MsiCloseHandle(record);
    }
}

/* ---- Frames ------------------------------------------------------------------------------------------------- */

/* The protocol's integers: 32-bit little-endian. */
static DWORD LoadUInt32(const BYTE *bytes)
{
    return (DWORD)bytes[0] | (DWORD)bytes[1] << 8 | (DWORD)bytes[2] << 16 | (DWORD)bytes[3] << 24;
}

static void StoreUInt32(BYTE *bytes, DWORD value)
{
    bytes[0] = (BYTE)value;
    bytes[1] = (BYTE)(value >> 8);
    bytes[2] = (BYTE)(value >> 16);
    bytes[3] = (BYTE)(value >> 24);
}

typedef struct
{
    const BYTE *data;
    DWORD length;
    DWORD position;
    BOOL valid; /* false once a read went past the end */
} FrameReader;

typedef struct
{
    BYTE *data;
    DWORD length;
    DWORD capacity;
    BOOL valid; /* false once an allocation failed */
} FrameWriter;

static DWORD ReadUInt32(FrameReader *reader)
{
    if (!reader->valid || reader->length - reader->position < sizeof(DWORD))
    {
        reader->valid = FALSE;
        return 0;
    }
    DWORD value = LoadUInt32(reader->data + reader->position);
    reader->position += sizeof(DWORD);
    return value;
}

/* A string as a new null-terminated copy (Free it), or NULL when the frame is too short or memory ran out. */
static WCHAR *ReadString(FrameReader *reader)
{
    DWORD count = ReadUInt32(reader);
    if (!reader->valid || count > (reader->length - reader->position) / sizeof(WCHAR))
    {
        reader->valid = FALSE;
        return NULL;
    }
    WCHAR *text = Allocate(((SIZE_T)count + 1) * sizeof(WCHAR));
    if (!text)
    {
        reader->valid = FALSE;
        return NULL;
    }
    memcpy(text, reader->data + reader->position, (SIZE_T)count * sizeof(WCHAR));
    text[count] = L'\0';
    reader->position += count * (DWORD)sizeof(WCHAR);
    return text;
}

static void WriteBytes(FrameWriter *writer, const void *bytes, DWORD count)
{
    if (!writer->valid)
    {
        return;
    }
    if (count > MAX_FRAME_LENGTH || writer->length + count > MAX_FRAME_LENGTH + sizeof(DWORD))
    {
        writer->valid = FALSE;
        return;
    }
    if (writer->length + count > writer->capacity)
    {
        DWORD capacity = writer->capacity ? writer->capacity : 256;
        while (capacity < writer->length + count)
        {
            capacity *= 2;
        }
        BYTE *grown = writer->data ? HeapReAlloc(GetProcessHeap(), 0, writer->data, capacity) : Allocate(capacity);
        if (!grown)
        {
            writer->valid = FALSE;
            return;
        }
        writer->data = grown;
        writer->capacity = capacity;
    }
    memcpy(writer->data + writer->length, bytes, count);
    writer->length += count;
}

static void WriteUInt32(FrameWriter *writer, DWORD value)
{
    BYTE bytes[sizeof(DWORD)];
    StoreUInt32(bytes, value);
    WriteBytes(writer, bytes, sizeof bytes);
}

static void WriteString(FrameWriter *writer, const WCHAR *text)
{
    size_t length = TextLength(text);
    if (length > MAX_FRAME_LENGTH / sizeof(WCHAR))
    {
        writer->valid = FALSE;
        return;
    }
    WriteUInt32(writer, (DWORD)length);
    WriteBytes(writer, text, (DWORD)(length * sizeof(WCHAR)));
}

static void StartFrame(FrameWriter *writer)
{
    writer->length = 0;
    writer->valid = TRUE;
    WriteUInt32(writer, 0); /* the length, filled in by SendFrame */
}

static BOOL WriteAll(HANDLE pipe, const BYTE *bytes, DWORD count)
{
    while (count)
    {
        DWORD written = 0;
        if (!WriteFile(pipe, bytes, count, &written, NULL) || written == 0)
        {
            return FALSE;
        }
        bytes += written;
        count -= written;
    }
    return TRUE;
}

static BOOL ReadAll(HANDLE pipe, BYTE *bytes, DWORD count)
{
    while (count)
    {
        DWORD read = 0;
        if (!ReadFile(pipe, bytes, count, &read, NULL) || read == 0)
        {
            return FALSE;
        }
        bytes += read;
        count -= read;
    }
    return TRUE;
}

static BOOL SendFrame(HANDLE pipe, FrameWriter *writer)
{
    if (!writer->valid)
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    StoreUInt32(writer->data, writer->length - (DWORD)sizeof(DWORD));
    return WriteAll(pipe, writer->data, writer->length);
}

/* The next frame from the worker (Free it). FALSE with ERROR_BROKEN_PIPE when the worker closed its end. */
static BOOL ReceiveFrame(HANDLE pipe, FrameReader *reader)
{
    BYTE header[sizeof(DWORD)];
    if (!ReadAll(pipe, header, sizeof header))
    {
        return FALSE;
    }
    DWORD length = LoadUInt32(header);
    if (length > MAX_FRAME_LENGTH)
    {
        SetLastError(ERROR_INVALID_DATA);
        return FALSE;
    }
    BYTE *data = Allocate(length);
    if (!data)
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    if (!ReadAll(pipe, data, length))
    {
        Free(data);
        return FALSE;
    }
    reader->data = data;
    reader->length = length;
    reader->position = 0;
    reader->valid = TRUE;
    return TRUE;
}

/* ---- The session calls -------------------------------------------------------------------------------------- */

static void GetProperty(MSIHANDLE install, const WCHAR *name, FrameWriter *reply)
{
    /* Ask for the length, then read; again if the value grew in between. */
    WCHAR empty = L'\0'; /* a writable buffer of no length */
    DWORD length = 0;
    UINT result = MsiGetPropertyW(install, name, &empty, &length);
    WCHAR *value = NULL;
    while (result == ERROR_MORE_DATA)
    {
        Free(value);
        length++;
        value = Allocate((SIZE_T)length * sizeof(WCHAR));
        if (!value)
        {
            result = ERROR_NOT_ENOUGH_MEMORY;
            break;
        }
        result = MsiGetPropertyW(install, name, value, &length);
    }
    WriteUInt32(reply, result);
    WriteString(reply, result == ERROR_SUCCESS && value ? value : L"");
    Free(value);
}

static void SetProperty(MSIHANDLE install, const WCHAR *name, const WCHAR *value, FrameWriter *reply)
{
    WriteUInt32(reply, MsiSetPropertyW(install, name, value));
}

/* Builds the record from the request's fields (field 0 is the template) and sends it. */
static BOOL ProcessMessage(MSIHANDLE install, FrameReader *request, FrameWriter *reply)
{
    INSTALLMESSAGE type = (INSTALLMESSAGE)ReadUInt32(request);
    DWORD fields = ReadUInt32(request);
    if (!request->valid || fields == 0 || fields > 64)
    {
        return FALSE;
    }
    MSIHANDLE record = MsiCreateRecord(fields - 1);
    UINT built = record ? ERROR_SUCCESS : ERROR_NOT_ENOUGH_MEMORY;
    for (DWORD field = 0; field < fields; field++)
    {
        WCHAR *text = ReadString(request);
        if (!text)
        {
            MsiCloseHandle(record);
            return FALSE;
        }
        if (built == ERROR_SUCCESS)
        {
            built = MsiRecordSetStringW(record, field, text);
        }
        Free(text);
    }
    int answer = built == ERROR_SUCCESS ? MsiProcessMessage(install, type, record) : 0;
    MsiCloseHandle(record);
    WriteUInt32(reply, built);
    WriteUInt32(reply, (DWORD)answer);
    return TRUE;
}

/* Answers one request. FALSE when the frame is not a request this protocol knows. */
static BOOL Serve(MSIHANDLE install, FrameReader *request, FrameWriter *reply)
{
    BOOL known = TRUE;
    WCHAR *name = NULL;
    WCHAR *value = NULL;
    switch (ReadUInt32(request))
    {
    case OperationGetProperty:
        name = ReadString(request);
        if (name)
        {
            GetProperty(install, name, reply);
        }
        break;
    case OperationSetProperty:
        name = ReadString(request);
        value = name ? ReadString(request) : NULL;
        if (value)
        {
            SetProperty(install, name, value, reply);
        }
        break;
    case OperationProcessMessage:
        known = ProcessMessage(install, request, reply);
        break;
    default:
        known = FALSE;
        break;
    }
    Free(name);
    Free(value);
    return known && request->valid && request->position == request->length;
}

/* ---- The worker's folder ------------------------------------------------------------------------------------ */

/* Whether this process runs as SYSTEM or with an elevated (high-integrity) token: then a process of the same user at
   medium integrity must not be able to touch the worker's folder, or it would run its code elevated. */
static BOOL IsPrivileged(HANDLE token, const TOKEN_USER *user)
{
    TOKEN_ELEVATION elevation = {0};
    DWORD size = 0;
    if (IsWellKnownSid(user->User.Sid, WinLocalSystemSid))
    {
        return TRUE;
    }
    /* When the elevation cannot be read, the safer folder is chosen. */
    return !GetTokenInformation(token, TokenElevation, &elevation, sizeof elevation, &size) || elevation.TokenIsElevated;
}

/* The folder's security, protected (nothing inherited from the parent folder: a shared temp folder such as
   C:\Windows\Temp lets every user create files in new subfolders), inherited by the files:
   - SYSTEM or elevated: "D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)", full control for SYSTEM and Administrators only (a
     medium-integrity process of an administrator has Administrators as deny-only, so it gets nothing);
   - otherwise: the same and the user the custom-action server runs as, who has to write it. */
static BOOL CreatePrivateSecurity(PSECURITY_DESCRIPTOR *descriptor, BOOL *privileged)
{
    BOOL created = FALSE;
    HANDLE token = NULL;
    TOKEN_USER *user = NULL;
    WCHAR *sid = NULL;
    WCHAR *sddl = NULL;
    DWORD size = 0;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
    {
        return FALSE;
    }
    GetTokenInformation(token, TokenUser, NULL, 0, &size);
    user = Allocate(size);
    if (user && GetTokenInformation(token, TokenUser, user, size, &size))
    {
        static const WCHAR administrators[] = L"D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)";
        *privileged = IsPrivileged(token, user);
        if (*privileged)
        {
            created = ConvertStringSecurityDescriptorToSecurityDescriptorW(administrators, SDDL_REVISION_1, descriptor, NULL);
        }
        else if (ConvertSidToStringSidW(user->User.Sid, &sid))
        {
            static const WCHAR userAce[] = L"(A;OICI;FA;;;";
            size_t administratorsLength = sizeof administrators / sizeof administrators[0] - 1;
            size_t userAceLength = sizeof userAce / sizeof userAce[0] - 1;
            size_t sidLength = TextLength(sid);
            sddl = Allocate((administratorsLength + userAceLength + sidLength + 2) * sizeof(WCHAR));
            if (sddl)
            {
                memcpy(sddl, administrators, administratorsLength * sizeof(WCHAR));
                memcpy(sddl + administratorsLength, userAce, userAceLength * sizeof(WCHAR));
                memcpy(sddl + administratorsLength + userAceLength, sid, sidLength * sizeof(WCHAR));
                sddl[administratorsLength + userAceLength + sidLength] = L')';
                sddl[administratorsLength + userAceLength + sidLength + 1] = L'\0';
                created = ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, SDDL_REVISION_1, descriptor, NULL);
            }
            else
            {
                SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            }
        }
    }
    DWORD error = GetLastError();
    Free(sddl);
    LocalFree(sid);
    Free(user);
    CloseHandle(token);
    SetLastError(error);
    return created;
}

static const WCHAR HexDigits[] = L"0123456789abcdef";
static const WCHAR WorkerFileName[] = L"\\PorSetup.CustomAction.exe";

/* Where the worker's folder is made: SYSTEM or elevated, %WINDIR%\Installer\ (only SYSTEM and Administrators may
   write there, as WiX's SfxCA chose for the same reason; the path is the kernel's, not an environment variable the
   user sets); otherwise %TEMP%\. The length in characters, 0 on failure. */
static DWORD GetWorkerParent(WCHAR *folder, BOOL privileged)
{
    if (!privileged)
    {
        return GetTempPathW(MAX_PATH, folder);
    }
    static const WCHAR installer[] = L"\\Installer\\";
    const DWORD installerLength = sizeof installer / sizeof installer[0] - 1;
    DWORD length = GetSystemWindowsDirectoryW(folder, MAX_PATH);
    if (length == 0 || length + installerLength >= MAX_PATH)
    {
        if (length)
        {
            SetLastError(ERROR_FILENAME_EXCED_RANGE);
        }
        return 0;
    }
    if (folder[length - 1] == L'\\')
    {
        length--;
    }
    memcpy(folder + length, installer, (installerLength + 1) * sizeof(WCHAR));
    return length + installerLength;
}

/* A new folder <parent>PorSetup-<16 random hex digits>, in folder (MAX_PATH characters, room left for the worker's
   file name). Never an existing one. */
static BOOL CreateWorkerFolder(WCHAR *folder)
{
    PSECURITY_DESCRIPTOR descriptor = NULL;
    BOOL privileged = TRUE;
    if (!CreatePrivateSecurity(&descriptor, &privileged))
    {
        return FALSE;
    }
    SECURITY_ATTRIBUTES attributes = {sizeof attributes, descriptor, FALSE};
    static const WCHAR prefix[] = L"PorSetup-";
    const DWORD prefixLength = sizeof prefix / sizeof prefix[0] - 1;
    DWORD parentLength = GetWorkerParent(folder, privileged);
    BOOL created = FALSE;
    DWORD error = parentLength ? ERROR_SUCCESS : GetLastError();
    if (parentLength && parentLength + prefixLength + 16 + sizeof WorkerFileName / sizeof WorkerFileName[0] <= MAX_PATH)
    {
        memcpy(folder + parentLength, prefix, prefixLength * sizeof(WCHAR));
        for (int attempt = 0; attempt < 16 && !created; attempt++)
        {
            ULONGLONG random = 0;
            if (!SystemFunction036(&random, sizeof random))
            {
                error = ERROR_GEN_FAILURE;
                break;
            }
            WCHAR *digits = folder + parentLength + prefixLength;
            for (int i = 0; i < 16; i++)
            {
                digits[i] = HexDigits[(random >> (i * 4)) & 0xF];
            }
            digits[16] = L'\0';
            created = CreateDirectoryW(folder, &attributes);
            error = created ? ERROR_SUCCESS : GetLastError();
            if (!created && error == ERROR_PATH_NOT_FOUND && privileged && attempt == 0)
            {
                /* %WINDIR%\Installer is made by Windows Installer itself; should it be missing (a fresh Wine
                   prefix), it is made here with the Windows folder's security, as Windows Installer would. */
                folder[parentLength - 1] = L'\0';
                BOOL parentMade = CreateDirectoryW(folder, NULL) || GetLastError() == ERROR_ALREADY_EXISTS;
                error = parentMade ? ERROR_ALREADY_EXISTS : GetLastError();
                folder[parentLength - 1] = L'\\';
            }
            if (!created && error != ERROR_ALREADY_EXISTS)
            {
                break;
            }
        }
    }
    else if (parentLength)
    {
        error = ERROR_FILENAME_EXCED_RANGE;
    }
    LocalFree(descriptor);
    SetLastError(error);
    return created;
}

static void Append(WCHAR *path, const WCHAR *name)
{
    size_t length = TextLength(path);
    size_t nameLength = TextLength(name);
    memcpy(path + length, name, (nameLength + 1) * sizeof(WCHAR));
}

/* The worker's file, written in full before anyone may run it (CREATE_NEW: never an existing file), then opened
   again for reading only, sharing read only: until the handle in *held is closed, after CreateProcessW has
   returned, nobody (an administrator's process included) can write, replace, rename or delete it. The second
   handle is checked to be the file just written (same volume and file index). */
static BOOL WriteWorker(const WCHAR *path, HANDLE *held)
{
    BY_HANDLE_FILE_INFORMATION written = {0};
    BY_HANDLE_FILE_INFORMATION opened = {0};
    HANDLE file = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE)
    {
        return FALSE;
    }
    BOOL ok = WriteAll(file, PorSetupWorker, (DWORD)(PorSetupWorkerEnd - PorSetupWorker)) &&
              GetFileInformationByHandle(file, &written);
    DWORD error = GetLastError();
    if (!CloseHandle(file) && ok)
    {
        return FALSE;
    }
    if (!ok)
    {
        SetLastError(error);
        return FALSE;
    }
    *held = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (*held == INVALID_HANDLE_VALUE)
    {
        *held = NULL;
        return FALSE;
    }
    if (!GetFileInformationByHandle(*held, &opened))
    {
        return FALSE;
    }
    if (opened.dwVolumeSerialNumber != written.dwVolumeSerialNumber || opened.nFileIndexHigh != written.nFileIndexHigh ||
        opened.nFileIndexLow != written.nFileIndexLow)
    {
        SetLastError(ERROR_FILE_INVALID);
        return FALSE;
    }
    return TRUE;
}

/* Deletes the worker and its folder. A process's image can stay mapped for a moment after the process has ended,
   so a refused delete is tried again for up to two seconds. */
static void DeleteWorkerFolder(MSIHANDLE install, const WCHAR *folder, const WCHAR *worker)
{
    for (int attempt = 0; attempt < 100; attempt++)
    {
        if (DeleteFileW(worker) || GetLastError() == ERROR_FILE_NOT_FOUND)
        {
            break;
        }
        Sleep(20);
    }
    if (!RemoveDirectoryW(folder))
    {
        LogFailure(install, L"Deleting the worker's temporary folder", GetLastError());
    }
}

/* ---- The worker process ------------------------------------------------------------------------------------- */

typedef struct
{
    HANDLE job;
    PROCESS_INFORMATION process;
    HANDLE toWorker;   /* our end of its standard input */
    HANDLE fromWorker; /* our end of its standard output */
    HANDLE file;       /* the worker's file, held open read-only until CreateProcessW returns */
} Worker;

static void CloseWorker(Worker *worker)
{
    HANDLE handles[] = {worker->process.hThread, worker->process.hProcess, worker->toWorker, worker->fromWorker, worker->job, worker->file};
    for (size_t i = 0; i < sizeof handles / sizeof handles[0]; i++)
    {
        if (handles[i] && handles[i] != INVALID_HANDLE_VALUE)
        {
            CloseHandle(handles[i]);
        }
    }
}

/* Starts the worker with only its two pipe ends inherited. On failure, *step names what failed. */
static BOOL StartWorker(const WCHAR *path, const WCHAR *folder, Worker *worker, const WCHAR **step)
{
    SECURITY_ATTRIBUTES inheritable = {sizeof inheritable, NULL, TRUE};
    HANDLE workerInput = NULL;
    HANDLE workerOutput = NULL;
    LPPROC_THREAD_ATTRIBUTE_LIST attributes = NULL;
    WCHAR *commandLine = NULL;
    BOOL started = FALSE;

    *step = L"CreatePipe";
    if (!CreatePipe(&workerInput, &worker->toWorker, &inheritable, 0) ||
        !CreatePipe(&worker->fromWorker, &workerOutput, &inheritable, 0) ||
        !SetHandleInformation(worker->toWorker, HANDLE_FLAG_INHERIT, 0) ||
        !SetHandleInformation(worker->fromWorker, HANDLE_FLAG_INHERIT, 0))
    {
        goto done;
    }

    /* Only the two pipe ends go to the worker, not every inheritable handle of the custom-action server. */
    *step = L"InitializeProcThreadAttributeList";
    HANDLE inherited[] = {workerInput, workerOutput};
    SIZE_T size = 0;
    InitializeProcThreadAttributeList(NULL, 1, 0, &size);
    attributes = Allocate(size);
    if (!attributes || !InitializeProcThreadAttributeList(attributes, 1, 0, &size) ||
        !UpdateProcThreadAttribute(attributes, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, inherited, sizeof inherited, NULL, NULL))
    {
        if (!attributes)
        {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        }
        goto done;
    }

    /* Ends the worker if the custom-action server ends first (killed, or crashed), and when it crashes: no
       Windows Error Reporting dialog waits for a person. */
    *step = L"CreateJobObjectW";
    worker->job = CreateJobObjectW(NULL, NULL);
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits = {0};
    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION;
    if (!worker->job || !SetInformationJobObject(worker->job, JobObjectExtendedLimitInformation, &limits, sizeof limits))
    {
        goto done;
    }

    /* "<path>": CreateProcessW may write to the command line, so it is a copy. */
    size_t pathLength = TextLength(path);
    commandLine = Allocate((pathLength + 3) * sizeof(WCHAR));
    if (!commandLine)
    {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        goto done;
    }
    commandLine[0] = L'"';
    memcpy(commandLine + 1, path, pathLength * sizeof(WCHAR));
    commandLine[pathLength + 1] = L'"';
    commandLine[pathLength + 2] = L'\0';

    STARTUPINFOEXW startup = {0};
    startup.StartupInfo.cb = sizeof startup;
    startup.StartupInfo.dwFlags = STARTF_USESTDHANDLES;
    startup.StartupInfo.hStdInput = workerInput;
    startup.StartupInfo.hStdOutput = workerOutput;
    startup.StartupInfo.hStdError = NULL;
    startup.lpAttributeList = attributes;
    /* The worker inherits the error mode: a DLL the loader cannot find, or a crash, ends it with an error code
       instead of stopping it on a dialog nobody sees (an unattended install would never end). The custom-action
       server's own mode is restored at once. */
    *step = L"CreateProcessW";
    UINT errorMode = GetErrorMode();
    SetErrorMode(errorMode | SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
    BOOL created = CreateProcessW(path, commandLine, NULL, NULL, TRUE, CREATE_SUSPENDED | CREATE_NO_WINDOW | EXTENDED_STARTUPINFO_PRESENT,
                                  NULL, folder, &startup.StartupInfo, &worker->process);
    DWORD createError = GetLastError();
    SetErrorMode(errorMode);
    /* Started (or not): the file may be opened by others again; its folder's security still keeps them out. */
    CloseHandle(worker->file);
    worker->file = NULL;
    if (!created)
    {
        SetLastError(createError);
        goto done;
    }
    *step = L"AssignProcessToJobObject";
    if (!AssignProcessToJobObject(worker->job, worker->process.hProcess))
    {
        DWORD error = GetLastError();
        TerminateProcess(worker->process.hProcess, ERROR_INSTALL_FAILURE);
        SetLastError(error);
        goto done;
    }
    *step = L"ResumeThread";
    if (ResumeThread(worker->process.hThread) == (DWORD)-1)
    {
        DWORD error = GetLastError();
        TerminateJobObject(worker->job, ERROR_INSTALL_FAILURE);
        SetLastError(error);
        goto done;
    }
    started = TRUE;

done:;
    DWORD error = GetLastError();
    /* The worker's ends: its own copies are all it needs, and the pipe reports its exit once they are closed. */
    if (workerInput)
    {
        CloseHandle(workerInput);
    }
    if (workerOutput)
    {
        CloseHandle(workerOutput);
    }
    if (attributes)
    {
        DeleteProcThreadAttributeList(attributes);
        Free(attributes);
    }
    Free(commandLine);
    SetLastError(error);
    return started;
}

/* ---- The deadline ------------------------------------------------------------------------------------------ */

/* A thread that ends the worker's job once the worker has used up its time. The clock runs while this process waits
   for the worker and stops while it answers a session call (WatchdogSet; the arithmetic is in DeadlineClock.h).
   Ending the job closes the worker's pipe ends, so a ReadFile or WriteFile blocked on them returns: anonymous pipes
   have no timeouts of their own. */
typedef struct
{
    SRWLOCK lock;
    HANDLE wake; /* auto-reset: the state below changed */
    HANDLE job;
    HANDLE process;
    DeadlineClock clock;
    BOOL stop;
    BOOL expired;
} Watchdog;

static DWORD WINAPI WatchdogThread(void *parameter)
{
    Watchdog *watchdog = parameter;
    for (;;)
    {
        DWORD timeout = INFINITE;
        AcquireSRWLockExclusive(&watchdog->lock);
        if (watchdog->stop)
        {
            ReleaseSRWLockExclusive(&watchdog->lock);
            return 0;
        }
        if (watchdog->clock.running)
        {
            ULONGLONG left = DeadlineClockLeft(&watchdog->clock, GetTickCount64());
            if (left == 0)
            {
                watchdog->expired = TRUE;
                ReleaseSRWLockExclusive(&watchdog->lock);
                /* The job holds the worker and anything it started; the process alone if the job refuses. */
                if (!TerminateJobObject(watchdog->job, ERROR_TIMEOUT))
                {
                    TerminateProcess(watchdog->process, ERROR_TIMEOUT);
                }
                return 0;
            }
            timeout = left < INFINITE ? (DWORD)left : INFINITE - 1;
        }
        ReleaseSRWLockExclusive(&watchdog->lock);
        if (WaitForSingleObject(watchdog->wake, timeout) == WAIT_FAILED)
        {
            Sleep(10); /* cannot happen with a valid event; never spin */
        }
    }
}

static void WatchdogSet(Watchdog *watchdog, BOOL running, BOOL stop)
{
    AcquireSRWLockExclusive(&watchdog->lock);
    DeadlineClockSet(&watchdog->clock, GetTickCount64(), running);
    watchdog->stop = stop;
    ReleaseSRWLockExclusive(&watchdog->lock);
    SetEvent(watchdog->wake); /* cannot fail on a valid handle; at worst the thread wakes at its old time */
}

/* ---- The conversation ------------------------------------------------------------------------------------- */

/* Sends the action's name, then serves the worker's requests until it closes the pipe. The deadline's clock runs
   except while a request is served. */
static BOOL Converse(MSIHANDLE install, Worker *worker, Watchdog *watchdog, const WCHAR *action, const WCHAR **step)
{
    FrameWriter writer = {0};
    BOOL finished = FALSE;
    StartFrame(&writer);
#ifndef PORSETUP_TEST_SEND_NO_ACTION
    WriteString(&writer, action);
    *step = L"Sending the action's name to the worker";
    if (SendFrame(worker->toWorker, &writer))
#else
    /* Test builds only (tests/PorSetup.EndToEnd.Tests): the worker is never told what to run, so it waits for
       ever, as a hung worker would, and the deadline has to end it. */
    (void)action;
    *step = L"Waiting for the worker (test build: it was sent no action)";
    if (TRUE)
#endif
    {
        for (;;)
        {
            FrameReader request = {0};
            *step = L"Reading the worker's request";
            if (!ReceiveFrame(worker->fromWorker, &request))
            {
                finished = GetLastError() == ERROR_BROKEN_PIPE; /* the worker closed its end: it is done */
                break;
            }
            StartFrame(&writer);
            WatchdogSet(watchdog, FALSE, FALSE);
            BOOL served = Serve(install, &request, &writer);
            WatchdogSet(watchdog, TRUE, FALSE);
            Free((void *)request.data);
            if (!served)
            {
                *step = L"Reading the worker's request (unknown or malformed)";
                SetLastError(ERROR_INVALID_DATA);
                break;
            }
            *step = L"Sending the reply to the worker";
            if (!SendFrame(worker->toWorker, &writer))
            {
                break;
            }
        }
    }
    DWORD error = GetLastError();
    Free(writer.data);
    SetLastError(error);
    return finished;
}

/* Runs the started worker to its end under the deadline; returns what msiexec gets from the action. */
static UINT Supervise(MSIHANDLE install, Worker *worker, const WCHAR *action)
{
    const WCHAR *step = L"Starting the deadline's thread";
    Watchdog watchdog = {SRWLOCK_INIT, NULL, worker->job, worker->process.hProcess, {PORSETUP_CALL_DEADLINE_SECONDS * 1000ull, GetTickCount64(), TRUE}, FALSE, FALSE};
    HANDLE thread = NULL;
    watchdog.wake = CreateEventW(NULL, FALSE, FALSE, NULL);
    if (watchdog.wake)
    {
        thread = CreateThread(NULL, 64 * 1024, WatchdogThread, &watchdog, STACK_SIZE_PARAM_IS_A_RESERVATION, NULL);
    }
    if (!thread)
    {
        /* No deadline, no run: the worker is ended before it gets an action. */
        LogFailure(install, step, GetLastError());
        TerminateJobObject(worker->job, ERROR_INSTALL_FAILURE);
        WaitForSingleObject(worker->process.hProcess, INFINITE);
        if (watchdog.wake)
        {
            CloseHandle(watchdog.wake);
        }
        return ERROR_INSTALL_FAILURE;
    }

    BOOL finished = Converse(install, worker, &watchdog, action, &step);
    DWORD error = GetLastError();
    /* Ending the worker closes its pipe, which reads as its normal end: the deadline is asked, and step stays the
       one the worker was ended in. */
    AcquireSRWLockExclusive(&watchdog.lock);
    finished = finished && !watchdog.expired;
    ReleaseSRWLockExclusive(&watchdog.lock);
    if (!finished)
    {
        /* The conversation broke (or the deadline ended the worker, which broke it): nothing more to wait for. */
        TerminateJobObject(worker->job, ERROR_INSTALL_FAILURE);
    }
    else
    {
        step = L"Waiting for the worker to exit";
    }
    /* The pipe is closed, so the worker is exiting, or it has been ended; the deadline still bounds the wait. */
    DWORD waited = WaitForSingleObject(worker->process.hProcess, INFINITE);
    DWORD waitError = GetLastError();
    WatchdogSet(&watchdog, FALSE, TRUE);
    if (WaitForSingleObject(thread, INFINITE) == WAIT_FAILED)
    {
        LogFailure(install, L"Waiting for the deadline's thread", GetLastError());
    }
    CloseHandle(thread);
    CloseHandle(watchdog.wake);

    if (watchdog.expired)
    {
        LogDeadline(install, step);
        return ERROR_INSTALL_FAILURE;
    }
    if (!finished)
    {
        LogFailure(install, step, error);
        return ERROR_INSTALL_FAILURE;
    }
    if (waited != WAIT_OBJECT_0)
    {
        LogFailure(install, step, waitError);
        return ERROR_INSTALL_FAILURE;
    }
    DWORD exitCode = ERROR_INSTALL_FAILURE;
    if (!GetExitCodeProcess(worker->process.hProcess, &exitCode))
    {
        LogFailure(install, L"GetExitCodeProcess", GetLastError());
        return ERROR_INSTALL_FAILURE;
    }
    /* The worker returns 0, 1602 (cancelled) or 1603; anything else (a crash's exception code, say) is a failure,
       logged. */
    if (exitCode == ERROR_SUCCESS || exitCode == RESULT_USER_EXIT)
    {
        return exitCode;
    }
    if (exitCode != ERROR_INSTALL_FAILURE)
    {
        LogExitCode(install, exitCode);
    }
    return ERROR_INSTALL_FAILURE;
}

/* The whole call: returns what msiexec gets from the action. */
static UINT RunWorker(MSIHANDLE install, const WCHAR *action)
{
    UINT result = ERROR_INSTALL_FAILURE;
    const WCHAR *step = L"Creating the worker's temporary folder";
    WCHAR *folder = Allocate(MAX_PATH * sizeof(WCHAR));
    WCHAR *path = Allocate(MAX_PATH * sizeof(WCHAR));
    Worker worker = {0};
    if (!folder || !path)
    {
        LogFailure(install, L"Allocating memory", ERROR_NOT_ENOUGH_MEMORY);
        goto done;
    }
    if (!CreateWorkerFolder(folder))
    {
        LogFailure(install, step, GetLastError());
        goto done;
    }
    memcpy(path, folder, (TextLength(folder) + 1) * sizeof(WCHAR));
    Append(path, WorkerFileName);
    if (!WriteWorker(path, &worker.file))
    {
        LogFailure(install, L"Writing the worker's program file", GetLastError());
    }
    else if (!StartWorker(path, folder, &worker, &step))
    {
        LogFailure(install, step, GetLastError());
    }
    else
    {
        result = Supervise(install, &worker, action);
    }
    CloseWorker(&worker);
    DeleteWorkerFolder(install, folder, path);

done:
    Free(folder);
    Free(path);
    return result;
}

/* ---- The exports: the CustomAction rows' DllEntry names (the C# actions of the same names) -------------------- */

__declspec(dllexport) UINT __stdcall DecidePartnerId(MSIHANDLE install)
{
    return RunWorker(install, L"DecidePartnerId");
}

__declspec(dllexport) UINT __stdcall PutBackPartnerValue(MSIHANDLE install)
{
    return RunWorker(install, L"PutBackPartnerValue");
}

#ifdef PORSETUP_TEST_FAIL_WHEN_DEFERRED
/* Test builds only (the end-to-end tests' FailingWhenDeferred package), like WiX's WixFailWhenDeferred: a deferred
   action that always fails, so that a test sees the rollback of an install that failed after the registry was
   written. It needs nothing of the worker. */
__declspec(dllexport) UINT __stdcall FailWhenDeferred(MSIHANDLE install)
{
    MSIHANDLE record = MsiCreateRecord(0);
    if (record)
    {
        MsiRecordSetStringW(record, 0, L"PorSetup: FailWhenDeferred: failing on purpose (a test build of the proxy).");
        MsiProcessMessage(install, INSTALLMESSAGE_INFO, record);
        MsiCloseHandle(record);
    }
    return ERROR_INSTALL_FAILURE;
}
#endif

BOOL WINAPI DllMain(HINSTANCE module, DWORD reason, LPVOID reserved)
{
    (void)module;
    (void)reserved;
    if (reason == DLL_PROCESS_ATTACH)
    {
        DisableThreadLibraryCalls(module);
    }
    return TRUE;
}
