// Copyright (c) PorSetup contributors. MIT licensed.
//
// Checks the C library functions of src/PorSetup.CustomAction/Native/MinimalCrt.cpp (its section "The C library
// functions the runtime calls", written by MinimalCLibraryTests to lib.inc) against the host's C library, on an x64
// Linux host: the same code, compiled with its names prefixed (m_) so that both can be called side by side.
// Windows semantics where they differ from the host's: long is 32 bits (strtoul), _snprintf_s's counts.
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <math.h>
#include <stdarg.h>
namespace m {
typedef unsigned long long size_t;
typedef unsigned long long uintptr_t;
#define __fastfail(x) __builtin_trap()
#define memcpy m_memcpy
#define memmove m_memmove
#define memset m_memset
#define memcmp m_memcmp
#define strlen m_strlen
#define strnlen m_strnlen
#define strcmp m_strcmp
#define _stricmp m_stricmp
#define strcpy m_strcpy
#define strstr m_strstr
#define strtoull m_strtoull
#define strtoul m_strtoul
#define log m_log
#define _purecall m_purecall
#define __stdio_common_vsnprintf_s m_vsnprintf_s
#include "lib.inc"
}
#undef memcpy
#undef memmove
#undef memset
#undef memcmp
#undef strlen
#undef strnlen
#undef strcmp
#undef _stricmp
#undef strcpy
#undef strstr
#undef strtoull
#undef strtoul
#undef log
#undef _purecall
#undef __stdio_common_vsnprintf_s

static int fmt(char *b, size_t n, size_t max, const char *f, ...) { va_list a; va_start(a, f); int r = m::m_vsnprintf_s(0, b, n, max, f, nullptr, a); va_end(a); return r; }
int main() {
  int bad = 0;
  #define CHECK(c) do { if (!(c)) { printf("FAIL %s:%d %s\n", __FILE__, __LINE__, #c); bad++; } } while (0)
  char a[64], b[64];
  for (int i = 0; i < 64; i++) a[i] = b[i] = (char)i;
  m::m_memmove(a + 3, a, 40); memmove(b + 3, b, 40); CHECK(!memcmp(a, b, 64));
  m::m_memmove(a, a + 5, 40); memmove(b, b + 5, 40); CHECK(!memcmp(a, b, 64));
  m::m_memset(a, 0xAB, 10); memset(b, 0xAB, 10); CHECK(!memcmp(a, b, 64));
  CHECK(m::m_memcmp("abc", "abd", 3) < 0); CHECK(m::m_memcmp("abc", "abc", 3) == 0);
  CHECK(m::m_strlen("hello") == 5); CHECK(m::m_strcmp("a", "b") < 0); CHECK(m::m_strcmp("b", "a") > 0); CHECK(m::m_strcmp("ab", "ab") == 0);
  CHECK(m::m_stricmp("GCgen0Size", "gcGEN0size") == 0); CHECK(m::m_stricmp("a", "B") < 0);
  CHECK(m::m_strstr("avx512f sse", "512") == strstr("avx512f sse", "512")); CHECK(!m::m_strstr("abc", "x"));
  char *e;
  const char *nums[] = {"0x1F", "1F", "  42", "-1", "0", "077", "18446744073709551615", "18446744073709551616", "zz", "0x", "+7abc"};
  int bases[] = {16, 16, 10, 10, 0, 0, 10, 10, 10, 16, 10};
  for (int i = 0; i < 11; i++) {
    char *e2; unsigned long long x = m::m_strtoull(nums[i], &e, bases[i]); unsigned long long y = strtoull(nums[i], &e2, bases[i]);
    if (x != y || e != e2) { printf("strtoull %s base %d: %llu/%ld vs %llu/%ld\n", nums[i], bases[i], x, (long)(e - nums[i]), y, (long)(e2 - nums[i])); bad++; }
  }
  CHECK(m::m_strtoul("4294967296", &e, 10) == 0xFFFFFFFFul);
  CHECK(m::m_strtoul("0", &e, 0) == 0 && *e == 0);
  double vals[] = {1, 2.718281828459045, 10, 0.5, 1e-300, 1e300, 123456.789};
  for (double v : vals) { double r = m::m_log(v), t = log(v); if (fabs(r - t) > fabs(t) * 4e-16 + 1e-300) { printf("log(%g) %.17g vs %.17g\n", v, r, t); bad++; } }
  CHECK(isnan(m::m_log(-1))); CHECK(isinf(m::m_log(0)) && m::m_log(0) < 0);
  char o[64];
  CHECK(fmt(o, 64, (size_t)-1, "%d|%5d|%-5d|%05d", -12, -12, -12, -12) >= 0 && !strcmp(o, "-12|  -12|-12  |-0012"));
  CHECK(fmt(o, 64, (size_t)-1, "%u %x %X %o %%", 42u, 255u, 255u, 8u) >= 0 && !strcmp(o, "42 ff FF 10 %"));
  CHECK(fmt(o, 64, (size_t)-1, "%llu %zx %I64d", 18446744073709551615ull, (size_t)0xabc, -5ll) >= 0 && !strcmp(o, "18446744073709551615 abc -5"));
  CHECK(fmt(o, 64, (size_t)-1, "[%s] [%.2s] [%5s] [%c]", "hey", "hey", "ab", 'z') >= 0 && !strcmp(o, "[hey] [he] [   ab] [z]"));
  CHECK(fmt(o, 64, (size_t)-1, "%p", (void *)0x1234) >= 0 && !strcmp(o, "0000000000001234"));
  CHECK(fmt(o, 64, (size_t)-1, "%d %.3d %x", 0, 7, 0) >= 0 && !strcmp(o, "0 007 0"));
  CHECK(fmt(o, 6, (size_t)-1, "%s", "toolongtext") == -1 && !strcmp(o, "toolo"));
  CHECK(fmt(o, 64, 3, "%s", "toolongtext") == -1 && !strcmp(o, "too"));
  CHECK(fmt(o, 4, 10, "%s", "toolongtext") == -1 && !strcmp(o, ""));
  CHECK(fmt(o, 64, (size_t)-1, "%*d|%-*d", 4, 1, 3, 2) == 8 && !strcmp(o, "   1|2  "));
  printf(bad ? "%d failures\n" : "all ok\n", bad);
  return bad != 0;
}
