#include "latencyhistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace gw {

namespace {
// Statistics are read while other threads write; no ordering with other memory is needed.
constexpr auto relaxed = std::memory_order_relaxed;
} // namespace

int LatencyHistogram::bucketIndex(qint64 micros) noexcept
{
    if (micros < SubBucketCount)
        return int(std::max<qint64>(micros, 0));
    const int powerOfTwo = std::bit_width(quint64(micros)) - 1; // >= SubBucketBits here
    if (powerOfTwo > HighestPowerOfTwo)
        return BucketCount - 1;
    const int shift = powerOfTwo - SubBucketBits;
    const int subBucket = int((quint64(micros) >> shift) & (SubBucketCount - 1));
    return SubBucketCount + shift * SubBucketCount + subBucket;
}

qint64 LatencyHistogram::bucketLowerBound(int index) noexcept
{
    if (index < SubBucketCount)
        return index;
    const int shift = (index - SubBucketCount) / SubBucketCount;
    const int subBucket = (index - SubBucketCount) % SubBucketCount;
    return qint64(SubBucketCount + subBucket) << shift;
}

qint64 LatencyHistogram::bucketWidth(int index) noexcept
{
    if (index < SubBucketCount)
        return 1;
    return qint64(1) << ((index - SubBucketCount) / SubBucketCount);
}

void LatencyHistogram::record(qint64 micros) noexcept
{
    micros = std::max<qint64>(micros, 0);
    m_buckets[bucketIndex(micros)].fetch_add(1, relaxed);
    m_count.fetch_add(1, relaxed);
    m_sum.fetch_add(micros, relaxed);

    // CAS loops rather than a lock; they only retry while the value still needs to move.
    qint64 seenMin = m_min.load(relaxed);
    while (micros < seenMin && !m_min.compare_exchange_weak(seenMin, micros, relaxed)) {}
    qint64 seenMax = m_max.load(relaxed);
    while (micros > seenMax && !m_max.compare_exchange_weak(seenMax, micros, relaxed)) {}
}

qint64 LatencyHistogram::count() const noexcept
{
    return m_count.load(relaxed);
}

qint64 LatencyHistogram::sumUs() const noexcept
{
    return m_sum.load(relaxed);
}

qint64 LatencyHistogram::minUs() const noexcept
{
    const qint64 min = m_min.load(relaxed);
    return min == std::numeric_limits<qint64>::max() ? 0 : min;
}

qint64 LatencyHistogram::maxUs() const noexcept
{
    return m_max.load(relaxed);
}

double LatencyHistogram::meanUs() const noexcept
{
    const qint64 n = count();
    return n == 0 ? 0.0 : double(sumUs()) / double(n);
}

LatencyHistogram::BucketCounts LatencyHistogram::loadBuckets() const noexcept
{
    BucketCounts counts;
    for (int i = 0; i < BucketCount; ++i)
        counts[i] = m_buckets[i].load(relaxed);
    return counts;
}

qint64 LatencyHistogram::percentileOf(const BucketCounts &buckets, qint64 total, double p, qint64 min,
                                      qint64 max) noexcept
{
    if (total <= 0)
        return 0;
    p = std::clamp(p, 0.0, 100.0);
    // The rank of the wanted sample, 1-based: p50 of 1..10 is the 5th value.
    const qint64 rank = std::max<qint64>(1, qint64(std::ceil(p / 100.0 * double(total))));
    quint64 seen = 0;
    for (int i = 0; i < BucketCount; ++i) {
        seen += buckets[i];
        if (seen >= quint64(rank)) {
            const qint64 midpoint = bucketLowerBound(i) + (bucketWidth(i) - 1) / 2;
            return std::clamp(midpoint, min, std::max(min, max));
        }
    }
    return max; // unreachable when total is the sum of buckets
}

qint64 LatencyHistogram::percentile(double p) const noexcept
{
    const BucketCounts buckets = loadBuckets();
    qint64 total = 0;
    for (quint64 n : buckets)
        total += qint64(n);
    return percentileOf(buckets, total, p, minUs(), maxUs());
}

LatencySnapshot LatencyHistogram::snapshot() const noexcept
{
    // Percentiles come from one copy of the buckets so they agree with each other even while
    // other threads keep recording; count is that copy's total for the same reason.
    const BucketCounts buckets = loadBuckets();
    qint64 total = 0;
    for (quint64 n : buckets)
        total += qint64(n);

    LatencySnapshot s;
    if (total == 0)
        return s;
    s.count = total;
    s.minUs = minUs();
    s.maxUs = maxUs();
    s.meanUs = meanUs();
    s.p50Us = percentileOf(buckets, total, 50, s.minUs, s.maxUs);
    s.p95Us = percentileOf(buckets, total, 95, s.minUs, s.maxUs);
    s.p99Us = percentileOf(buckets, total, 99, s.minUs, s.maxUs);
    return s;
}

void LatencyHistogram::reset() noexcept
{
    for (auto &bucket : m_buckets)
        bucket.store(0, relaxed);
    m_count.store(0, relaxed);
    m_sum.store(0, relaxed);
    m_min.store(std::numeric_limits<qint64>::max(), relaxed);
    m_max.store(0, relaxed);
}

QJsonObject toJson(const LatencySnapshot &latency)
{
    return QJsonObject{
        {QStringLiteral("count"), latency.count}, {QStringLiteral("meanUs"), latency.meanUs},
        {QStringLiteral("minUs"), latency.minUs}, {QStringLiteral("maxUs"), latency.maxUs},
        {QStringLiteral("p50Us"), latency.p50Us}, {QStringLiteral("p95Us"), latency.p95Us},
        {QStringLiteral("p99Us"), latency.p99Us},
    };
}

} // namespace gw
