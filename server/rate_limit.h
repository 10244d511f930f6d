#pragma once
// How often one client address may ask the public endpoints (lookup page, Open311, feed):
// a token bucket per address. Receipt codes are unguessable (public_view.h), and this makes
// trying them by the thousand slow as well; it also keeps one scraper from taking the
// workers that tablets and supervisors need.

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace nghedan::server {

/** The public endpoints' limit per client address. */
struct PublicRateLimit {
    /** Requests an address may make per minute on average; 0 turns the limit off. Residents
     *  behind one carrier NAT share an address, so this leaves room for many of them. */
    int perMinute = 120;
    /** Requests an address may make at once after a quiet spell (the bucket's size). */
    int burst = 60;
    /** Addresses tracked at once; beyond it the one seen longest ago is forgotten, so that
     *  requests from many addresses cannot grow the table without bound. */
    std::size_t maxAddresses = 10'000;
};

/** Token buckets per address, bounded in memory. Thread-safe. */
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;
    explicit RateLimiter(PublicRateLimit limit);

    /** Takes one request's token for `address` at `now`: nullopt when the request may be
     *  served, else the whole seconds to wait before the next token (at least 1). Always
     *  nullopt when the limit is off. */
    std::optional<int> take(const std::string& address, Clock::time_point now = Clock::now());

    /** Addresses tracked now (never more than maxAddresses). */
    std::size_t tracked() const;
    const PublicRateLimit& limit() const { return m_limit; }

private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point at;
        std::list<std::string>::iterator age;  ///< position in m_byAge
    };
    PublicRateLimit m_limit;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
    std::list<std::string> m_byAge;  ///< least recently seen first
};

}  // namespace nghedan::server
