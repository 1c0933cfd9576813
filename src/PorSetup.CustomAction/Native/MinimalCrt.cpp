// Copyright (c) PorSetup contributors. MIT licensed.
//
// The parts of Microsoft's static C/C++ runtime (libcmt, libvcruntime, libcpmt) that the NativeAOT runtime
// libraries use, for linking the worker, PorSetup.CustomAction.exe, with lld-link and mingw-w64 import libraries on
// a non-Windows host (see CrossLink.targets). On Windows the real runtime is linked instead and this file is
// not used.
//
// It follows what the Microsoft runtime does for a program, and says so where it does less:
// - /GS: the stack cookie is random per process before any other code of this program runs. The image carries a
//   load configuration directory that points the loader at __security_cookie; Windows (and Wine) replace the
//   default value with a random one while mapping the image. If a loader did not, wmainCRTStartup mixes one
//   from the clock, performance counter, process and thread IDs and addresses, as __security_init_cookie
//   does. A cookie mismatch ends the process at once (__fastfail), never through handlers.
// - Control Flow Guard: not enabled, as in a default NativeAOT link (which does not pass /guard:cf): indirect
//   calls through __guard_dispatch_icall_fptr are plain jumps.
// - Everything else (TLS, initializers, atexit, __chkstk, operator new/delete) is complete for what the
//   runtime uses; anything it would need beyond that fails the link instead of silently doing nothing.
//
// Build: clang --target=x86_64-pc-windows-msvc -Os -c -ffreestanding -nostdinc -fno-exceptions -fno-rtti
//        -fno-stack-protector (this file itself must not use the cookie it initializes).

typedef unsigned long long size_t;
typedef unsigned long long uintptr_t;
typedef unsigned long DWORD;
typedef unsigned short WORD;
typedef int BOOL;
typedef void *HANDLE;

extern "C" {

__declspec(dllimport) HANDLE __stdcall GetProcessHeap(void);
__declspec(dllimport) void *__stdcall HeapAlloc(HANDLE heap, DWORD flags, size_t bytes);
__declspec(dllimport) void *__stdcall HeapReAlloc(HANDLE heap, DWORD flags, void *memory, size_t bytes);
__declspec(dllimport) BOOL __stdcall HeapFree(HANDLE heap, DWORD flags, void *memory);
__declspec(dllimport) void __stdcall AcquireSRWLockExclusive(void **lock);
__declspec(dllimport) void __stdcall ReleaseSRWLockExclusive(void **lock);
__declspec(dllimport) void __stdcall GetSystemTimeAsFileTime(unsigned long long *time);
__declspec(dllimport) BOOL __stdcall QueryPerformanceCounter(long long *counter);
__declspec(dllimport) DWORD __stdcall GetCurrentProcessId(void);
__declspec(dllimport) DWORD __stdcall GetCurrentThreadId(void);
__declspec(dllimport) DWORD __stdcall GetModuleFileNameW(HANDLE module, wchar_t *path, DWORD size);
[[noreturn]] __declspec(dllimport) void __stdcall ExitProcess(unsigned int exitCode);

enum
{
    DllThreadAttach = 2,
    FastFailStackCookieCheckFailure = 2, // FAST_FAIL_STACK_COOKIE_CHECK_FAILURE
    FastFailRangeCheckFailure = 8,       // FAST_FAIL_RANGE_CHECK_FAILURE
    ExceptionContinueSearch = 1,
};

typedef void(__cdecl *Initializer)(void);
typedef int(__cdecl *CheckedInitializer)(void);
typedef void(__stdcall *TlsCallback)(void *module, DWORD reason, void *reserved);

// ---- /GS stack cookie --------------------------------------------------------------------------------------

// The value every MSVC-compiled image starts with; loaders replace it when they see it.
#define DEFAULT_SECURITY_COOKIE 0x00002B992DDFA232ULL

uintptr_t __security_cookie = DEFAULT_SECURITY_COOKIE;
uintptr_t __security_cookie_complement = ~DEFAULT_SECURITY_COOKIE;

// Called as the program's first step, before any code that checks a cookie. Same sources and shape as the
// Microsoft runtime's __security_init_cookie; keeps a cookie the loader already randomized.
static void InitSecurityCookie(void *module)
{
    if (__security_cookie != DEFAULT_SECURITY_COOKIE && __security_cookie != 0)
    {
        __security_cookie_complement = ~__security_cookie;
        return;
    }

    unsigned long long time = 0;
    long long counter = 0;
    GetSystemTimeAsFileTime(&time);
    QueryPerformanceCounter(&counter);
    uintptr_t cookie = time;
    cookie ^= GetCurrentThreadId();
    cookie ^= (uintptr_t)GetCurrentProcessId() << 32;
    cookie ^= ((uintptr_t)counter << 32) ^ (uintptr_t)counter;
    cookie ^= __builtin_readcyclecounter();
    cookie ^= (uintptr_t)&cookie;  // stack address (ASLR)
    cookie ^= (uintptr_t)module;   // image address (ASLR)
    cookie &= 0x0000FFFFFFFFFFFFULL; // as MSVC: the top 16 bits stay clear
    if (cookie == DEFAULT_SECURITY_COOKIE || cookie == 0)
    {
        cookie = DEFAULT_SECURITY_COOKIE + 1;
    }

    __security_cookie = cookie;
    __security_cookie_complement = ~cookie;
}

// void __security_check_cookie(uintptr_t cookie): called in epilogues with the frame's cookie in rcx. Written
// in assembly so it changes no register on success (the function's return value is already in rax).
void __security_check_cookie(uintptr_t cookie);
__asm__(".text\n"
        ".globl __security_check_cookie\n"
        "__security_check_cookie:\n"
        "    cmpq __security_cookie(%rip), %rcx\n"
        "    jne 1f\n"
        "    ret\n"
        "1:  movl $2, %ecx\n" // FAST_FAIL_STACK_COOKIE_CHECK_FAILURE
        "    int $0x29\n");   // __fastfail: ends the process, no handler runs

void __report_rangecheckfailure(void)
{
    __fastfail(FastFailRangeCheckFailure);
}

// The exception handler of functions that have both a /GS cookie and an exception handler: checks the frame's
// cookie while an exception passes through it, so an overrun cannot escape the check by raising an exception.
struct RuntimeFunction
{
    DWORD BeginAddress;
    DWORD EndAddress;
    DWORD UnwindData;
};

struct DispatcherContext
{
    uintptr_t ControlPc;
    uintptr_t ImageBase;
    RuntimeFunction *FunctionEntry;
    uintptr_t EstablisherFrame;
    uintptr_t TargetIp;
    void *ContextRecord;
    void *LanguageHandler;
    void *HandlerData;
};

struct GsHandlerData
{
    int CookieOffset; // low 3 bits are flags: 1 EHandler, 2 UHandler, 4 HasAlignment
    int AlignedBaseOffset;
    int Alignment;
};

int __GSHandlerCheck(void *exceptionRecord, void *establisherFrame, void *contextRecord, DispatcherContext *dispatcher)
{
    (void)exceptionRecord;
    (void)contextRecord;
    const GsHandlerData *data = (const GsHandlerData *)dispatcher->HandlerData;
    uintptr_t frame = (uintptr_t)establisherFrame;
    uintptr_t cookieBase = frame;
    if (data->CookieOffset & 4)
    {
        cookieBase = (frame + data->AlignedBaseOffset) & (uintptr_t)(-(long long)data->Alignment);
    }

    // The cookie was stored XORed with the frame pointer: the establisher frame, plus the frame register's
    // offset when the function has one (UNWIND_INFO byte 3: FrameRegister low nibble, FrameOffset high nibble).
    const unsigned char frameByte = *((const unsigned char *)(dispatcher->ImageBase + dispatcher->FunctionEntry->UnwindData) + 3);
    const uintptr_t xorValue = (frameByte & 0x0F) != 0 ? frame + (frameByte & 0xF0) : frame;
    const uintptr_t cookie = *(const uintptr_t *)(cookieBase + (data->CookieOffset & ~7)) ^ xorValue;
    __security_check_cookie(cookie);
    return ExceptionContinueSearch;
}

// The load configuration directory (IMAGE_LOAD_CONFIG_DIRECTORY64 up to GuardFlags). lld-link points the PE
// header at the symbol _load_config_used. Only SecurityCookie is filled in: no SEH table on x64, no CFG.
struct LoadConfigDirectory
{
    DWORD Size;
    DWORD TimeDateStamp;
    WORD MajorVersion;
    WORD MinorVersion;
    DWORD GlobalFlagsClear;
    DWORD GlobalFlagsSet;
    DWORD CriticalSectionDefaultTimeout;
    unsigned long long DeCommitFreeBlockThreshold;
    unsigned long long DeCommitTotalFreeThreshold;
    unsigned long long LockPrefixTable;
    unsigned long long MaximumAllocationSize;
    unsigned long long VirtualMemoryThreshold;
    unsigned long long ProcessAffinityMask;
    DWORD ProcessHeapFlags;
    WORD CSDVersion;
    WORD DependentLoadFlags;
    unsigned long long EditList;
    uintptr_t *SecurityCookie;
    unsigned long long SEHandlerTable;
    unsigned long long SEHandlerCount;
    unsigned long long GuardCFCheckFunctionPointer;
    unsigned long long GuardCFDispatchFunctionPointer;
    unsigned long long GuardCFFunctionTable;
    unsigned long long GuardCFFunctionCount;
    DWORD GuardFlags;
};

static_assert(__builtin_offsetof(LoadConfigDirectory, SecurityCookie) == 0x58, "IMAGE_LOAD_CONFIG_DIRECTORY64 layout");

extern const LoadConfigDirectory _load_config_used;
const LoadConfigDirectory _load_config_used = {sizeof(LoadConfigDirectory), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, &__security_cookie, 0, 0, 0, 0, 0, 0, 0};

int _fltused = 0x9875; // the compiler references it when floating point is used

// ---- Control Flow Guard: not enabled (see the top of the file) ---------------------------------------------

void __guard_dispatch_icall_nop(void);
__asm__(".text\n"
        ".globl __guard_dispatch_icall_nop\n"
        "__guard_dispatch_icall_nop:\n"
        "    jmp *%rax\n");
void *__guard_dispatch_icall_fptr = (void *)&__guard_dispatch_icall_nop;

// ---- __chkstk: touch each page of a large stack allocation (rax bytes) in order; changes no register -------

__asm__(".text\n"
        ".globl __chkstk\n"
        "__chkstk:\n"
        "    pushq %rcx\n"
        "    pushq %rax\n"
        "    leaq 24(%rsp), %rcx\n" // the caller's rsp (before its call pushed the return address)
        "1:  cmpq $0x1000, %rax\n"
        "    jb 2f\n"
        "    subq $0x1000, %rcx\n"
        "    testq %rcx, (%rcx)\n"
        "    subq $0x1000, %rax\n"
        "    jmp 1b\n"
        "2:  subq %rax, %rcx\n"
        "    testq %rcx, (%rcx)\n"
        "    popq %rax\n"
        "    popq %rcx\n"
        "    ret\n");

// ---- Static thread-local storage (what tlssup.obj provides) ------------------------------------------------

unsigned int _tls_index = 0;
__attribute__((section(".tls"))) char _tls_start = 0;
__attribute__((section(".tls$ZZZ"))) char _tls_end = 0;
__attribute__((section(".CRT$XLA"))) TlsCallback __xl_a = 0;
__attribute__((section(".CRT$XLZ"))) TlsCallback __xl_z = 0;

struct TlsDirectory
{
    const void *StartAddressOfRawData;
    const void *EndAddressOfRawData;
    const void *AddressOfIndex;
    const void *AddressOfCallBacks;
    DWORD SizeOfZeroFill;
    DWORD Characteristics;
};

extern const TlsDirectory _tls_used;
const TlsDirectory _tls_used = {&_tls_start, &_tls_end, &_tls_index, &__xl_a + 1, 0, 0};

// thread_local variables with dynamic initializers (.CRT$XDU): run once per thread, on demand or when the
// thread starts, as the Microsoft runtime does.
__declspec(thread) bool __tls_guard = false;
__attribute__((section(".CRT$XDA"))) Initializer __xd_a = 0;
__attribute__((section(".CRT$XDZ"))) Initializer __xd_z = 0;

void __stdcall __dyn_tls_init(void *module, DWORD reason, void *reserved)
{
    (void)module;
    (void)reserved;
    if (reason != DllThreadAttach || __tls_guard)
    {
        return;
    }

    __tls_guard = true;
    for (Initializer *p = &__xd_a + 1; p < &__xd_z; ++p)
    {
        if (*p)
        {
            (*p)();
        }
    }
}

void __dyn_tls_on_demand_init(void)
{
    __dyn_tls_init(0, DllThreadAttach, 0);
}

__attribute__((section(".CRT$XLC"), used)) TlsCallback __xl_c = __dyn_tls_init;

// ---- Static initializers and atexit ------------------------------------------------------------------------

__attribute__((section(".CRT$XIA"))) CheckedInitializer __xi_a = 0;
__attribute__((section(".CRT$XIZ"))) CheckedInitializer __xi_z = 0;
__attribute__((section(".CRT$XCA"))) Initializer __xc_a = 0;
__attribute__((section(".CRT$XCZ"))) Initializer __xc_z = 0;

// atexit functions run, last first, when main returns.
static Initializer *g_atExit;
static size_t g_atExitCount;
static size_t g_atExitCapacity;
static void *g_atExitLock;

int atexit(Initializer function)
{
    int result = 0;
    AcquireSRWLockExclusive(&g_atExitLock);
    if (g_atExitCount == g_atExitCapacity)
    {
        const size_t capacity = g_atExitCapacity ? g_atExitCapacity * 2 : 16;
        void *grown = g_atExit ? HeapReAlloc(GetProcessHeap(), 0, g_atExit, capacity * sizeof(Initializer))
                               : HeapAlloc(GetProcessHeap(), 0, capacity * sizeof(Initializer));
        if (grown)
        {
            g_atExit = (Initializer *)grown;
            g_atExitCapacity = capacity;
        }
    }

    if (g_atExitCount < g_atExitCapacity)
    {
        g_atExit[g_atExitCount++] = function;
    }
    else
    {
        result = -1; // out of memory: reported to the caller, as atexit does
    }

    ReleaseSRWLockExclusive(&g_atExitLock);
    return result;
}

static void RunAtExit(void)
{
    while (g_atExitCount > 0)
    {
        g_atExit[--g_atExitCount]();
    }
}

static bool RunInitializers(void)
{
    for (CheckedInitializer *p = &__xi_a + 1; p < &__xi_z; ++p)
    {
        if (*p && (*p)() != 0)
        {
            return false;
        }
    }

    for (Initializer *p = &__xc_a + 1; p < &__xc_z; ++p)
    {
        if (*p)
        {
            (*p)();
        }
    }

    return true;
}

// ---- The program's entry point -----------------------------------------------------------------------------

extern "C" const char __ImageBase; // the image's own address, defined by the linker
int __cdecl wmain(int argc, wchar_t **argv); // NativeAOT's bootstrapper: starts the runtime, runs Main

// What mainCRTStartup does for a program, in order: cookie, initializers, main, atexit functions, exit. argv
// holds only the program's path: the worker takes no arguments (the proxy sends the action's name over the pipe),
// so no command-line parser is linked in.
[[noreturn]] void wmainCRTStartup(void)
{
    InitSecurityCookie((void *)&__ImageBase);
    if (!RunInitializers())
    {
        RunAtExit();
        ExitProcess(255);
    }

    static wchar_t path[32768]; // the longest path Windows has
    const DWORD length = GetModuleFileNameW(0, path, sizeof path / sizeof path[0]);
    wchar_t *argv[] = {path, 0};
    const int result = wmain(length != 0 ? 1 : 0, length != 0 ? argv : argv + 1);
    RunAtExit();
    ExitProcess((unsigned int)result);
}

// ---- C library functions the runtime calls that mingw-w64's libucrt.a does not define ----------------------

extern double (*__imp_log)(double); // ucrtbase's log, through the import table
double log(double value)
{
    return __imp_log(value);
}

size_t strnlen(const char *text, size_t maximum)
{
    size_t length = 0;
    while (length < maximum && text[length])
    {
        length++;
    }

    return length;
}

} // extern "C"

// ---- operator new (nothrow) and delete: the runtime allocates only through these forms ---------------------

namespace std
{
struct nothrow_t
{
    explicit nothrow_t() = default;
};
extern const nothrow_t nothrow;
const nothrow_t nothrow{};
} // namespace std

void *operator new(size_t size, const std::nothrow_t &) noexcept
{
    return HeapAlloc(GetProcessHeap(), 0, size ? size : 1);
}

void *operator new[](size_t size, const std::nothrow_t &) noexcept
{
    return HeapAlloc(GetProcessHeap(), 0, size ? size : 1);
}

void operator delete(void *memory) noexcept
{
    if (memory)
    {
        HeapFree(GetProcessHeap(), 0, memory);
    }
}

void operator delete(void *memory, size_t) noexcept
{
    operator delete(memory);
}

void operator delete[](void *memory) noexcept
{
    operator delete(memory);
}

void operator delete[](void *memory, size_t) noexcept
{
    operator delete(memory);
}
