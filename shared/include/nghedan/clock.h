#pragma once
// Hybrid logical clock: 48-bit milliseconds since the Unix epoch, 16-bit counter.

#include <cstdint>
#include <functional>

namespace nghedan {

/** An HLC timestamp packed as (milliseconds << 16) | counter; orders like an integer. */
using HlcTime = std::uint64_t;

constexpr HlcTime hlcPack(std::int64_t ms, std::uint32_t counter) {
    return (static_cast<HlcTime>(ms) << 16) | (counter & 0xffffu);
}
constexpr std::int64_t hlcMillis(HlcTime t) { return static_cast<std::int64_t>(t >> 16); }
constexpr std::uint32_t hlcCounter(HlcTime t) { return static_cast<std::uint32_t>(t & 0xffffu); }

/** Milliseconds since the Unix epoch from the system clock. */
std::int64_t systemMillis();

/** Hybrid logical clock. Every now() is greater than every earlier now() and every observed
 *  remote time. Wall time is the physical source plus an offset learned from the server
 *  (server time - local time), so a tablet whose clock is a year wrong still stamps close
 *  to server time once it has synced. Not thread-safe. */
class Hlc {
public:
    using Source = std::function<std::int64_t()>;
    explicit Hlc(Source physical = systemMillis) : m_physical(std::move(physical)) {}

    /** A new timestamp for a local event. */
    HlcTime now();
    /** Merges a timestamp received from elsewhere so later now() values exceed it. */
    void observe(HlcTime remote);
    /** Corrected wall time in ms: physical + offset. */
    std::int64_t wallMillis() const { return m_physical() + m_offsetMs; }

    std::int64_t offsetMs() const { return m_offsetMs; }
    void setOffsetMs(std::int64_t offset) { m_offsetMs = offset; }
    /** Learns the offset from a server time seen now (server ms - physical ms). */
    void learnServerTime(std::int64_t serverMs) { m_offsetMs = serverMs - m_physical(); }

    HlcTime last() const { return m_last; }
    /** Forgets the last stamp (used when re-stamping unsent changes after a clock refusal;
     *  nobody has seen those stamps). The next now() follows the corrected wall time. */
    void reset(HlcTime last = 0) { m_last = last; }

private:
    Source m_physical;
    std::int64_t m_offsetMs = 0;
    HlcTime m_last = 0;
};

}  // namespace nghedan
