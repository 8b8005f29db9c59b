#include "cosinekernel.h"

#include <algorithm>
#include <cstddef>

#if defined(__x86_64__) && defined(__GNUC__)
#define GW_X86_KERNELS 1
#include <immintrin.h>
#endif

namespace gw::cosinekernel {

namespace {

using QueriesKernel = void (*)(const float *, const float *, int, float *, float *);
using OneKernel = void (*)(const float *, const float *, int, float *);

#ifndef GW_X86_KERNELS
void portableQueries(const float *queries, const float *tile, int d, float *scores, float *maxima)
{
    for (int q = 0; q < kQueries; ++q) {
        float *s = scores + q * kTile;
        std::fill(s, s + kTile, 0.0f);
        for (int k = 0; k < d; ++k) {
            const float v = queries[q * d + k];
            const float *t = tile + std::size_t(k) * kTile;
            for (int c = 0; c < kTile; ++c)
                s[c] += v * t[c];
        }
        maxima[q] = *std::max_element(s, s + kTile);
    }
}

void portableOne(const float *query, const float *tile, int d, float *scores)
{
    std::fill(scores, scores + kTile, 0.0f);
    for (int k = 0; k < d; ++k) {
        const float v = query[k];
        const float *t = tile + std::size_t(k) * kTile;
        for (int c = 0; c < kTile; ++c)
            scores[c] += v * t[c];
    }
}
#else
// One query against the whole tile: 8 accumulators of 8 candidates.
__attribute__((target("avx2,fma"))) void avx2One(const float *query, const float *tile, int d, float *scores)
{
    __m256 acc[8];
    for (__m256 &a : acc)
        a = _mm256_setzero_ps();
    for (int k = 0; k < d; ++k) {
        const __m256 s = _mm256_broadcast_ss(query + k);
        const float *t = tile + std::size_t(k) * kTile;
        for (int j = 0; j < 8; ++j)
            acc[j] = _mm256_fmadd_ps(s, _mm256_loadu_ps(t + 8 * j), acc[j]);
    }
    for (int j = 0; j < 8; ++j)
        _mm256_storeu_ps(scores + 8 * j, acc[j]);
}

// Two halves of 32 candidates: 8 accumulators each.
void sse2One(const float *query, const float *tile, int d, float *scores)
{
    for (int half = 0; half < kTile; half += 32) {
        __m128 acc[8];
        for (__m128 &a : acc)
            a = _mm_setzero_ps();
        for (int k = 0; k < d; ++k) {
            const __m128 s = _mm_set1_ps(query[k]);
            const float *t = tile + std::size_t(k) * kTile + half;
            for (int j = 0; j < 8; ++j)
                acc[j] = _mm_add_ps(acc[j], _mm_mul_ps(s, _mm_loadu_ps(t + 4 * j)));
        }
        for (int j = 0; j < 8; ++j)
            _mm_storeu_ps(scores + half + 4 * j, acc[j]);
    }
}

// 4 queries x 16 candidates per pass: 8 accumulators, 2 tile vectors, 1 broadcast.
__attribute__((target("avx2,fma"))) void avx2Queries(const float *queries, const float *tile, int d, float *scores,
                                                     float *maxima)
{
    __m256 best[kQueries];
    for (int q = 0; q < kQueries; ++q)
        best[q] = _mm256_set1_ps(-3.0f);
    for (int c0 = 0; c0 < kTile; c0 += 16) {
        __m256 a00 = _mm256_setzero_ps(), a01 = _mm256_setzero_ps(), a10 = _mm256_setzero_ps(),
               a11 = _mm256_setzero_ps();
        __m256 a20 = _mm256_setzero_ps(), a21 = _mm256_setzero_ps(), a30 = _mm256_setzero_ps(),
               a31 = _mm256_setzero_ps();
        for (int k = 0; k < d; ++k) {
            const float *t = tile + std::size_t(k) * kTile + c0;
            const __m256 t0 = _mm256_loadu_ps(t);
            const __m256 t1 = _mm256_loadu_ps(t + 8);
            __m256 s = _mm256_broadcast_ss(queries + k);
            a00 = _mm256_fmadd_ps(s, t0, a00);
            a01 = _mm256_fmadd_ps(s, t1, a01);
            s = _mm256_broadcast_ss(queries + d + k);
            a10 = _mm256_fmadd_ps(s, t0, a10);
            a11 = _mm256_fmadd_ps(s, t1, a11);
            s = _mm256_broadcast_ss(queries + 2 * d + k);
            a20 = _mm256_fmadd_ps(s, t0, a20);
            a21 = _mm256_fmadd_ps(s, t1, a21);
            s = _mm256_broadcast_ss(queries + 3 * d + k);
            a30 = _mm256_fmadd_ps(s, t0, a30);
            a31 = _mm256_fmadd_ps(s, t1, a31);
        }
        const __m256 acc[kQueries][2] = {{a00, a01}, {a10, a11}, {a20, a21}, {a30, a31}};
        for (int q = 0; q < kQueries; ++q) {
            _mm256_storeu_ps(scores + q * kTile + c0, acc[q][0]);
            _mm256_storeu_ps(scores + q * kTile + c0 + 8, acc[q][1]);
            best[q] = _mm256_max_ps(best[q], _mm256_max_ps(acc[q][0], acc[q][1]));
        }
    }
    for (int q = 0; q < kQueries; ++q) {
        alignas(32) float lanes[8];
        _mm256_store_ps(lanes, best[q]);
        maxima[q] = *std::max_element(lanes, lanes + 8);
    }
}

// 4 queries x 8 candidates per pass: 8 accumulators in the 16 SSE registers.
void sse2Queries(const float *queries, const float *tile, int d, float *scores, float *maxima)
{
    __m128 best[kQueries];
    for (int q = 0; q < kQueries; ++q)
        best[q] = _mm_set1_ps(-3.0f);
    for (int c0 = 0; c0 < kTile; c0 += 8) {
        __m128 a00 = _mm_setzero_ps(), a01 = _mm_setzero_ps(), a10 = _mm_setzero_ps(), a11 = _mm_setzero_ps();
        __m128 a20 = _mm_setzero_ps(), a21 = _mm_setzero_ps(), a30 = _mm_setzero_ps(), a31 = _mm_setzero_ps();
        for (int k = 0; k < d; ++k) {
            const float *t = tile + std::size_t(k) * kTile + c0;
            const __m128 t0 = _mm_loadu_ps(t);
            const __m128 t1 = _mm_loadu_ps(t + 4);
            __m128 s = _mm_set1_ps(queries[k]);
            a00 = _mm_add_ps(a00, _mm_mul_ps(s, t0));
            a01 = _mm_add_ps(a01, _mm_mul_ps(s, t1));
            s = _mm_set1_ps(queries[d + k]);
            a10 = _mm_add_ps(a10, _mm_mul_ps(s, t0));
            a11 = _mm_add_ps(a11, _mm_mul_ps(s, t1));
            s = _mm_set1_ps(queries[2 * d + k]);
            a20 = _mm_add_ps(a20, _mm_mul_ps(s, t0));
            a21 = _mm_add_ps(a21, _mm_mul_ps(s, t1));
            s = _mm_set1_ps(queries[3 * d + k]);
            a30 = _mm_add_ps(a30, _mm_mul_ps(s, t0));
            a31 = _mm_add_ps(a31, _mm_mul_ps(s, t1));
        }
        const __m128 acc[kQueries][2] = {{a00, a01}, {a10, a11}, {a20, a21}, {a30, a31}};
        for (int q = 0; q < kQueries; ++q) {
            _mm_storeu_ps(scores + q * kTile + c0, acc[q][0]);
            _mm_storeu_ps(scores + q * kTile + c0 + 4, acc[q][1]);
            best[q] = _mm_max_ps(best[q], _mm_max_ps(acc[q][0], acc[q][1]));
        }
    }
    for (int q = 0; q < kQueries; ++q) {
        alignas(16) float lanes[4];
        _mm_store_ps(lanes, best[q]);
        maxima[q] = *std::max_element(lanes, lanes + 4);
    }
}
#endif

struct Choice
{
    QueriesKernel queries;
    OneKernel one;
    const char *name;
};

Choice choose()
{
#ifdef GW_X86_KERNELS
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return {avx2Queries, avx2One, "avx2"};
    return {sse2Queries, sse2One, "sse2"};
#else
    return {portableQueries, portableOne, "portable"};
#endif
}

const Choice &chosen()
{
    static const Choice choice = choose();
    return choice;
}

} // namespace

void scoreQueries(const float *queries, const float *tile, int d, float *scores, float *maxima)
{
    chosen().queries(queries, tile, d, scores, maxima);
}

void scoreOne(const float *query, const float *tile, int d, float *scores)
{
    chosen().one(query, tile, d, scores);
}

const char *flavour()
{
    return chosen().name;
}

} // namespace gw::cosinekernel
