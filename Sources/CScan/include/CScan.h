#ifndef AUDITSIM_CSCAN_H
#define AUDITSIM_CSCAN_H

// Block-at-a-time classification of JSON bytes for the replay's scanners (issue 11).
//
// Swift's SIMD types compile to byte loops for this work, so the kernels are written in C: SSE2
// (every x86-64 processor has it), AVX2 and PCLMUL when the processor has them (chosen once, at
// run time), and a portable scalar version everywhere else. Every kernel gives the same answer;
// the tests compare them with a byte-at-a-time reference.

#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__) && defined(__SSE2__)
#include <emmintrin.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/// What one block of at most 64 bytes holds, one bit per byte (bit i is byte i).
typedef struct CScanBlock {
    /// `"` that are not escaped by a backslash.
    uint64_t quotes;
    /// `\`, wherever they are.
    uint64_t backslashes;
    /// Bytes inside strings: from an opening quote (included) to its closing quote (excluded).
    uint64_t inString;
    /// `{` `}` `[` `]` `:` `,` outside strings.
    uint64_t structural;
    /// Bytes a string scanner must look at: `"`, `\`, control bytes (below 0x20), `<`, `>`, `&`
    /// and bytes from 0x80 up (wherever they are).
    uint64_t attention;
    /// Line feeds, wherever they are.
    uint64_t newlines;
} CScanBlock;

/// What one block passes to the next: whether it ended inside a string, and whether its last
/// byte is a backslash that escapes the next block's first byte. Start a text with both zero.
typedef struct CScanCarry {
    uint64_t inString;
    uint64_t escapeNext;
} CScanCarry;

/// Classifies `count` bytes (at most 64; missing bytes count as spaces) after `carry`, and
/// updates `carry` for the block that follows.
void cscan_classify(const uint8_t *bytes, size_t count, CScanCarry *carry, CScanBlock *block);

/// The kernels `cscan_classify` chooses from.
typedef enum CScanKernel {
    /// Portable C, one byte at a time.
    CScanKernelScalar = 0,
    /// x86-64 SSE2, sixteen bytes at a time.
    CScanKernelSSE2 = 1,
    /// x86-64 AVX2, thirty-two bytes at a time, with PCLMUL for the string mask.
    CScanKernelAVX2 = 2,
} CScanKernel;

/// Whether this processor runs `kernel`.
int cscan_kernel_supported(CScanKernel kernel);

/// The kernel `cscan_classify` uses on this processor.
CScanKernel cscan_best_kernel(void);

/// `cscan_classify` with a given kernel, which must be supported (for the tests, which compare them).
void cscan_classify_with(CScanKernel kernel, const uint8_t *bytes, size_t count, CScanCarry *carry, CScanBlock *block);

/// How a value ends, as `cscan_value_end` reports it.
typedef enum CScanValueEnd {
    /// The value ends within the bytes; `*end` is the offset just past it.
    CScanValueComplete = 0,
    /// The value runs past the bytes given.
    CScanValueIncomplete = 1,
} CScanValueEnd;

/// Where the string, object or array starting at `bytes[start]` (`"`, `{` or `[`) ends, matching
/// brackets by depth outside strings without validating anything else. A quote escaped by an odd
/// run of backslashes inside its string does not end it; a backslash outside strings is ignored.
CScanValueEnd cscan_value_end(const uint8_t *bytes, size_t count, size_t start, size_t *end);

/// Where a container sits in a request or response body (AuditReplay's `BodyRole`, same values).
typedef enum CScanRole {
    CScanRoleOther = 0,
    CScanRoleRoot = 1,
    CScanRoleObjectMetadata = 2,
    CScanRoleListItems = 3,
    CScanRoleListItem = 4,
    CScanRoleTableRows = 5,
    CScanRoleTableRow = 6,
    CScanRoleRowObject = 7,
} CScanRole;

/// A removable body member (AuditReplay's `BodyEditCandidate`; `kind` is a `BodyEditKind` value).
typedef struct CScanEdit {
    size_t memberStart;
    size_t memberEnd;
    size_t objectStart;
    size_t memberIndex;
    size_t memberCount;
    uint8_t kind;
} CScanEdit;

/// What `cscan_walk_value` found.
typedef struct CScanWalk {
    /// The offset just past the value.
    size_t end;
    /// The union of the traits of every string walked (AuditReplay's `StringTraits` bits).
    uint8_t traits;
    /// Nonzero when whitespace separated tokens.
    uint8_t sawWhitespace;
    /// How many edits were written.
    size_t editCount;
} CScanWalk;

/// Walks and validates the JSON value at `bytes[start]` (after optional whitespace) as
/// AuditReplay's `JSONScanner.walkValue` does, and with `recording` writes the removable members
/// found by their place relative to `role` to `edits`. Returns nonzero on success. Returns zero,
/// having concluded nothing, when the value is not valid JSON, nests deeper than 512 containers or
/// has more than `editCapacity` edits: the caller then walks it itself (and reports the error).
int cscan_walk_value(const uint8_t *bytes, size_t count, size_t start, CScanRole role, int recording,
                     CScanEdit *edits, size_t editCapacity, CScanWalk *walk);

/// The number of bytes from `bytes` on that a JSON string scanner can pass over: the length of the
/// run before the first `"`, `\`, control byte, `<`, `>`, `&` or byte from 0x80 up, at most `count`.
static inline size_t cscan_plain_run(const uint8_t *bytes, size_t count) {
    size_t index = 0;
#if defined(__x86_64__) && defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i ampersand = _mm_set1_epi8('&');
    const __m128i angle = _mm_set1_epi8('>');
    const __m128i two = _mm_set1_epi8(2);
    const __m128i space = _mm_set1_epi8(0x20);
    while (count - index >= 16) {
        __m128i chunk = _mm_loadu_si128((const __m128i *)(const void *)(bytes + index));
        // A signed comparison with 0x20 finds control bytes and every byte from 0x80 up at once;
        // `<` (0x3C) with bit 1 set is `>` (0x3E).
        __m128i found = _mm_or_si128(
            _mm_or_si128(_mm_cmplt_epi8(chunk, space), _mm_cmpeq_epi8(chunk, quote)),
            _mm_or_si128(_mm_cmpeq_epi8(chunk, backslash),
                         _mm_or_si128(_mm_cmpeq_epi8(chunk, ampersand),
                                      _mm_cmpeq_epi8(_mm_or_si128(chunk, two), angle))));
        unsigned mask = (unsigned)_mm_movemask_epi8(found);
        if (mask != 0) return index + (size_t)__builtin_ctz(mask);
        index += 16;
    }
#endif
    while (index < count) {
        uint8_t byte = bytes[index];
        if (byte < 0x20 || byte >= 0x80 || byte == '"' || byte == '\\' || byte == '<' || byte == '>' || byte == '&') {
            return index;
        }
        index++;
    }
    return index;
}

#ifdef __cplusplus
}
#endif

#endif
