// GuardedServer: the gate (one epoll thread where connections wait for a whole request
// head), the workers (httplib's process_request over a stream with deadlines) and TLS.

#include "connection_guard.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

namespace nghedan::server {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kPeekBytes = 16 * 1024;  // a request head longer than this is httplib's
                                               // to refuse (431/400), so it may have a worker
// A connection closed after a refusal (413, 401 with the body unread) first drops what the
// client still sends for a while, so that the client reads the answer instead of a reset
// (nginx's lingering close). Bounded in time and bytes; done by the gate, not a worker.
constexpr auto kLingerTime = std::chrono::seconds(1);
constexpr std::size_t kLingerBytes = 16u << 20;

/** The numeric address of a socket's peer (or of its own end), IPv4-mapped IPv6 as IPv4. */
bool addressOf(int fd, bool peer, std::string& ip, int& port) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    const int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                        : ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    if (rc != 0) return false;
    char host[NI_MAXHOST];
    char serv[NI_MAXSERV];
    if (::getnameinfo(reinterpret_cast<sockaddr*>(&addr), len, host, sizeof host, serv,
                      sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        return false;
    ip = host;
    if (ip.rfind("::ffff:", 0) == 0 && ip.find('.') != std::string::npos) ip.erase(0, 7);
    port = std::atoi(serv);
    return true;
}

/** Waits until `fd` has `events` or the deadline passes; false on timeout or error. */
bool waitFor(int fd, short events, Clock::time_point deadline) {
    while (true) {
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return false;
        pollfd p{fd, events, 0};
        const int rc = ::poll(&p, 1, static_cast<int>(std::min<std::int64_t>(left.count(), 1000)));
        if (rc > 0) return true;
        if (rc < 0 && errno != EINTR) return false;
    }
}

/** A short reply written without waiting (best effort) before a connection is dropped. */
void sendRefusal(int fd, int status, const char* reason, const char* code, const char* message) {
    const std::string body = std::string("{\"error\":{\"code\":\"") + code +
                             "\",\"message\":\"" + message + "\"}}";
    const std::string reply = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                              "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                              "Retry-After: 5\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + body;
    (void)!::send(fd, reply.data(), reply.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
}

}  // namespace

// ---- connections -----------------------------------------------------------------------

struct Connection {
    enum class Wait { Head, Idle, Turn, Linger };
    int fd = -1;
    std::string address;
    bool exempt = false;
    const ConnectionLimits* limits = nullptr;
    SSL* ssl = nullptr;
    bool handshaken = false;
    Wait wait = Wait::Head;
    Clock::time_point deadline;  ///< of the current phase
    std::size_t served = 0;
    std::size_t lingered = 0;  ///< bytes dropped while lingering
    // Set by the hooks while a worker serves a request.
    bool closeAfterReply = false;
    bool bodyPending = false;  ///< the request has a body that no reader has finished
    bool inReply = false;  ///< head and body read: reads and writes must only make progress

    ~Connection() {
        if (ssl) SSL_free(ssl);
        if (fd >= 0) {
            ::shutdown(fd, SHUT_RDWR);
            ::close(fd);
        }
    }
};

namespace {

thread_local Connection* t_current = nullptr;  // the connection this worker serves

/** httplib's view of a connection: reads and writes that keep to the phase's deadline. The
 *  buffer lives only while a worker serves the connection; bytes left in it (a pipelined
 *  request) keep the connection in the worker. */
class GuardedStream final : public httplib::Stream {
public:
    GuardedStream(Connection& c, std::chrono::milliseconds stall) : m_c(c), m_stall(stall) {}

    bool hasBuffered() const {
        return m_off < m_len || (m_c.ssl && SSL_pending(m_c.ssl) > 0);
    }
    bool failed() const { return m_failed; }

    bool is_readable() const override {
        if (hasBuffered()) return true;
        return waitFor(m_c.fd, POLLIN, readDeadline());
    }
    bool is_writable() const override {
        pollfd p{m_c.fd, POLLOUT, 0};
        return ::poll(&p, 1, static_cast<int>(m_stall.count())) > 0 &&
               !(p.revents & (POLLERR | POLLHUP));
    }

    ssize_t read(char* ptr, size_t size) override {
        if (m_off == m_len) {
            m_off = m_len = 0;
            const ssize_t n = fill();
            if (n <= 0) return n;
            m_len = static_cast<std::size_t>(n);
        }
        const std::size_t n = std::min(size, m_len - m_off);
        std::memcpy(ptr, m_buf.data() + m_off, n);
        m_off += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        std::size_t done = 0;
        while (done < size) {
            // Each piece must go out within the stall timeout: a client that takes nothing
            // of a reply for that long loses the connection.
            const auto deadline = Clock::now() + m_stall;
            ssize_t n;
            if (m_c.ssl) {
                ERR_clear_error();
                const int w = SSL_write(m_c.ssl, ptr + done, static_cast<int>(size - done));
                if (w > 0) {
                    n = w;
                } else {
                    const int e = SSL_get_error(m_c.ssl, w);
                    const short ev = e == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT;
                    if ((e != SSL_ERROR_WANT_WRITE && e != SSL_ERROR_WANT_READ) ||
                        !waitFor(m_c.fd, ev, deadline))
                        return fail();
                    continue;
                }
            } else {
                n = ::send(m_c.fd, ptr + done, size - done, MSG_DONTWAIT | MSG_NOSIGNAL);
                if (n < 0) {
                    if ((errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) ||
                        !waitFor(m_c.fd, POLLOUT, deadline))
                        return fail();
                    continue;
                }
            }
            done += static_cast<std::size_t>(n);
        }
        return static_cast<ssize_t>(size);
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        addressOf(m_c.fd, true, ip, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        addressOf(m_c.fd, false, ip, port);
    }
    socket_t socket() const override { return m_c.fd; }

private:
    Clock::time_point readDeadline() const {
        // Head and body: the phase's deadline. In the reply (nothing more to read), progress.
        return m_c.inReply ? Clock::now() + m_stall : m_c.deadline;
    }

    ssize_t fail() {
        m_failed = true;
        return -1;
    }

    ssize_t fill() {
        while (true) {
            if (m_c.ssl) {
                ERR_clear_error();
                const int r = SSL_read(m_c.ssl, m_buf.data(), static_cast<int>(m_buf.size()));
                if (r > 0) return r;
                const int e = SSL_get_error(m_c.ssl, r);
                if (e == SSL_ERROR_ZERO_RETURN) return 0;
                const short ev = e == SSL_ERROR_WANT_WRITE ? POLLOUT : POLLIN;
                if ((e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) ||
                    !waitFor(m_c.fd, ev, readDeadline()))
                    return fail();
            } else {
                const ssize_t r = ::recv(m_c.fd, m_buf.data(), m_buf.size(), MSG_DONTWAIT);
                if (r >= 0) return r;
                if ((errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) ||
                    !waitFor(m_c.fd, POLLIN, readDeadline()))
                    return fail();
            }
        }
    }

    Connection& m_c;
    std::chrono::milliseconds m_stall;
    std::array<char, 16 * 1024> m_buf{};
    std::size_t m_off = 0, m_len = 0;
    bool m_failed = false;
};

/** httplib hands each accepted socket to its task queue; this one calls it at once, on the
 *  accepting thread, so that GuardedServer::process_and_close_socket only parks it. */
class ImmediateQueue final : public httplib::TaskQueue {
public:
    void enqueue(std::function<void()> fn) override { fn(); }
    void shutdown() override {}
};

}  // namespace

// ---- the gate and the workers ------------------------------------------------------------

struct GuardedServer::Impl {
    GuardedServer& server;
    ConnectionLimits limits;
    SSL_CTX* tls = nullptr;

    mutable std::mutex mutex;  // everything below
    std::unordered_map<int, std::unique_ptr<Connection>> parked;  // in the gate, by fd
    std::map<std::string, std::deque<std::unique_ptr<Connection>>> waitingTurn;
    std::map<std::string, std::size_t> connectionsOf, inFlightOf;
    std::size_t open = 0, inWorkers = 0;
    std::uint64_t refused = 0, timedOut = 0, busy = 0;
    bool stopping = false;

    int epfd = -1;
    int wakeFd = -1;
    std::thread gate;
    std::unique_ptr<httplib::ThreadPool> workers;

    Impl(GuardedServer& s, ConnectionLimits l) : server(s), limits(std::move(l)) {
        // Waiting connections hold file descriptors: use what the system allows.
        rlimit rl{};
        if (::getrlimit(RLIMIT_NOFILE, &rl) == 0) {
            if (rl.rlim_cur < rl.rlim_max) {
                rl.rlim_cur = rl.rlim_max;
                ::setrlimit(RLIMIT_NOFILE, &rl);
                ::getrlimit(RLIMIT_NOFILE, &rl);
            }
            if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur > 128)
                limits.maxConnections =
                    std::min<std::size_t>(limits.maxConnections, rl.rlim_cur - 128);
        }
        epfd = ::epoll_create1(EPOLL_CLOEXEC);
        wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = wakeFd;
        ::epoll_ctl(epfd, EPOLL_CTL_ADD, wakeFd, &ev);
        workers = std::make_unique<httplib::ThreadPool>(std::max<std::size_t>(1, limits.workers));
        gate = std::thread([this] { runGate(); });
    }

    ~Impl() {
        shutdown();
        if (tls) SSL_CTX_free(tls);
        ::close(epfd);
        ::close(wakeFd);
    }

    bool isExempt(const std::string& address) const {
        return std::find(limits.exemptAddresses.begin(), limits.exemptAddresses.end(),
                         address) != limits.exemptAddresses.end();
    }

    // -- accepting (httplib's accept thread)

    void admit(int fd) {
        std::string address;
        int port = 0;
        if (!addressOf(fd, true, address, port)) {
            ::close(fd);
            return;
        }
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        auto c = std::make_unique<Connection>();
        c->fd = fd;
        c->address = address;
        c->exempt = isExempt(address);
        c->limits = &limits;
        std::lock_guard lock(mutex);
        if (stopping || open >= limits.maxConnections ||
            (!c->exempt && connectionsOf[address] >= limits.perAddressConnections)) {
            ++refused;
            if (!tls)
                sendRefusal(fd, 503, "Service Unavailable", "too_many_connections",
                            "too many connections from this address; try again shortly");
            return;  // c closes it
        }
        if (tls) {
            c->ssl = SSL_new(tls);
            if (!c->ssl || SSL_set_fd(c->ssl, fd) != 1) return;
        }
        ++open;
        ++connectionsOf[address];
        c->wait = Connection::Wait::Head;
        c->deadline = Clock::now() + limits.headerDeadline;
        park(std::move(c));
    }

    /** Under the mutex: the gate watches the connection for its next request head. */
    void park(std::unique_ptr<Connection> c) {
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
        ev.data.fd = c->fd;
        const int fd = c->fd;
        if (::epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) != 0) {
            forget(*c);
            return;
        }
        parked.emplace(fd, std::move(c));
    }

    /** Under the mutex: the connection is closing; its address's count goes down. */
    void forget(const Connection& c) {
        --open;
        if (--connectionsOf[c.address] == 0) connectionsOf.erase(c.address);
    }

    std::unique_ptr<Connection> unpark(int fd) {
        auto it = parked.find(fd);
        if (it == parked.end()) return nullptr;
        auto c = std::move(it->second);
        parked.erase(it);
        ::epoll_ctl(epfd, EPOLL_CTL_DEL, fd, nullptr);
        return c;
    }

    // -- the gate thread

    /** Whether a whole request head (over TLS: a whole record) is buffered: 1, else 0; -1
     *  when the peer has closed or failed; -2 for plain HTTP sent to the HTTPS port. */
    int headReady(Connection& c) {
        static thread_local std::array<char, kPeekBytes> peek;
        const ssize_t n = ::recv(c.fd, peek.data(), peek.size(), MSG_PEEK | MSG_DONTWAIT);
        if (n == 0) return -1;
        if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : -1;
        if (c.wait == Connection::Wait::Idle) {
            // The next request has begun: its head has headerDeadline from now.
            c.wait = Connection::Wait::Head;
            c.deadline = Clock::now() + limits.headerDeadline;
        }
        const auto size = static_cast<std::size_t>(n);
        if (c.ssl && !c.handshaken && peek[0] != 0x16) return -2;  // not a TLS handshake
        if (size == peek.size()) return 1;
        if (c.ssl) {
            if (size < 5) return 0;
            const std::size_t record =
                5 + (static_cast<unsigned char>(peek[3]) << 8 | static_cast<unsigned char>(peek[4]));
            return size >= record ? 1 : 0;
        }
        static constexpr char kEnd[] = "\r\n\r\n";
        return std::search(peek.data(), peek.data() + size, kEnd, kEnd + 4) !=
                       peek.data() + size
                   ? 1
                   : 0;
    }

    /** Drops what a lingering connection's client still sends; false once it is done (the
     *  client closed, failed, or sent more than kLingerBytes). */
    bool drain(Connection& c) {
        static thread_local std::array<char, 64 * 1024> sink;
        while (true) {
            const ssize_t n = ::recv(c.fd, sink.data(), sink.size(), MSG_DONTWAIT);
            if (n > 0) {
                c.lingered += static_cast<std::size_t>(n);
                if (c.lingered > kLingerBytes) return false;
                continue;
            }
            return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR);
        }
    }

    void runGate() {
        std::array<epoll_event, 256> events;
        auto nextSweep = Clock::now();
        while (true) {
            const int n = ::epoll_wait(epfd, events.data(), static_cast<int>(events.size()), 100);
            std::unique_lock lock(mutex);
            if (stopping) break;
            for (int i = 0; i < n; ++i) {
                const int fd = events[i].data.fd;
                if (fd == wakeFd) continue;
                auto it = parked.find(fd);
                if (it == parked.end()) continue;
                if (it->second->wait == Connection::Wait::Linger) {
                    if (!drain(*it->second)) forget(*unpark(fd));
                    continue;
                }
                int ready = headReady(*it->second);
                // A peer that has stopped sending will not complete its head.
                if (ready == 0 && (events[i].events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
                    ready = -1;
                if (ready < 0) {
                    auto c = unpark(fd);
                    if (ready == -2)
                        sendRefusal(fd, 400, "Bad Request", "https_required",
                                    "Cổng này chỉ nhận HTTPS: hãy dùng địa chỉ https://");
                    forget(*c);
                } else if (ready > 0) {
                    dispatch(unpark(fd));
                }
            }
            if (Clock::now() >= nextSweep) {
                sweep();
                nextSweep = Clock::now() + std::chrono::milliseconds(100);
            }
        }
    }

    /** Under the mutex: closes the connections whose phase is over. */
    void sweep() {
        const auto now = Clock::now();
        for (auto it = parked.begin(); it != parked.end();) {
            Connection& c = *it->second;
            if (c.deadline > now) {
                ++it;
                continue;
            }
            if (c.wait == Connection::Wait::Head) {
                ++timedOut;
                if (!c.ssl)
                    sendRefusal(c.fd, 408, "Request Timeout", "request_timeout",
                                "the request head did not arrive in time");
            }
            ::epoll_ctl(epfd, EPOLL_CTL_DEL, c.fd, nullptr);
            forget(c);
            it = parked.erase(it);
        }
        for (auto& [address, queue] : waitingTurn) {
            while (!queue.empty() && queue.front()->deadline <= now) {
                ++busy;
                if (!queue.front()->ssl)
                    sendRefusal(queue.front()->fd, 503, "Service Unavailable", "busy",
                                "too many requests from this address at once; try again");
                forget(*queue.front());
                queue.pop_front();
            }
        }
        std::erase_if(waitingTurn, [](const auto& kv) { return kv.second.empty(); });
    }

    /** Under the mutex: a connection with a whole request head goes to a worker, or waits
     *  for its address's turn. */
    void dispatch(std::unique_ptr<Connection> c) {
        if (!c->exempt && inFlightOf[c->address] >= limits.perAddressInFlight) {
            c->wait = Connection::Wait::Turn;
            c->deadline = Clock::now() + limits.queueWait;
            waitingTurn[c->address].push_back(std::move(c));
            return;
        }
        ++inFlightOf[c->address];
        ++inWorkers;
        workers->enqueue([this, raw = c.release()] { serve(std::unique_ptr<Connection>(raw)); });
    }

    /** Under the mutex: a worker is done with a connection of `address`; the next of that
     *  address waiting for its turn goes. */
    void release(const std::string& address) {
        --inWorkers;
        if (--inFlightOf[address] == 0) inFlightOf.erase(address);
        auto it = waitingTurn.find(address);
        if (it == waitingTurn.end() || stopping) return;
        auto next = std::move(it->second.front());
        it->second.pop_front();
        if (it->second.empty()) waitingTurn.erase(it);
        dispatch(std::move(next));
    }

    // -- a worker

    bool handshake(Connection& c) {
        while (true) {
            ERR_clear_error();
            const int r = SSL_accept(c.ssl);
            if (r == 1) return true;
            const int e = SSL_get_error(c.ssl, r);
            const short ev = e == SSL_ERROR_WANT_WRITE ? POLLOUT : POLLIN;
            if ((e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) ||
                !waitFor(c.fd, ev, c.deadline))
                return false;
        }
    }

    void serve(std::unique_ptr<Connection> c) {
        t_current = c.get();
        bool keep = true;
        if (c->ssl && !c->handshaken) {
            keep = handshake(*c);
            c->handshaken = keep;
            if (!keep) {
                std::lock_guard lock(mutex);
                ++timedOut;
            }
        }
        bool streamFailed = false;
        if (keep) {
            GuardedStream stream(*c, limits.stallTimeout);
            while (true) {
                c->closeAfterReply = false;
                c->bodyPending = false;
                c->inReply = false;
                bool stop;
                {
                    std::lock_guard lock(mutex);
                    stop = stopping;
                }
                const bool last = stop || c->served + 1 >= limits.keepAliveRequests ||
                                  server.svr_sock_ == INVALID_SOCKET;
                bool clientClosed = false;
                const bool ok = server.process_request(stream, last, clientClosed, nullptr);
                ++c->served;
                if (stream.failed() && !c->inReply) {
                    std::lock_guard lock(mutex);
                    ++timedOut;  // the head or body missed its deadline (or the peer failed)
                }
                if (!ok || clientClosed || last || c->closeAfterReply || stream.failed()) {
                    keep = false;
                    streamFailed = stream.failed();
                    break;
                }
                if (!stream.hasBuffered()) break;
                // A pipelined request is already here: its head has headerDeadline.
                c->deadline = Clock::now() + limits.headerDeadline;
            }
        }
        t_current = nullptr;
        const bool linger = !keep && c->closeAfterReply && !streamFailed;
        if (linger) {
            if (c->ssl) {
                SSL_shutdown(c->ssl);  // close_notify, then the TCP half-close
            }
            ::shutdown(c->fd, SHUT_WR);
        }
        std::lock_guard lock(mutex);
        const std::string address = c->address;
        if (keep && !stopping) {
            c->wait = Connection::Wait::Idle;
            c->deadline = Clock::now() + limits.idleTimeout;
            park(std::move(c));
        } else if (linger && !stopping) {
            c->wait = Connection::Wait::Linger;
            c->deadline = Clock::now() + kLingerTime;
            park(std::move(c));
        } else {
            forget(*c);
            c.reset();
        }
        release(address);
    }

    void shutdown() {
        {
            std::lock_guard lock(mutex);
            if (stopping) return;
            stopping = true;
        }
        const std::uint64_t one = 1;
        (void)!::write(wakeFd, &one, sizeof one);
        if (gate.joinable()) gate.join();
        workers->shutdown();  // requests in workers finish
        std::lock_guard lock(mutex);
        parked.clear();
        waitingTurn.clear();
    }
};

GuardedServer::GuardedServer(ConnectionLimits limits)
    : m(std::make_unique<Impl>(*this, std::move(limits))) {
    new_task_queue = [] { return new ImmediateQueue; };
    // What httplib announces in its Keep-Alive header.
    set_keep_alive_timeout(std::max<time_t>(
        1, std::chrono::duration_cast<std::chrono::seconds>(m->limits.idleTimeout).count()));
    set_keep_alive_max_count(m->limits.keepAliveRequests);
}

GuardedServer::~GuardedServer() = default;

bool GuardedServer::useTls(const std::string& certFile, const std::string& keyFile,
                           std::string& error) {
    SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
    const auto failed = [&](const std::string& what) {
        char detail[256] = "";
        ERR_error_string_n(ERR_get_error(), detail, sizeof detail);
        error = what + (detail[0] ? std::string(" (") + detail + ")" : std::string());
        if (ctx) SSL_CTX_free(ctx);
        return false;
    };
    if (!ctx) return failed("cannot create a TLS context");
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION |
                                 SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    if (SSL_CTX_use_certificate_chain_file(ctx, certFile.c_str()) != 1)
        return failed("cannot load the TLS certificate " + certFile);
    if (SSL_CTX_use_PrivateKey_file(ctx, keyFile.c_str(), SSL_FILETYPE_PEM) != 1)
        return failed("cannot load the TLS key " + keyFile);
    if (SSL_CTX_check_private_key(ctx) != 1)
        return failed("the TLS key " + keyFile + " does not match the certificate");
    if (m->tls) SSL_CTX_free(m->tls);
    m->tls = ctx;
    return true;
}

void GuardedServer::shutdownConnections() {
    m->shutdown();
}

ConnectionStats GuardedServer::stats() const {
    std::lock_guard lock(m->mutex);
    return {m->open, m->inWorkers, m->refused, m->timedOut, m->busy};
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
    m->admit(sock);
    return true;
}

void GuardedServer::headReadHook(const httplib::Request& req) {
    Connection* c = t_current;
    if (!c) return;
    const bool hasBody = req.has_header("Transfer-Encoding") ||
                         (req.has_header("Content-Length") &&
                          req.get_header_value("Content-Length") != "0");
    c->bodyPending = hasBody;
    if (hasBody)
        c->deadline = Clock::now() + c->limits->bodyDeadline;
    else
        c->inReply = true;
}

bool GuardedServer::deadlinePassed() {
    Connection* c = t_current;
    return c && !c->inReply && Clock::now() >= c->deadline;
}

void GuardedServer::bodyReadHook() {
    if (Connection* c = t_current) {
        c->inReply = true;
        c->bodyPending = false;
    }
}

void GuardedServer::replyWrittenHook(const httplib::Response& res) {
    Connection* c = t_current;
    if (!c) return;
    if (c->bodyPending || res.status == 400 || res.status == 408 || res.status == 413 ||
        res.status == 431 || res.get_header_value("Connection") == "close")
        c->closeAfterReply = true;
}

}  // namespace nghedan::server
