// Block classification of JSON bytes: see include/CScan.h.

#include "CScan.h"

#include <string.h>

// MARK: - Shared steps

/// The bytes a backslash escapes, given the block's backslashes; `escapeNext` says on entry
/// whether the first byte is escaped by the previous block and on exit whether this block's last
/// byte escapes the next block's first. Walking left to right, each backslash that is not itself
/// escaped escapes the byte after it; blocks rarely hold any, so the loop rarely runs.
static inline uint64_t escaped_bytes(uint64_t backslashes, uint64_t *escapeNext) {
    uint64_t escaped = *escapeNext & 1;
    uint64_t escapers = backslashes & ~escaped;
    uint64_t carry = 0;
    while (escapers != 0) {
        unsigned bit = (unsigned)__builtin_ctzll(escapers);
        if (bit == 63) {
            carry = 1;
            break;
        }
        escaped |= (uint64_t)1 << (bit + 1);
        // The escaped byte, a backslash or not, escapes nothing.
        escapers &= ~((uint64_t)3 << bit);
    }
    *escapeNext = carry;
    return escaped;
}

/// Bit i of the result is the parity of bits 0...i of `bits` (a prefix XOR), by doubling shifts.
static inline uint64_t prefix_parity(uint64_t bits) {
    bits ^= bits << 1;
    bits ^= bits << 2;
    bits ^= bits << 4;
    bits ^= bits << 8;
    bits ^= bits << 16;
    bits ^= bits << 32;
    return bits;
}

/// The raw byte classes of a block, before strings are known.
typedef struct RawClasses {
    uint64_t quotes, backslashes, structural, attention, newlines;
} RawClasses;

/// Turns raw classes into a block: escapes, then strings (from the parity of unescaped quotes),
/// then what lies outside strings.
static inline void finish_block(RawClasses raw, uint64_t (*parity)(uint64_t), CScanCarry *carry, CScanBlock *block) {
    uint64_t escaped = escaped_bytes(raw.backslashes, &carry->escapeNext);
    uint64_t quotes = raw.quotes & ~escaped;
    uint64_t inString = parity(quotes) ^ carry->inString;
    carry->inString = (uint64_t)((int64_t)inString >> 63);
    block->quotes = quotes;
    block->backslashes = raw.backslashes;
    block->inString = inString;
    block->structural = raw.structural & ~inString;
    block->attention = raw.attention;
    block->newlines = raw.newlines;
}

/// A block of exactly 64 readable bytes: the bytes themselves, or a copy padded with spaces.
static inline const uint8_t *full_block(const uint8_t *bytes, size_t count, uint8_t padded[64]) {
    if (count >= 64) return bytes;
    memset(padded, ' ', 64);
    memcpy(padded, bytes, count);
    return padded;
}

// MARK: - Scalar kernel

static RawClasses raw_scalar(const uint8_t *block) {
    RawClasses raw = {0, 0, 0, 0, 0};
    for (unsigned index = 0; index < 64; index++) {
        uint8_t byte = block[index];
        uint64_t bit = (uint64_t)1 << index;
        switch (byte) {
        case '"': raw.quotes |= bit; raw.attention |= bit; break;
        case '\\': raw.backslashes |= bit; raw.attention |= bit; break;
        case '{': case '}': case '[': case ']': case ':': case ',': raw.structural |= bit; break;
        case '<': case '>': case '&': raw.attention |= bit; break;
        case '\n': raw.newlines |= bit; raw.attention |= bit; break;
        default:
            if (byte < 0x20 || byte >= 0x80) raw.attention |= bit;
        }
    }
    return raw;
}

// MARK: - x86-64 kernels

#if defined(__x86_64__)
#include <immintrin.h>

/// SSE2: four 16-byte lanes per block.
static RawClasses raw_sse2(const uint8_t *block) {
    RawClasses raw = {0, 0, 0, 0, 0};
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    const __m128i braceOrBracketOpen = _mm_set1_epi8('{'), braceOrBracketClose = _mm_set1_epi8('}');
    const __m128i lowerCase = _mm_set1_epi8(0x20), colon = _mm_set1_epi8(':'), comma = _mm_set1_epi8(',');
    const __m128i ampersand = _mm_set1_epi8('&'), angle = _mm_set1_epi8('>'), two = _mm_set1_epi8(2);
    const __m128i newline = _mm_set1_epi8('\n');
    for (unsigned lane = 0; lane < 4; lane++) {
        __m128i chunk = _mm_loadu_si128((const __m128i *)(const void *)(block + 16 * lane));
        // `[` and `]` are `{` and `}` with bit 5 clear; `<` is `>` with bit 1 clear.
        __m128i folded = _mm_or_si128(chunk, lowerCase);
        __m128i isQuote = _mm_cmpeq_epi8(chunk, quote);
        __m128i isBackslash = _mm_cmpeq_epi8(chunk, backslash);
        __m128i isNewline = _mm_cmpeq_epi8(chunk, newline);
        __m128i isStructural = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(folded, braceOrBracketOpen), _mm_cmpeq_epi8(folded, braceOrBracketClose)),
            _mm_or_si128(_mm_cmpeq_epi8(chunk, colon), _mm_cmpeq_epi8(chunk, comma)));
        // A signed comparison with 0x20 finds control bytes and every byte from 0x80 up at once.
        __m128i isAttention = _mm_or_si128(
            _mm_or_si128(_mm_cmplt_epi8(chunk, lowerCase), _mm_or_si128(isQuote, isBackslash)),
            _mm_or_si128(_mm_cmpeq_epi8(chunk, ampersand), _mm_cmpeq_epi8(_mm_or_si128(chunk, two), angle)));
        unsigned shift = 16 * lane;
        raw.quotes |= (uint64_t)(uint16_t)_mm_movemask_epi8(isQuote) << shift;
        raw.backslashes |= (uint64_t)(uint16_t)_mm_movemask_epi8(isBackslash) << shift;
        raw.structural |= (uint64_t)(uint16_t)_mm_movemask_epi8(isStructural) << shift;
        raw.attention |= (uint64_t)(uint16_t)_mm_movemask_epi8(isAttention) << shift;
        raw.newlines |= (uint64_t)(uint16_t)_mm_movemask_epi8(isNewline) << shift;
    }
    return raw;
}

static void classify_sse2(const uint8_t *bytes, size_t count, CScanCarry *carry, CScanBlock *block) {
    uint8_t padded[64];
    finish_block(raw_sse2(full_block(bytes, count, padded)), prefix_parity, carry, block);
}

/// AVX2: two 32-byte lanes per block.
__attribute__((target("avx2")))
static RawClasses raw_avx2(const uint8_t *block) {
    RawClasses raw = {0, 0, 0, 0, 0};
    const __m256i quote = _mm256_set1_epi8('"'), backslash = _mm256_set1_epi8('\\');
    const __m256i braceOrBracketOpen = _mm256_set1_epi8('{'), braceOrBracketClose = _mm256_set1_epi8('}');
    const __m256i lowerCase = _mm256_set1_epi8(0x20), colon = _mm256_set1_epi8(':'), comma = _mm256_set1_epi8(',');
    const __m256i ampersand = _mm256_set1_epi8('&'), angle = _mm256_set1_epi8('>'), two = _mm256_set1_epi8(2);
    const __m256i newline = _mm256_set1_epi8('\n');
    for (unsigned lane = 0; lane < 2; lane++) {
        __m256i chunk = _mm256_loadu_si256((const __m256i *)(const void *)(block + 32 * lane));
        __m256i folded = _mm256_or_si256(chunk, lowerCase);
        __m256i isQuote = _mm256_cmpeq_epi8(chunk, quote);
        __m256i isBackslash = _mm256_cmpeq_epi8(chunk, backslash);
        __m256i isNewline = _mm256_cmpeq_epi8(chunk, newline);
        __m256i isStructural = _mm256_or_si256(
            _mm256_or_si256(_mm256_cmpeq_epi8(folded, braceOrBracketOpen), _mm256_cmpeq_epi8(folded, braceOrBracketClose)),
            _mm256_or_si256(_mm256_cmpeq_epi8(chunk, colon), _mm256_cmpeq_epi8(chunk, comma)));
        // Signed: 0x20 is greater than every control byte and every byte from 0x80 up.
        __m256i isAttention = _mm256_or_si256(
            _mm256_or_si256(_mm256_cmpgt_epi8(lowerCase, chunk), _mm256_or_si256(isQuote, isBackslash)),
            _mm256_or_si256(_mm256_cmpeq_epi8(chunk, ampersand), _mm256_cmpeq_epi8(_mm256_or_si256(chunk, two), angle)));
        unsigned shift = 32 * lane;
        raw.quotes |= (uint64_t)(uint32_t)_mm256_movemask_epi8(isQuote) << shift;
        raw.backslashes |= (uint64_t)(uint32_t)_mm256_movemask_epi8(isBackslash) << shift;
        raw.structural |= (uint64_t)(uint32_t)_mm256_movemask_epi8(isStructural) << shift;
        raw.attention |= (uint64_t)(uint32_t)_mm256_movemask_epi8(isAttention) << shift;
        raw.newlines |= (uint64_t)(uint32_t)_mm256_movemask_epi8(isNewline) << shift;
    }
    return raw;
}

/// The prefix parity as one carry-less multiplication by all ones.
__attribute__((target("pclmul,sse2")))
static uint64_t prefix_parity_clmul(uint64_t bits) {
    __m128i product = _mm_clmulepi64_si128(_mm_set_epi64x(0, (long long)bits), _mm_set1_epi8((char)0xFF), 0);
    return (uint64_t)_mm_cvtsi128_si64(product);
}

__attribute__((target("avx2,pclmul")))
static void classify_avx2(const uint8_t *bytes, size_t count, CScanCarry *carry, CScanBlock *block) {
    uint8_t padded[64];
    finish_block(raw_avx2(full_block(bytes, count, padded)), prefix_parity_clmul, carry, block);
}

#endif

typedef void (*Classifier)(const uint8_t *, size_t, CScanCarry *, CScanBlock *);

static void classify_scalar(const uint8_t *bytes, size_t count, CScanCarry *carry, CScanBlock *block) {
    uint8_t padded[64];
    finish_block(raw_scalar(full_block(bytes, count, padded)), prefix_parity, carry, block);
}

int cscan_kernel_supported(CScanKernel kernel) {
    switch (kernel) {
    case CScanKernelScalar: return 1;
#if defined(__x86_64__)
    case CScanKernelSSE2: return 1;
    case CScanKernelAVX2:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("pclmul");
#endif
    default: return 0;
    }
}

static Classifier classifier(CScanKernel kernel) {
    switch (kernel) {
#if defined(__x86_64__)
    case CScanKernelSSE2: return classify_sse2;
    case CScanKernelAVX2: return classify_avx2;
#endif
    default: return classify_scalar;
    }
}

CScanKernel cscan_best_kernel(void) {
    // -1 until chosen; every thread chooses the same, so a race only repeats the choice.
    static int chosen = -1;
    int kernel = __atomic_load_n(&chosen, __ATOMIC_RELAXED);
    if (kernel < 0) {
        kernel = cscan_kernel_supported(CScanKernelAVX2) ? CScanKernelAVX2
            : cscan_kernel_supported(CScanKernelSSE2) ? CScanKernelSSE2 : CScanKernelScalar;
        __atomic_store_n(&chosen, kernel, __ATOMIC_RELAXED);
    }
    return (CScanKernel)kernel;
}

void cscan_classify_with(CScanKernel kernel, const uint8_t *bytes, size_t count, CScanCarry *carry, CScanBlock *block) {
    classifier(kernel)(bytes, count, carry, block);
}

void cscan_classify(const uint8_t *bytes, size_t count, CScanCarry *carry, CScanBlock *block) {
    classifier(cscan_best_kernel())(bytes, count, carry, block);
}

// MARK: - Skipping values

/// The byte-at-a-time rules, from `start`: used when a backslash lies outside strings, where the
/// block rules (a backslash escapes the next byte wherever it is) would differ.
static CScanValueEnd value_end_bytewise(const uint8_t *bytes, size_t count, size_t start, size_t *end) {
    size_t depth = 0;
    int inString = 0, escaped = 0;
    for (size_t index = start; index < count; index++) {
        uint8_t byte = bytes[index];
        if (inString) {
            if (escaped) {
                escaped = 0;
            } else if (byte == '\\') {
                escaped = 1;
            } else if (byte == '"') {
                inString = 0;
                if (depth == 0) {
                    *end = index + 1;
                    return CScanValueComplete;
                }
            }
        } else if (byte == '"') {
            inString = 1;
        } else if (byte == '{' || byte == '[') {
            depth++;
        } else if (byte == '}' || byte == ']') {
            depth--;
            if (depth == 0) {
                *end = index + 1;
                return CScanValueComplete;
            }
        }
    }
    return CScanValueIncomplete;
}

CScanValueEnd cscan_value_end(const uint8_t *bytes, size_t count, size_t start, size_t *end) {
    if (start >= count) return CScanValueIncomplete;
    CScanCarry carry = {0, 0};
    CScanBlock block;
    size_t depth = 0;
    int isString = bytes[start] == '"';
    for (size_t offset = start; offset < count; offset += 64) {
        size_t available = count - offset < 64 ? count - offset : 64;
        cscan_classify(bytes + offset, available, &carry, &block);
        uint64_t valid = available == 64 ? ~(uint64_t)0 : (((uint64_t)1 << available) - 1);
        // A backslash outside strings escapes nothing in the byte-at-a-time rules.
        if ((block.backslashes & ~block.inString & valid) != 0) return value_end_bytewise(bytes, count, start, end);
        if (isString) {
            // The first unescaped quote after the opening one closes the string.
            uint64_t closing = block.quotes & valid & ~block.inString;
            if (closing != 0) {
                *end = offset + (size_t)__builtin_ctzll(closing) + 1;
                return CScanValueComplete;
            }
            continue;
        }
        uint64_t brackets = block.structural & valid;
        while (brackets != 0) {
            unsigned bit = (unsigned)__builtin_ctzll(brackets);
            brackets &= brackets - 1;
            uint8_t byte = bytes[offset + bit];
            if (byte == '{' || byte == '[') {
                depth++;
            } else if (byte == '}' || byte == ']') {
                depth--;
                if (depth == 0) {
                    *end = offset + bit + 1;
                    return CScanValueComplete;
                }
            }
        }
    }
    return CScanValueIncomplete;
}
