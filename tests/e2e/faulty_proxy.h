#pragma once
// A loopback TCP proxy between tablets and the server, for fault tests and for counting the
// bytes on the wire. It reads each HTTP/1.1 request and response whole (Content-Length or
// chunked) so it can cut a connection in the middle of either, or send a request to the
// server twice. With no faults configured it counts bytes and forwards requests unchanged.
// A rate limit (setRateLimit) makes it a slow link: each direction, all connections together,
// passes at most that many bytes per second.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <list>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>

namespace nghedan::test {

/** Fault probabilities per request (each in [0, 1]; checked in this order). */
struct ProxyFaults {
    double cutRequest = 0;  ///< forward part of the request, then close both sides
    double cutResponse =
        0;              ///< the server gets the whole request; the tablet gets part of the reply
    double replay = 0;  ///< the server gets the request twice (the first reply is dropped)
    std::uint64_t seed = 1;
};

/** Listens on 127.0.0.1 (a free port) and forwards to 127.0.0.1:targetPort. One thread per
 *  connection. Thread-safe counters; setFaults()/setTarget() may be called while running
 *  (they apply to requests that start afterwards). */
class FaultyProxy {
public:
    explicit FaultyProxy(int targetPort, ProxyFaults faults = {})
        : m_targetPort(targetPort), m_faults(faults), m_rng(faults.seed) {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        if (::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
            ::listen(m_listen, 256) != 0) {
            ::close(m_listen);
            m_listen = -1;
            return;
        }
        socklen_t len = sizeof addr;
        ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }

    ~FaultyProxy() { stop(); }

    FaultyProxy(const FaultyProxy&) = delete;
    FaultyProxy& operator=(const FaultyProxy&) = delete;

    bool ok() const { return m_listen >= 0; }
    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

    void setFaults(ProxyFaults faults) {
        std::lock_guard lock(m_mutex);
        m_faults = faults;
        m_rng.seed(faults.seed);
    }
    void setTarget(int port) { m_targetPort = port; }
    /** Bytes per second in each direction over all connections (0: unlimited), for requests
     *  that start afterwards. */
    void setRateLimit(std::uint64_t bytesPerSecond) {
        m_up.rate = bytesPerSecond;
        m_down.rate = bytesPerSecond;
    }

    std::uint64_t bytesUp() const { return m_bytesUp; }      ///< tablet → server
    std::uint64_t bytesDown() const { return m_bytesDown; }  ///< server → tablet
    std::uint64_t requests() const { return m_requests; }
    std::uint64_t cutRequests() const { return m_cutRequests; }
    std::uint64_t cutResponses() const { return m_cutResponses; }
    std::uint64_t replays() const { return m_replays; }
    void resetCounters() {
        m_bytesUp = m_bytesDown = m_requests = m_cutRequests = m_cutResponses = m_replays = 0;
    }

    /** Closes the listening socket and every connection; joins the threads. */
    void stop() {
        if (m_stopping.exchange(true)) return;
        if (m_listen >= 0) ::shutdown(m_listen, SHUT_RDWR);
        if (m_acceptor.joinable()) m_acceptor.join();
        if (m_listen >= 0) ::close(m_listen);
        m_listen = -1;
        std::list<Conn> conns;
        {
            std::lock_guard lock(m_mutex);
            for (auto& c : m_conns) {
                if (c.client >= 0) ::shutdown(c.client, SHUT_RDWR);
                if (c.upstream >= 0) ::shutdown(c.upstream, SHUT_RDWR);
            }
            conns.splice(conns.end(), m_conns);
        }
        for (auto& c : conns) {
            if (c.thread.joinable()) c.thread.join();
        }
    }

private:
    struct Conn {
        std::thread thread;
        std::atomic<int> client{-1};
        std::atomic<int> upstream{-1};
        std::atomic<bool> finished{false};
    };

    enum class Fault { None, CutRequest, CutResponse, Replay };

    /** One direction of a slow link: a sender waits for its slot, so together they pass
     *  `rate` bytes per second. */
    struct Link {
        std::atomic<std::uint64_t> rate{0};
        std::mutex mutex;
        std::chrono::steady_clock::time_point next{};
        /** Waits until `n` more bytes may pass. */
        void pass(std::size_t n) {
            const std::uint64_t r = rate;
            if (r == 0) return;
            std::chrono::steady_clock::time_point at;
            {
                std::lock_guard lock(mutex);
                const auto now = std::chrono::steady_clock::now();
                at = std::max(now, next);
                next = at + std::chrono::nanoseconds(static_cast<std::int64_t>(n * 1'000'000'000ULL / r));
            }
            std::this_thread::sleep_until(at);
        }
    };

    /** sendAll at the link's pace, in slices of 16 KiB. */
    static bool sendPaced(Link& link, int fd, const char* data, std::size_t size) {
        if (link.rate == 0) return sendAll(fd, data, size);
        while (size > 0) {
            const std::size_t n = std::min<std::size_t>(size, 16 * 1024);
            link.pass(n);
            if (!sendAll(fd, data, n)) return false;
            data += n;
            size -= n;
        }
        return true;
    }

    Fault pickFault() {
        std::lock_guard lock(m_mutex);
        std::uniform_real_distribution<double> d(0, 1);
        const double x = d(m_rng);
        double acc = m_faults.cutRequest;
        if (x < acc) return Fault::CutRequest;
        acc += m_faults.cutResponse;
        if (x < acc) return Fault::CutResponse;
        acc += m_faults.replay;
        if (x < acc) return Fault::Replay;
        return Fault::None;
    }

    std::size_t randomBelow(std::size_t n) {
        std::lock_guard lock(m_mutex);
        if (n <= 1) return 0;
        return std::uniform_int_distribution<std::size_t>(1, n - 1)(m_rng);
    }

    void acceptLoop() {
        while (!m_stopping) {
            const int fd = ::accept(m_listen, nullptr, nullptr);
            if (fd < 0) {
                if (m_stopping) break;
                if (errno == EINTR || errno == ECONNABORTED) continue;
                break;
            }
            int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            std::lock_guard lock(m_mutex);
            reapLocked();
            m_conns.emplace_back();
            Conn& conn = m_conns.back();
            conn.client = fd;
            conn.thread = std::thread([this, &conn] { serve(conn); });
        }
    }

    void reapLocked() {
        for (auto it = m_conns.begin(); it != m_conns.end();) {
            if (it->finished) {
                if (it->thread.joinable()) it->thread.join();
                it = m_conns.erase(it);
            } else {
                ++it;
            }
        }
    }

    int connectUpstream() {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(static_cast<std::uint16_t>(m_targetPort.load()));
        if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            ::close(fd);
            return -1;
        }
        int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        return fd;
    }

    static bool sendAll(int fd, const char* data, std::size_t size) {
        while (size > 0) {
            const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
            if (n <= 0) {
                if (n < 0 && errno == EINTR) continue;
                return false;
            }
            data += n;
            size -= static_cast<std::size_t>(n);
        }
        return true;
    }

    /** Buffered reader of one socket. */
    struct Reader {
        int fd;
        std::string buffer;
        bool fill() {
            char chunk[64 * 1024];
            while (true) {
                const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) return false;
                buffer.append(chunk, static_cast<std::size_t>(n));
                return true;
            }
        }
        /** Reads up to and including "\r\n\r\n"; the header block or nullopt on EOF. */
        std::optional<std::string> headers() {
            std::size_t searched = 0;
            while (true) {
                const auto end = buffer.find("\r\n\r\n", searched > 3 ? searched - 3 : 0);
                if (end != std::string::npos) {
                    std::string head = buffer.substr(0, end + 4);
                    buffer.erase(0, end + 4);
                    return head;
                }
                searched = buffer.size();
                if (!fill()) return std::nullopt;
            }
        }
        std::optional<std::string> exactly(std::size_t n) {
            while (buffer.size() < n) {
                if (!fill()) return std::nullopt;
            }
            std::string out = buffer.substr(0, n);
            buffer.erase(0, n);
            return out;
        }
        std::optional<std::string> line() {
            while (true) {
                const auto end = buffer.find("\r\n");
                if (end != std::string::npos) {
                    std::string out = buffer.substr(0, end + 2);
                    buffer.erase(0, end + 2);
                    return out;
                }
                if (!fill()) return std::nullopt;
            }
        }
        std::string rest() {
            while (fill()) {
            }
            std::string out = std::move(buffer);
            buffer.clear();
            return out;
        }
    };

    static std::string lower(std::string s) {
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s;
    }

    static std::optional<std::string> headerValue(const std::string& head,
                                                  const std::string& name) {
        const std::string h = lower(head);
        const std::string key = "\r\n" + lower(name) + ":";
        const auto at = h.find(key);
        if (at == std::string::npos) return std::nullopt;
        auto begin = at + key.size();
        const auto end = h.find("\r\n", begin);
        std::string v = head.substr(begin, end - begin);
        v.erase(0, v.find_first_not_of(" \t"));
        v.erase(v.find_last_not_of(" \t") + 1);
        return v;
    }

    /** A whole HTTP message (head + body) from `r`; `isResponse` allows read-to-close bodies. */
    static std::optional<std::string> readMessage(Reader& r, bool isResponse, bool headRequest) {
        auto head = r.headers();
        if (!head) return std::nullopt;
        std::string message = *head;
        if (isResponse) {
            // 1xx, 204, 304 and replies to HEAD carry no body.
            const int status = head->size() > 12 ? std::atoi(head->c_str() + 9) : 0;
            if (headRequest || status / 100 == 1 || status == 204 || status == 304) return message;
        }
        const auto te = headerValue(*head, "Transfer-Encoding");
        if (te && lower(*te).find("chunked") != std::string::npos) {
            while (true) {
                auto sizeLine = r.line();
                if (!sizeLine) return std::nullopt;
                message += *sizeLine;
                const std::size_t size = std::strtoul(sizeLine->c_str(), nullptr, 16);
                if (size == 0) {
                    while (true) {  // trailers until an empty line
                        auto trailer = r.line();
                        if (!trailer) return std::nullopt;
                        message += *trailer;
                        if (*trailer == "\r\n") return message;
                    }
                }
                auto data = r.exactly(size + 2);
                if (!data) return std::nullopt;
                message += *data;
            }
        }
        if (const auto cl = headerValue(*head, "Content-Length")) {
            auto body = r.exactly(std::strtoull(cl->c_str(), nullptr, 10));
            if (!body) return std::nullopt;
            return message + *body;
        }
        if (isResponse) return message + r.rest();
        return message;
    }

    void serve(Conn& conn) {
        Reader client{conn.client, {}};
        std::optional<Reader> upstream;
        auto closeUpstream = [&] {
            if (conn.upstream >= 0) {
                ::shutdown(conn.upstream, SHUT_RDWR);
                ::close(conn.upstream.exchange(-1));
            }
            upstream.reset();
        };
        auto openUpstream = [&]() -> bool {
            if (upstream) return true;
            const int fd = connectUpstream();
            if (fd < 0) return false;
            conn.upstream = fd;
            upstream.emplace(Reader{fd, {}});
            return true;
        };
        while (!m_stopping) {
            auto request = readMessage(client, false, false);
            if (!request) break;
            ++m_requests;
            m_bytesUp += request->size();
            const bool head = request->rfind("HEAD ", 0) == 0;
            const Fault fault = pickFault();

            if (fault == Fault::Replay) {
                // A first copy on its own connection; its reply is dropped.
                const int fd = connectUpstream();
                if (fd >= 0) {
                    Reader extra{fd, {}};
                    if (sendAll(fd, request->data(), request->size())) {
                        readMessage(extra, true, head);
                        ++m_replays;
                    }
                    ::close(fd);
                }
            }
            const bool reused = upstream.has_value();
            if (!openUpstream()) break;  // server down: the tablet sees the connection drop
            if (fault == Fault::CutRequest) {
                const std::size_t part = randomBelow(request->size());
                sendAll(conn.upstream, request->data(), part);
                ++m_cutRequests;
                closeUpstream();
                break;
            }
            bool sent = sendPaced(m_up, conn.upstream, request->data(), request->size());
            std::optional<std::string> response;
            if (sent) response = readMessage(*upstream, true, head);
            if (!response && reused) {
                // The server closed an idle kept-alive connection: one fresh try.
                closeUpstream();
                if (!openUpstream()) break;
                sent = sendAll(conn.upstream, request->data(), request->size());
                if (sent) response = readMessage(*upstream, true, head);
            }
            if (!response) {
                closeUpstream();
                break;
            }
            if (fault == Fault::CutResponse) {
                const std::size_t part = randomBelow(response->size());
                sendAll(conn.client, response->data(), part);
                m_bytesDown += part;
                ++m_cutResponses;
                closeUpstream();
                break;
            }
            m_bytesDown += response->size();
            if (!sendPaced(m_down, conn.client, response->data(), response->size())) break;
            const auto connection = headerValue(*response, "Connection");
            if (connection && lower(*connection) == "close") break;
        }
        closeUpstream();
        ::shutdown(conn.client, SHUT_RDWR);
        ::close(conn.client.exchange(-1));
        conn.finished = true;
    }

    std::atomic<int> m_targetPort;
    int m_listen = -1;
    int m_port = 0;
    std::mutex m_mutex;
    ProxyFaults m_faults;
    std::mt19937_64 m_rng;
    std::thread m_acceptor;
    std::list<Conn> m_conns;
    std::atomic<bool> m_stopping{false};
    Link m_up, m_down;
    std::atomic<std::uint64_t> m_bytesUp{0}, m_bytesDown{0}, m_requests{0}, m_cutRequests{0},
        m_cutResponses{0}, m_replays{0};
};

}  // namespace nghedan::test
