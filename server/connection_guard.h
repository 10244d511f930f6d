#pragma once
// How nghedan-server holds its connections, so that slow or many clients cannot stop it.
//
// cpp-httplib parses requests and runs the routes; GuardedServer owns the connections around
// it (it overrides httplib's per-connection loop, the one place httplib lets a server do so):
//  * A connection waits for its request's headers in one poll thread (the gate), never in a
//    worker thread: a worker gets a connection only once its whole request head is buffered
//    (over HTTPS: a whole TLS record). Between keep-alive requests it waits in the gate again.
//    So connections that never finish their headers cannot fill the worker queue.
//  * Every phase has a deadline, not a per-byte timeout: the head (from its first byte), the
//    body (from the end of the head to the route's body reader finishing), and a reply that
//    the client does not take (no progress for stallTimeout).
//  * Per client address: open connections and requests in workers are limited; a request over
//    its address's share waits its turn in the gate (queueWait), then gets 503.
//  * A keep-alive connection serves at most keepAliveRequests requests and idles at most
//    idleTimeout between them.
//  * HTTPS is ended here as well (OpenSSL), under the same deadlines and limits.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <httplib.h>

namespace nghedan::server {

struct ConnectionLimits {
    std::chrono::milliseconds headerDeadline{10'000};  ///< first byte of a request → head read
    std::chrono::milliseconds bodyDeadline{60'000};    ///< head read → body read
    std::chrono::milliseconds idleTimeout{5'000};      ///< keep-alive wait between requests
    std::chrono::milliseconds stallTimeout{30'000};    ///< a reply the client takes no part of
    std::chrono::milliseconds queueWait{30'000};       ///< a ready request waiting for its turn
    std::size_t perAddressConnections = 128;
    std::size_t perAddressInFlight = 8;    ///< requests of one address in workers at once
    std::size_t maxConnections = 10'000;   ///< all addresses (also kept below the fd limit)
    std::size_t keepAliveRequests = 1000;  ///< requests on one connection
    std::size_t workers = 32;
    /** Addresses whose connections the per-address limits do not count: a trusted reverse
     *  proxy, which applies its own per-client limits. */
    std::vector<std::string> exemptAddresses;
};

/** Counters for /metrics. */
struct ConnectionStats {
    std::uint64_t open = 0;       ///< connections held now (gate + workers)
    std::uint64_t inWorkers = 0;  ///< of which a worker is serving now
    std::uint64_t refused = 0;    ///< closed at accept: over a connection limit
    std::uint64_t timedOut = 0;   ///< closed for a missed deadline (head, body, idle, turn)
    std::uint64_t busy = 0;       ///< answered 503 after waiting queueWait for their turn
};

class GuardedServer : public httplib::Server {
public:
    explicit GuardedServer(ConnectionLimits limits);
    ~GuardedServer() override;
    GuardedServer(const GuardedServer&) = delete;
    GuardedServer& operator=(const GuardedServer&) = delete;

    /** Serves HTTPS with this certificate chain and key (PEM files); false and `error` set
     *  when they cannot be loaded. Call before listening. */
    bool useTls(const std::string& certFile, const std::string& keyFile, std::string& error);
    /** After httplib's stop(): closes the waiting connections and lets the requests in
     *  workers finish. Idempotent; the destructor calls it. */
    void shutdownConnections();
    ConnectionStats stats() const;

    // The common request handlers (http_util.cpp) mark the phases of the request the calling
    // worker is serving; outside a guarded worker these do nothing.
    /** The head is read: the body deadline starts when the request has a body. */
    static void headReadHook(const httplib::Request& req);
    /** Whether the request being read has missed its phase's deadline (a reader that
     *  failed for it answers 408). */
    static bool deadlinePassed();
    /** The route's body reader has finished: the body deadline ends. */
    static void bodyReadHook();
    /** The reply is written. The connection ends after a request whose body no reader
     *  finished (refused from its headers: the rest is never read as a next request), an
     *  error reply that may leave bytes unread (400, 408, 413, 431) or "Connection: close". */
    static void replyWrittenHook(const httplib::Response& res);

private:
    bool process_and_close_socket(socket_t sock) override;
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace nghedan::server
