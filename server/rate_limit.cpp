#include "rate_limit.h"

#include <algorithm>
#include <cmath>

namespace nghedan::server {

RateLimiter::RateLimiter(PublicRateLimit limit) : m_limit(limit) {
    m_limit.burst = std::max(1, m_limit.burst);
    m_limit.maxAddresses = std::max<std::size_t>(1, m_limit.maxAddresses);
}

std::optional<int> RateLimiter::take(const std::string& address, Clock::time_point now) {
    if (m_limit.perMinute <= 0) return std::nullopt;
    const double perSecond = m_limit.perMinute / 60.0;
    std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(address);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_limit.maxAddresses) {
            // Forgetting an address gives it a full bucket again: the cost of a bounded table,
            // and no more than an attacker with that many addresses has anyway.
            m_buckets.erase(m_byAge.front());
            m_byAge.pop_front();
        }
        m_byAge.push_back(address);
        it = m_buckets
                 .emplace(address,
                          Bucket{static_cast<double>(m_limit.burst), now, std::prev(m_byAge.end())})
                 .first;
    } else {
        m_byAge.splice(m_byAge.end(), m_byAge, it->second.age);
    }
    Bucket& b = it->second;
    const double elapsed = std::chrono::duration<double>(now - b.at).count();
    if (elapsed > 0) {
        b.tokens = std::min<double>(m_limit.burst, b.tokens + elapsed * perSecond);
        b.at = now;
    }
    if (b.tokens >= 1) {
        b.tokens -= 1;
        return std::nullopt;
    }
    return std::max(1, static_cast<int>(std::ceil((1 - b.tokens) / perSecond)));
}

std::size_t RateLimiter::tracked() const {
    std::lock_guard lock(m_mutex);
    return m_buckets.size();
}

}  // namespace nghedan::server
