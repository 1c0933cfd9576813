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

void *memset(void *destination, int value, size_t count);
size_t strlen(const char *text);
size_t strnlen(const char *text, size_t maximum);

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
// header at the symbol _load_config_used. Only SecurityCookie and DependentLoadFlags are filled in: no SEH table
// on x64, no CFG.
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

static_assert(__builtin_offsetof(LoadConfigDirectory, DependentLoadFlags) == 0x4E, "IMAGE_LOAD_CONFIG_DIRECTORY64 layout");

// DependentLoadFlags: the loader looks for the DLLs this program imports in System32 only, never in the program's
// own folder first (Windows 10 1607 and later; older systems ignore it). What MSVC's /DEPENDENTLOADFLAG sets,
// which lld-link 14 lacks.
#define LOAD_LIBRARY_SEARCH_SYSTEM32 0x800

extern const LoadConfigDirectory _load_config_used;
const LoadConfigDirectory _load_config_used = {
    sizeof(LoadConfigDirectory), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, LOAD_LIBRARY_SEARCH_SYSTEM32, 0, &__security_cookie, 0, 0, 0, 0, 0, 0, 0};

int _fltused = 0x9875; // the compiler references it when floating point is used

// ---- Control Flow Guard: not enabled (see the top of the file) ---------------------------------------------

void __guard_dispatch_icall_nop(void);
__asm__(".text\n"
        ".globl __guard_dispatch_icall_nop\n"
        "__guard_dispatch_icall_nop:\n"
        "    jmp *%rax\n");
// Read-only (.rdata): a pointer every indirect call goes through must not be writable by a memory-corruption bug.
extern void *const __guard_dispatch_icall_fptr;
void *const __guard_dispatch_icall_fptr = (void *)&__guard_dispatch_icall_nop;

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

// ---- The C library functions the runtime calls ------------------------------------------------------------
//
// Defined here rather than imported from the Universal CRT (api-ms-win-crt-*, ucrtbase.dll), which a Windows
// Server 2012 or 2012 R2 without KB2999226 lacks: the loader would fail the worker, or stop on its error dialog.
// These are the functions the lld-link step reports unresolved without libucrt (CrossLink.targets), with the
// behaviour their callers in the NativeAOT runtime rely on (RhConfig.cpp, gcconfig.cpp, PalMinWin.cpp,
// cpufeatures.c, gccommon.cpp, the GC's own copies).

// The copies are rep movsb / rep stosb, as fast as a loop on every x64 since Ivy Bridge (ERMSB), and written in
// assembly so the compiler cannot turn them back into calls to themselves.
void *memcpy(void *destination, const void *source, size_t count)
{
    void *to = destination;
    __asm__ volatile("rep movsb" : "+D"(to), "+S"(source), "+c"(count) : : "memory");
    return destination;
}

void *memmove(void *destination, const void *source, size_t count)
{
    if ((uintptr_t)destination - (uintptr_t)source >= count) // no overlap, or the destination is below
    {
        return memcpy(destination, source, count);
    }

    // The destination overlaps the source's end: copy from the last byte down.
    void *to = (char *)destination + count - 1;
    const void *from = (const char *)source + count - 1;
    __asm__ volatile("std\n\trep movsb\n\tcld" : "+D"(to), "+S"(from), "+c"(count) : : "memory", "cc");
    return destination;
}

void *memset(void *destination, int value, size_t count)
{
    void *to = destination;
    __asm__ volatile("rep stosb" : "+D"(to), "+c"(count) : "a"(value) : "memory");
    return destination;
}

int memcmp(const void *left, const void *right, size_t count)
{
    const volatile unsigned char *a = (const unsigned char *)left; // volatile: not turned into a call to memcmp
    const volatile unsigned char *b = (const unsigned char *)right;
    for (; count; count--, a++, b++)
    {
        if (*a != *b)
        {
            return *a < *b ? -1 : 1;
        }
    }

    return 0;
}

size_t strlen(const char *text)
{
    const volatile char *end = text;
    while (*end)
    {
        end++;
    }

    return (size_t)(end - text);
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

int strcmp(const char *left, const char *right)
{
    const unsigned char *a = (const unsigned char *)left;
    const unsigned char *b = (const unsigned char *)right;
    while (*a && *a == *b)
    {
        a++;
        b++;
    }

    return *a < *b ? -1 : *a > *b ? 1 : 0;
}

static unsigned char AsciiLower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

// As the CRT in the "C" locale (the runtime calls it on configuration names): ASCII letters only.
int _stricmp(const char *left, const char *right)
{
    const unsigned char *a = (const unsigned char *)left;
    const unsigned char *b = (const unsigned char *)right;
    while (*a && AsciiLower(*a) == AsciiLower(*b))
    {
        a++;
        b++;
    }

    return (int)AsciiLower(*a) - (int)AsciiLower(*b);
}

char *strcpy(char *destination, const char *source)
{
    volatile char *to = destination;
    while ((*to++ = *source++) != 0)
    {
    }

    return destination;
}

char *strstr(const char *text, const char *pattern)
{
    if (!*pattern)
    {
        return (char *)text;
    }

    for (; *text; text++)
    {
        const char *t = text;
        const char *p = pattern;
        while (*t && *t == *p)
        {
            t++;
            p++;
        }

        if (!*p)
        {
            return (char *)text;
        }
    }

    return 0;
}

// strtoull and strtoul as the C standard has them: leading blanks, a sign, base 0 (0x hexadecimal, 0 octal, else
// decimal) or 2 to 36, the largest value on overflow. errno is not set: no caller in the runtime reads it.
static unsigned long long ParseUnsigned(const char *text, char **end, int base, unsigned long long maximum)
{
    const char *p = text;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
    {
        p++;
    }

    bool negative = false;
    if (*p == '+' || *p == '-')
    {
        negative = *p == '-';
        p++;
    }

    if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
    {
        const char c = p[2];
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
        {
            p += 2;
            base = 16;
        }
    }
    else if (base == 0)
    {
        base = p[0] == '0' ? 8 : 10;
    }

    if (base < 2 || base > 36)
    {
        if (end)
        {
            *end = (char *)text;
        }

        return 0;
    }

    unsigned long long value = 0;
    bool overflow = false;
    const char *digits = p;
    for (;; p++)
    {
        const unsigned char c = (unsigned char)*p;
        int digit = c >= '0' && c <= '9' ? c - '0' : AsciiLower(c) >= 'a' && AsciiLower(c) <= 'z' ? AsciiLower(c) - 'a' + 10 : 36;
        if (digit >= base)
        {
            break;
        }

        if (value > (maximum - (unsigned)digit) / (unsigned)base)
        {
            overflow = true;
        }
        else
        {
            value = value * (unsigned)base + (unsigned)digit;
        }
    }

    if (end)
    {
        *end = (char *)(p == digits ? text : p);
    }

    if (overflow)
    {
        return maximum;
    }

    return negative ? (0 - value) & maximum : value;
}

unsigned long long strtoull(const char *text, char **end, int base)
{
    return ParseUnsigned(text, end, base, ~0ULL);
}

unsigned long strtoul(const char *text, char **end, int base)
{
    return (unsigned long)ParseUnsigned(text, end, base, 0xFFFFFFFFULL);
}

// The natural logarithm by the x87 unit: fyl2x computes ln(2) * log2(x) and rounds once (to double, the
// precision Windows sets for x64 programs), within an ulp of the true value. NaN for a negative argument or NaN,
// -inf for 0, +inf for +inf, as log.
double log(double value)
{
    double result;
    __asm__("fldln2\n\tfxch\n\tfyl2x" : "=t"(result) : "0"(value));
    return result;
}

// A pure virtual function was called: a bug, so the process ends at once, as the CRT's _purecall does by default.
void _purecall(void)
{
    __fastfail(7); // FAST_FAIL_FATAL_APP_EXIT
}

// __stdio_common_vsnprintf_s, what the UCRT headers' inline _snprintf_s/vsnprintf_s call: the runtime formats only
// diagnostic text with it. Conversions: d i u x X o c s p %, with the flags - 0, a width and precision (also *),
// and the length modifiers hh h l ll z j t I I32 I64. Anything else stops the output there. Like the CRT with
// _TRUNCATE (count), too long an output is cut and -1 returned; with a count larger than the buffer, or no
// buffer that count does not fit, the text is emptied and -1 returned (the CRT would call its invalid-parameter
// handler).
typedef __builtin_va_list va_list;

struct Output
{
    char *buffer;
    size_t limit; // characters that may be written before the terminating null
    size_t length;
    bool truncated;
};

static void Put(Output *out, char c)
{
    if (out->length < out->limit)
    {
        out->buffer[out->length++] = c;
    }
    else
    {
        out->truncated = true;
    }
}

static void PutPadded(Output *out, const char *text, size_t length, int width, bool left, char pad)
{
    size_t padding = width > 0 && (size_t)width > length ? (size_t)width - length : 0;
    if (!left)
    {
        for (size_t i = 0; i < padding; i++)
        {
            Put(out, pad);
        }
    }

    for (size_t i = 0; i < length; i++)
    {
        Put(out, text[i]);
    }

    if (left)
    {
        for (size_t i = 0; i < padding; i++)
        {
            Put(out, ' ');
        }
    }
}

static int ReadNumber(const char **format)
{
    int value = 0;
    while (**format >= '0' && **format <= '9')
    {
        value = value * 10 + (*(*format)++ - '0');
    }

    return value;
}

int __stdio_common_vsnprintf_s(unsigned long long options, char *buffer, size_t bufferCount, size_t maxCount,
                               const char *format, void *locale, va_list arguments)
{
    (void)options;
    (void)locale;
    const size_t truncate = (size_t)-1; // _TRUNCATE
    if (!buffer || bufferCount == 0 || !format)
    {
        if (buffer && bufferCount)
        {
            buffer[0] = '\0';
        }

        return -1;
    }

    Output out = {buffer, maxCount < bufferCount ? maxCount : bufferCount - 1, 0, false};
    while (*format)
    {
        if (*format != '%')
        {
            Put(&out, *format++);
            continue;
        }

        format++;
        bool left = false;
        char pad = ' ';
        for (;; format++)
        {
            if (*format == '-')
            {
                left = true;
            }
            else if (*format == '0')
            {
                pad = '0';
            }
            else
            {
                break;
            }
        }

        int width = *format == '*' ? (format++, __builtin_va_arg(arguments, int)) : ReadNumber(&format);
        if (width < 0)
        {
            left = true;
            width = -width;
        }

        int precision = -1;
        if (*format == '.')
        {
            format++;
            precision = *format == '*' ? (format++, __builtin_va_arg(arguments, int)) : ReadNumber(&format);
        }

        int size = 4; // bytes of the integer argument
        if (format[0] == 'l' && format[1] == 'l')
        {
            size = 8;
            format += 2;
        }
        else if (format[0] == 'I' && format[1] == '6' && format[2] == '4')
        {
            size = 8;
            format += 3;
        }
        else if (format[0] == 'I' && format[1] == '3' && format[2] == '2')
        {
            format += 3;
        }
        else if (*format == 'z' || *format == 'j' || *format == 't' || *format == 'I')
        {
            size = 8;
            format++;
        }
        else if (*format == 'l' || *format == 'h')
        {
            format += format[0] == 'h' && format[1] == 'h' ? 2 : 1; // long is 32 bits; h and hh are promoted
        }

        char digits[24];
        size_t count = 0;
        const char conversion = *format ? *format++ : '\0';
        switch (conversion)
        {
        case '%':
            Put(&out, '%');
            break;
        case 'c':
        {
            const char c = (char)__builtin_va_arg(arguments, int);
            PutPadded(&out, &c, 1, width, left, ' ');
            break;
        }
        case 's':
        {
            const char *text = __builtin_va_arg(arguments, const char *);
            if (!text)
            {
                text = "(null)";
            }

            PutPadded(&out, text, precision >= 0 ? strnlen(text, (size_t)precision) : strlen(text), width, left, ' ');
            break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o':
        case 'p':
        {
            unsigned long long value;
            bool negative = false;
            if (conversion == 'p')
            {
                value = (uintptr_t)__builtin_va_arg(arguments, void *);
                size = 8;
                if (precision < 0)
                {
                    precision = 16; // as the CRT: all 16 digits, upper case
                }
            }
            else if (size == 8)
            {
                value = __builtin_va_arg(arguments, unsigned long long);
            }
            else
            {
                value = __builtin_va_arg(arguments, unsigned int);
            }

            if (conversion == 'd' || conversion == 'i')
            {
                const long long signedValue = size == 8 ? (long long)value : (long long)(int)value;
                negative = signedValue < 0;
                value = negative ? 0 - (unsigned long long)signedValue : (unsigned long long)signedValue;
            }

            const unsigned base = conversion == 'o' ? 8 : conversion == 'x' || conversion == 'X' || conversion == 'p' ? 16 : 10;
            const char *alphabet = conversion == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
            char *end = digits + sizeof digits;
            char *p = end;
            while (value)
            {
                *--p = alphabet[value % base];
                value /= base;
            }

            while (p > digits + 1 && (end - p < precision || (precision < 0 && p == end)))
            {
                *--p = '0';
            }

            if (negative)
            {
                *--p = '-';
            }

            count = (size_t)(end - p);
            if (pad == '0' && !left && precision < 0 && negative && width > 0)
            {
                Put(&out, '-'); // the sign goes before the zeros
                PutPadded(&out, p + 1, count - 1, width - 1, false, '0');
            }
            else
            {
                PutPadded(&out, p, count, width, left, precision < 0 ? pad : ' ');
            }

            break;
        }
        default: // not a conversion this implementation knows: end the text there, and fail
            out.truncated = true;
            format = "";
            break;
        }
    }

    if (out.truncated && maxCount != truncate && maxCount >= bufferCount)
    {
        out.length = 0; // the buffer was too small for the count given: the CRT's invalid-parameter case
    }

    buffer[out.length] = '\0';
    return out.truncated ? -1 : (int)out.length;
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
