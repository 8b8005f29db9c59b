#pragma once

#include <QJsonObject>
#include <QtGlobal>

#include <array>
#include <atomic>
#include <limits>

namespace gw {

// A point-in-time view of a LatencyHistogram; all times in microseconds.
struct LatencySnapshot
{
    qint64 count = 0;
    double meanUs = 0.0;
    qint64 minUs = 0;
    qint64 maxUs = 0;
    qint64 p50Us = 0;
    qint64 p95Us = 0;
    qint64 p99Us = 0;
};

// Latency distribution cheap enough to update from every task: record() is a handful of relaxed
// atomic operations, with no lock and no allocation, so any number of threads may record while
// another thread takes snapshots.
//
// Buckets are log-linear over microseconds: values 0..15 µs get one exact bucket each; above that
// every power of two [2^k, 2^(k+1)) is split into 16 equal sub-buckets, up to 2^32 µs (~71 min).
// Larger values clamp into the last bucket (min, max, sum and mean stay exact).
//
// Accuracy: a bucket is at most 1/16 of its lower bound wide and a percentile reports the bucket
// midpoint, so a percentile is within 1/32 (~3.1 %) of a value actually recorded in that rank's
// bucket (below 16 µs it is exact). Percentiles are also clamped to [min, max], so a histogram
// holding a single value reports it exactly.
class LatencyHistogram
{
public:
    static constexpr int SubBucketBits = 4;
    static constexpr int SubBucketCount = 1 << SubBucketBits; // 16 per power of two
    static constexpr int HighestPowerOfTwo = 31;              // last range [2^31, 2^32)
    static constexpr int BucketCount = SubBucketCount + (HighestPowerOfTwo - SubBucketBits + 1) * SubBucketCount;
    static constexpr double MaxRelativeError = 1.0 / (2 * SubBucketCount);

    LatencyHistogram() = default;
    LatencyHistogram(const LatencyHistogram &) = delete;
    LatencyHistogram &operator=(const LatencyHistogram &) = delete;

    // Negative durations (clock hiccups) count as 0 µs.
    void record(qint64 micros) noexcept;

    qint64 count() const noexcept;
    qint64 sumUs() const noexcept;
    qint64 minUs() const noexcept; // 0 when empty
    qint64 maxUs() const noexcept; // 0 when empty
    double meanUs() const noexcept;

    // p in percent, 0..100 (p50 is percentile(50)). 0 when empty.
    qint64 percentile(double p) const noexcept;
    LatencySnapshot snapshot() const noexcept;

    // Not atomic as a whole: records racing with reset() may survive it partially.
    void reset() noexcept;

    // Bucket layout, public for tests and for anyone rendering the distribution.
    static int bucketIndex(qint64 micros) noexcept;
    static qint64 bucketLowerBound(int index) noexcept;
    static qint64 bucketWidth(int index) noexcept;

private:
    using BucketCounts = std::array<quint64, BucketCount>;
    BucketCounts loadBuckets() const noexcept;
    static qint64 percentileOf(const BucketCounts &buckets, qint64 total, double p, qint64 min, qint64 max) noexcept;

    std::array<std::atomic<quint64>, BucketCount> m_buckets{};
    std::atomic<qint64> m_count{0};
    std::atomic<qint64> m_sum{0};
    std::atomic<qint64> m_min{std::numeric_limits<qint64>::max()};
    std::atomic<qint64> m_max{0};
};

QJsonObject toJson(const LatencySnapshot &latency);

} // namespace gw
