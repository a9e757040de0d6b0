// lean_snprintf.cpp — the widget module's snprintf. The only caller in the module is nlohmann/json's
// lexer, which writes a control character of a bad token as "<U+%.4X>" into its parse error; libc's
// snprintf would link the whole printf engine with long-double formatting for that (11 KB of code,
// ~4.6 KB gzip of a wasm every reader downloads: bench/README.md, "Where the bytes are"). This one
// formats integers (%d %i %u %x %X, with the 0 and - flags, width, precision and the h/l/ll/z sizes), %s, %c
// and %%, and traps on anything else (%f, %g, %p …), so that a new caller needing more fails its
// tests instead of printing the wrong thing. Native builds (tests) keep libc's.
#include <cstdarg>
#include <cstddef>
#include <cstdint>

namespace {

struct Out {
    char* buf;
    size_t cap;
    size_t len = 0;
    void put(char c) {
        if (len + 1 < cap) buf[len] = c;
        ++len;
    }
};

void put_integer(Out& o, uint64_t v, bool negative, int base, bool upper, int width, int precision, bool zero_pad,
                 bool left) {
    char digits[24];
    int n = 0;
    const char* set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    while (v || (n == 0 && precision != 0)) {  // C: the value 0 at precision 0 has no digits
        digits[n++] = set[v % base];
        v /= base;
    }
    if (precision >= 0 || left) zero_pad = false;  // C: a precision or the - flag overrides the 0 flag
    const int shown = (precision > n ? precision : n) + (negative ? 1 : 0);
    if (!zero_pad && !left)
        for (int i = shown; i < width; ++i) o.put(' ');
    if (negative) o.put('-');
    if (zero_pad)
        for (int i = shown; i < width; ++i) o.put('0');
    for (int i = n; i < precision; ++i) o.put('0');
    while (n) o.put(digits[--n]);
    if (left)
        for (int i = shown; i < width; ++i) o.put(' ');
}

}  // namespace

extern "C" int vsnprintf(char* buf, size_t cap, const char* fmt, va_list ap) {
    Out o{buf, cap};
    for (const char* p = fmt; *p; ++p) {
        if (*p != '%') {
            o.put(*p);
            continue;
        }
        ++p;
        bool zero_pad = false, left = false;
        for (; *p == '0' || *p == '-'; ++p) (*p == '0' ? zero_pad : left) = true;
        int width = 0, precision = -1;
        while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0');
        if (*p == '.') {
            precision = 0;
            ++p;
            while (*p >= '0' && *p <= '9') precision = precision * 10 + (*p++ - '0');
        }
        int longs = 0;  // h: 0 (promoted to int anyway), l: 1, ll / z: 2 (wasm32: long is 32 bits)
        for (;; ++p) {
            if (*p == 'h') continue;
            if (*p == 'l') { ++longs; continue; }
            if (*p == 'z') { longs = 1; continue; }
            break;
        }
        switch (*p) {
        case 'd': case 'i': {
            const int64_t v = longs >= 2 ? va_arg(ap, long long) : longs == 1 ? va_arg(ap, long) : va_arg(ap, int);
            put_integer(o, v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v), v < 0, 10, false, width, precision, zero_pad, left);
            break;
        }
        case 'u': case 'x': case 'X': {
            const uint64_t v = longs >= 2 ? va_arg(ap, unsigned long long)
                             : longs == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
            put_integer(o, v, false, *p == 'u' ? 10 : 16, *p == 'X', width, precision, zero_pad, left);
            break;
        }
        case 's': {
            const char* s = va_arg(ap, const char*);
            if (!s) s = "(null)";
            for (int i = 0; s[i] && (precision < 0 || i < precision); ++i) o.put(s[i]);
            break;
        }
        case 'c': o.put(char(va_arg(ap, int))); break;
        case '%': o.put('%'); break;
        default: __builtin_trap();  // a conversion this module never needed: see the top of the file
        }
    }
    if (cap) buf[o.len < cap ? o.len : cap - 1] = '\0';
    return int(o.len);
}

extern "C" int snprintf(char* buf, size_t cap, const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    const int n = vsnprintf(buf, cap, fmt, ap);
    va_end(ap);
    return n;
}
