#include "nghedan/clock.h"

#include <algorithm>
#include <chrono>

namespace nghedan {

std::int64_t systemMillis() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

HlcTime Hlc::now() {
    const std::int64_t wall = std::max<std::int64_t>(wallMillis(), 0);
    const std::int64_t lastMs = hlcMillis(m_last);
    if (wall > lastMs) {
        m_last = hlcPack(wall, 0);
    } else if (hlcCounter(m_last) < 0xffffu) {
        m_last += 1;
    } else {
        m_last = hlcPack(lastMs + 1, 0);  // counter exhausted: borrow the next millisecond
    }
    return m_last;
}

void Hlc::observe(HlcTime remote) { m_last = std::max(m_last, remote); }

}  // namespace nghedan
