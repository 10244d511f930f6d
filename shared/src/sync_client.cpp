#include "nghedan/sync_client.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <future>
#include <limits>
#include <random>
#include <thread>

#include <httplib.h>

#include "nghedan/client_version.h"
#include "nghedan/compression.h"
#include "nghedan/proof.h"
#include "nghedan/sealed.h"
#include "sync_wire.h"

namespace nghedan {

namespace {

constexpr std::size_t kMaxPushBatch = 2000;  // server/API.md: at most 2,000 per batch
constexpr std::size_t kCompressAbove = 512;  // smaller bodies are not worth a gzip header
/** A push body stays well under the server's 8 MiB limit (which also applies decompressed). */
constexpr std::size_t kMaxPushBytes = 4u << 20;
constexpr int kMaxEpochRestarts = 3;
constexpr int kMaxStalledPushes = 4;

const std::string kMetaEpoch = "server_epoch";
const std::string kMetaPullCursor = "pull_cursor";
const std::string kMetaSnapshotCursor = "snapshot_cursor";
const std::string kMetaSnapshotLog = "snapshot_log_cursor";

Error cancelledError() {
    return {"cancelled", "Đã hủy đồng bộ"};
}
Error unauthorizedError() {
    return {"unauthorized", "Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại"};
}
Error updateRequiredError() {
    return {"update_required", "Vui lòng cập nhật ứng dụng"};
}
Error clientTooOldError() {
    return {"client_too_old",
            "Phiên bản ứng dụng đã quá cũ, máy chủ không nhận nữa; vui lòng cập nhật ứng dụng"};
}
Error epochChangedError() {
    return {"epoch_changed", "Máy chủ đã được khôi phục, cần đồng bộ lại"};
}

std::uint64_t parseCursor(const std::optional<std::string>& text) {
    if (!text || text->empty()) return 0;
    try {
        return std::stoull(*text);
    } catch (...) {
        return 0;
    }
}

}  // namespace

/** One sync (or login) session: the HTTP connection, retries, clock learning, progress. */
struct SyncClient::Impl {
    SyncClient& self;
    Replica& replica;
    const SyncClientOptions& options;
    httplib::Client http;
    std::function<void(const SyncProgress&)> progressCallback;
    SyncProgress progress;
    SyncResult result;
    std::string epoch;  ///< the server epoch this session works against
    std::mt19937_64 rng{std::random_device{}()};
    std::mt19937_64 aheadRng{std::random_device{}()};  ///< for retries of fetched-ahead pages

    Impl(SyncClient& owner, std::function<void(const SyncProgress&)> callback)
        : self(owner),
          replica(owner.m_replica),
          options(owner.m_options),
          http(owner.m_options.baseUrl),
          progressCallback(std::move(callback)) {
        const auto timeout = static_cast<time_t>(std::max(1, options.timeoutSeconds));
        http.set_connection_timeout(timeout);
        http.set_read_timeout(timeout);
        http.set_write_timeout(timeout);
        http.set_keep_alive(true);
        http.set_decompress(true);
        http.enable_server_certificate_verification(true);
        if (!options.caFile.empty()) http.set_ca_cert_path(options.caFile.c_str());
    }

    bool cancelled() const { return self.m_cancel.load(); }

    void report(SyncProgress::Phase phase, std::uint64_t done, std::uint64_t total) {
        progress.phase = phase;
        progress.done = done;
        progress.total = total;
        if (progressCallback) progressCallback(progress);
    }

    /** Waits before attempt `attempt` + 1: exponential backoff with jitter; false if
     *  cancelled meanwhile. */
    bool backoff(int attempt, std::mt19937_64& random) const {
        const std::int64_t base = std::min<std::int64_t>(100LL << std::min(attempt, 10), 4000);
        std::uniform_int_distribution<std::int64_t> jitter(0, base / 2);
        const auto until =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(base + jitter(random));
        while (std::chrono::steady_clock::now() < until) {
            if (cancelled()) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return !cancelled();
    }

    /** What one API call brought back, before the session learns from it: the reply and
     *  the server time of the last answer (0 when none), with its round trip. */
    struct Exchange {
        Result<Json> reply;
        std::int64_t serverMs = 0;
        std::int64_t roundTripMs = 0;
    };

    /** The server stamped its reply about half a round trip ago: the clock learns its offset. */
    Result<Json> learn(Exchange&& e) {
        if (e.serverMs > 0) {
            replica.clock().learnServerTime(e.serverMs + e.roundTripMs / 2);
            result.serverTimeMs = e.serverMs;
        }
        return std::move(e.reply);
    }

    /** One API call with retries on connection errors and 5xx. `body` null → GET. The
     *  reply's serverTime updates the replica's clock offset. */
    Result<Json> call(const std::string& path, const std::string* body, bool isLogin = false) {
        return learn(exchange(path, body, isLogin, rng));
    }

    /** The HTTP side of call(): touches neither the replica nor the session's results, so a
     *  pull can fetch its next page on another thread while this one applies a page (one
     *  request in flight at a time: the connection is never shared). */
    Exchange exchange(const std::string& path, const std::string* body, bool isLogin,
                      std::mt19937_64& random) {
        Exchange out{Error{"network", "Không kết nối được máy chủ"}};
        // httplib decodes either coding of the reply (set_decompress).
        httplib::Headers headers{{"Accept-Encoding", "br, gzip"},
                                 {"Accept", "application/json"},
                                 {kClientVersionHeader, std::to_string(options.clientVersion)}};
        if (!options.token.empty() && !isLogin) {
            headers.emplace("Authorization", "Bearer " + options.token);
        }
        std::string payload;
        if (body) {
            if (body->size() > kCompressAbove) {
                if (auto gz = gzipCompress(*body)) {
                    payload = std::move(*gz);
                    headers.emplace("Content-Encoding", "gzip");
                } else {
                    payload = *body;
                }
            } else {
                payload = *body;
            }
        }

        Error last{"network", "Không kết nối được máy chủ"};
        const int attempts = std::max(1, options.maxAttempts);
        auto done = [&](Result<Json> reply) {
            out.reply = std::move(reply);
            return std::move(out);
        };
        for (int attempt = 0; attempt < attempts; ++attempt) {
            if (cancelled()) return done(cancelledError());
            if (attempt > 0 && !backoff(attempt - 1, random)) return done(cancelledError());

            const auto started = std::chrono::steady_clock::now();
            httplib::Result res = body ? http.Post(path, headers, payload, "application/json")
                                       : http.Get(path, headers);
            const auto rtt = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::steady_clock::now() - started)
                                 .count();
            if (!res) {
                if (res.error() == httplib::Error::SSLServerVerification ||
                    res.error() == httplib::Error::SSLLoadingCerts)
                    // Trying again will not make the certificate trusted.
                    return done(Error{"tls", "Không tin được chứng chỉ của máy chủ: kiểm tra "
                                             "địa chỉ máy chủ và chứng chỉ gốc (CA) đã cài (" +
                                                 httplib::to_string(res.error()) + ")"});
                last = Error{"network", "Không kết nối được máy chủ (" +
                                            httplib::to_string(res.error()) + ")"};
                continue;
            }
            const httplib::Response& response = res.value();
            std::string text = response.body;
            if (looksGzipped(text)) {
                if (auto plain = gzipDecompress(text)) text = std::move(*plain);
            }
            Json reply = Json::parse(text, nullptr, false);
            if (!reply.is_discarded()) {
                std::int64_t serverMs = wire::intMember(reply, "serverTime", 0);
                if (serverMs <= 0 && response.has_header("X-Server-Time")) {
                    try {
                        serverMs = std::stoll(response.get_header_value("X-Server-Time"));
                    } catch (...) {
                        serverMs = 0;
                    }
                }
                if (serverMs > 0) {
                    out.serverMs = serverMs;
                    out.roundTripMs = rtt;
                }
            }

            const int status = response.status;
            if (status >= 200 && status < 300) {
                if (reply.is_discarded() || !reply.is_object()) {
                    last = Error{"bad_response", "Máy chủ trả lời không đúng định dạng"};
                    continue;  // a reply cut short is worth another try
                }
                return done(std::move(reply));
            }
            std::string code, message;
            if (!reply.is_discarded() && reply.is_object()) {
                const auto err = reply.find("error");
                if (err != reply.end() && err->is_object()) {
                    code = wire::stringMember(*err, "code");
                    message = wire::stringMember(*err, "message");
                }
            }
            if (status == 401) {
                if (isLogin) {
                    return done(Error{code.empty() ? "invalid_credentials" : code,
                                      "Sai tên đăng nhập hoặc mật khẩu"});
                }
                return done(unauthorizedError());
            }
            if (status == 410)
                return done(code == "client_too_old" ? clientTooOldError() : updateRequiredError());
            if (status >= 500 || status == 408 || (status == 429 && !isLogin)) {
                last = Error{code.empty() ? "server_error" : code,
                             "Máy chủ tạm thời lỗi (" + std::to_string(status) + ")" +
                                 (message.empty() ? "" : ": " + message)};
                continue;
            }
            if (code.empty()) code = "http_" + std::to_string(status);
            if (message.empty())
                message = "Máy chủ từ chối yêu cầu (" + std::to_string(status) + ")";
            return done(Error{code, message});
        }
        return done(last);
    }

    Result<Json> post(const std::string& path, const Json& body) {
        const std::string text = body.dump(-1, ' ', false, Json::error_handler_t::replace);
        return call(path, &text);
    }

    /** True when the reply comes from a server lineage other than the one this session
     *  started with (restored from a backup meanwhile). */
    bool epochMoved(const Json& reply) const {
        const std::string e = wire::stringMember(reply, "epoch");
        return !e.empty() && !epoch.empty() && e != epoch;
    }

    // ---- epoch -------------------------------------------------------------------

    /** GET /sync/state; on a new epoch re-pushes what the server lacks and resets the pull
     *  position; stores the epoch once that is done. */
    Status checkEpoch() {
        auto state = call("/api/v1/sync/state", nullptr);
        if (!state) return state.error();
        const std::string serverEpoch = wire::stringMember(*state, "epoch");
        epoch = serverEpoch;
        if (const auto told = state->find("dotConflicts"); told != state->end() && told->is_array())
            for (const Json& d : *told) result.impersonatedSeqs.push_back(wire::uintMember(d, "seq"));
        const auto stored = replica.meta(kMetaEpoch);
        if (stored && !stored->empty() && *stored != serverEpoch && !serverEpoch.empty()) {
            std::map<std::string, std::uint64_t> serverSites;
            const auto sites = state->find("sites");
            if (sites != state->end() && sites->is_object()) {
                for (auto it = sites->begin(); it != sites->end(); ++it) {
                    serverSites[it.key()] = wire::uintMember(*sites, it.key().c_str(), 0);
                }
            }
            if (Status s = rePush(serverSites); !s) return s;
            if (replica.meta(kMetaPullCursor)) {
                if (Status s = replica.setMeta(kMetaPullCursor, "0"); !s) return s;
            } else {
                if (Status s = replica.setMeta(kMetaSnapshotCursor, "0"); !s) return s;
                if (Status s = replica.setMeta(kMetaSnapshotLog, ""); !s) return s;
            }
        }
        if (!serverEpoch.empty() && (!stored || *stored != serverEpoch)) {
            if (Status s = replica.setMeta(kMetaEpoch, serverEpoch); !s) return s;
        }
        return {};
    }

    /** Sends every change this replica holds beyond what the server has, site by site. Own
     *  changes go up to the acknowledged seq; the unsent rest is pushed by pushOwn(). */
    Status rePush(const std::map<std::string, std::uint64_t>& serverSites) {
        auto local = replica.siteVector();
        if (!local) return local.error();
        for (const auto& entry : *local) {
            const std::string& site = entry.first;
            const auto found = serverSites.find(site);
            const std::uint64_t from = found == serverSites.end() ? 0 : found->second;
            const std::uint64_t upTo = site == replica.siteId() ? replica.ackedSeq() : UINT64_MAX;
            if (Status s = relaySite(site, from, upTo); !s) return s;
        }
        return {};
    }

    /** Pushes the changes of `site` with from < seq <= upTo that this replica holds, until
     *  the server has them or cannot take more (a gap in this replica's copy). */
    Status relaySite(const std::string& site, std::uint64_t from, std::uint64_t upTo) {
        const std::size_t batchSize = std::clamp<std::size_t>(options.pushBatch, 1, kMaxPushBatch);
        const bool own = site == replica.siteId();
        while (from < upTo) {
            auto batch = replica.changesOfSite(site, from, batchSize);
            if (!batch) return batch.error();
            auto& changes = *batch;
            if (own) {
                // Own changes the old server refused are no longer stored as changes; they go
                // again so that the server records them as processed (refused) once more.
                auto refused = replica.refusedChanges();
                if (!refused) return refused.error();
                for (const RefusedChange& r : *refused) {
                    if (r.change.site == site && r.change.seq > from) changes.push_back(r.change);
                }
                std::sort(changes.begin(), changes.end(),
                          [](const Change& a, const Change& b) { return a.seq < b.seq; });
                if (changes.size() > batchSize) changes.resize(batchSize);
            }
            changes.erase(std::remove_if(changes.begin(), changes.end(),
                                         [&](const Change& c) { return c.seq > upTo; }),
                          changes.end());
            if (changes.empty()) break;
            report(SyncProgress::Phase::Pushing, progress.done, progress.total);
            const std::string body = wire::pushBodyWithin(changes, kMaxPushBytes, nullptr);
            auto reply = call("/api/v1/sync/push", &body);
            if (!reply) return reply.error();
            if (epochMoved(*reply)) return epochChangedError();
            result.pushed += wire::uintMember(*reply, "accepted", 0);
            const std::uint64_t high =
                wire::uintMember(reply->value("highestSeq", Json::object()), site.c_str(), from);
            if (own && high > replica.ackedSeq()) {
                if (Status s = replica.markAcked(high); !s) return s;
            }
            if (high <= from) break;  // the server cannot take more of this site
            from = high;
        }
        return {};
    }

    // ---- push --------------------------------------------------------------------

    Status pushOwn() {
        const std::string& own = replica.siteId();
        const std::size_t batchSize = std::clamp<std::size_t>(options.pushBatch, 1, kMaxPushBatch);
        const std::uint64_t total = replica.unsentCount();
        std::uint64_t done = 0;
        report(SyncProgress::Phase::Pushing, 0, total);
        int stalled = 0;
        while (true) {
            const std::uint64_t acked = replica.ackedSeq();
            auto batch = replica.unsent(batchSize);
            if (!batch) return batch.error();
            if (batch->empty()) break;

            const std::string body = wire::pushBodyWithin(*batch, kMaxPushBytes, nullptr);
            auto answer = call("/api/v1/sync/push", &body);
            if (!answer) return answer.error();
            if (epochMoved(*answer)) return epochChangedError();
            result.pushed += wire::uintMember(*answer, "accepted", 0);
            if (answer->value("wipe", false)) result.wipeOrdered = true;

            bool clockAhead = false;
            bool finalRefusal = false;
            const auto refused = answer->find("refused");
            if (refused != answer->end() && refused->is_array()) {
                for (const Json& r : *refused) {
                    if (wire::stringMember(r, "site") != own) continue;
                    const std::string code = wire::stringMember(r, "code");
                    const Dot dot{own, wire::uintMember(r, "seq", 0)};
                    if (code == "clock_ahead") {
                        clockAhead = true;
                    } else if (!isRetryableRefusal(code) && dot.seq > acked) {
                        Status s =
                            replica.markRefused(dot, {code, wire::stringMember(r, "message")});
                        if (!s && s.error().code != "not_found")
                            return s;  // not_found: done before
                        ++result.refused;
                        finalRefusal = true;
                    }
                }
            }
            const std::uint64_t high =
                wire::uintMember(answer->value("highestSeq", Json::object()), own.c_str(), acked);
            if (high > acked) {
                if (Status s = replica.markAcked(high); !s) return s;
                done += high - acked;
            } else if (high < acked) {
                // The server lost changes it had acknowledged: send them again first.
                if (Status s = relaySite(own, high, acked); !s) return s;
            }
            if (clockAhead) {
                if (Status s = replica.restampUnsent(); !s) return s;
            }
            report(SyncProgress::Phase::Pushing, std::min(done, total), total);
            if (high > acked || finalRefusal) {
                stalled = 0;
            } else if (++stalled >= kMaxStalledPushes) {
                return Error{"push_stalled", "Máy chủ không nhận các thay đổi; thử lại sau"};
            }
        }
        return {};
    }

    // ---- pull --------------------------------------------------------------------

    using Meta = std::map<std::string, std::string>;  ///< stored with a page: where to resume

    /** A pull or snapshot page, fetched and parsed on another thread. */
    struct FetchedPage {
        Exchange exchange;
        Result<std::vector<Change>> changes = std::vector<Change>{};
        std::vector<std::string> checkedWith;  ///< ApplyOptions::checkedWith
    };

    /** The keys this replica held when the pull began (read on this thread). */
    std::map<std::string, std::string> pinnedKeys;

    /** On the fetching thread: checks each change's signature against the key this replica
     *  already holds for its site, or else the key the page names (apply takes a result only
     *  when its key is the one the replica then holds). */
    static std::vector<std::string> checkSignatures(const std::vector<Change>& changes,
                                                    const Json& reply,
                                                    const std::map<std::string, std::string>& pinned) {
        std::vector<std::string> out(changes.size());
        const auto keys = reply.find("keys");
        const bool named = keys != reply.end() && keys->is_object();
        for (std::size_t i = 0; i < changes.size(); ++i) {
            const Change& c = changes[i];
            if (c.sig.empty()) continue;
            std::string key;
            if (auto it = pinned.find(c.site); it != pinned.end() && !it->second.empty()) {
                key = it->second;
            } else if (named) {
                if (auto k = keys->find(c.site); k != keys->end() && k->is_object())
                    key = wire::stringMember(*k, "key");
            }
            if (!key.empty() && signatureValid(c, key)) out[i] = std::move(key);
        }
        return out;
    }

    /** Starts fetching and parsing a page on another thread, while this one applies the
     *  previous page. The reply keeps everything but its "changes", which are parsed. */
    std::future<FetchedPage> fetchAhead(const std::string& path, const Json& request) {
        return std::async(std::launch::async,
                          [this, path, text = request.dump(-1, ' ', false,
                                                           Json::error_handler_t::replace)] {
                              FetchedPage page{exchange(path, &text, false, aheadRng), std::vector<Change>{}, {}};
                              if (Result<Json>& reply = page.exchange.reply) {
                                  page.changes = wire::parseChanges(*reply);
                                  reply->erase("changes");
                                  if (page.changes)
                                      page.checkedWith =
                                          checkSignatures(*page.changes, *reply, pinnedKeys);
                              }
                              return page;
                          });
    }

    /** Learns the keys a page names. A key that differs from the one this replica already
     *  holds for a site is not taken: that site's changes then fail their proof here. */
    Status learnKeys(const Json& reply) {
        const auto keys = reply.find("keys");
        if (keys == reply.end() || !keys->is_object()) return {};
        for (auto it = keys->begin(); it != keys->end(); ++it) {
            if (!it.value().is_object()) continue;
            SiteKey key{it.key(), wire::stringMember(it.value(), "key"),
                        wire::uintMember(it.value(), "unsignedThrough", 0), std::nullopt};
            if (it.value().contains("validThrough"))
                key.validThrough = wire::uintMember(it.value(), "validThrough", 0);
            Status s = replica.learnSiteKey(key);
            if (!s && s.error().code != "key_mismatch" && s.error().code != "invalid_value")
                return s;
        }
        return {};
    }

    Status applyPage(Result<std::vector<Change>> changes, Meta meta,
                     std::vector<std::string> checkedWith) {
        if (!changes) return changes.error();
        ApplyOptions opts;
        opts.validation = Validation::Shape;
        opts.meta = std::move(meta);
        opts.checkedWith = std::move(checkedWith);
        auto applied = replica.apply(*changes, opts);
        if (!applied) return applied.error();
        result.pulled += applied->applied;
        // A change that does not prove its device stays out (the cursor moves on): reported.
        for (const Refusal& r : applied->refused) {
            if (!isProofRefusal(r.error.code)) continue;
            if (result.rejected++ == 0)
                result.rejectedReason = r.error.code + ": " + r.error.message;
        }
        progress.done += changes->size();
        report(SyncProgress::Phase::Pulling, progress.done, 0);
        return {};
    }

    /** Pages of `path` from request's cursor until one says "more": false. Each page is
     *  fetched (on another thread) while the one before is applied, and stored with the meta
     *  that `metaFor(reply, next cursor, more)` gives: where to resume. */
    Status pages(const std::string& path, Json request,
                 const std::function<Result<Meta>(const Json&, std::uint64_t, bool)>& metaFor) {
        std::uint64_t cursor = wire::uintMember(request, "cursor", 0);
        pinnedKeys.clear();
        if (auto keys = replica.siteKeys())
            for (auto& [site, key] : *keys) pinnedKeys.emplace(site, key.publicKey);
        auto ahead = fetchAhead(path, request);
        while (true) {
            FetchedPage fetched = ahead.get();
            auto reply = learn(std::move(fetched.exchange));
            if (cancelled()) return cancelledError();  // nothing applied after a cancel
            if (!reply) return reply.error();
            if (epochMoved(*reply)) return epochChangedError();
            const std::uint64_t next = wire::uintMember(*reply, "cursor", cursor);
            const bool more = reply->value("more", false);
            if (more && next <= cursor)
                return Error{"bad_response", "Máy chủ trả về con trỏ không tiến"};
            auto meta = metaFor(*reply, next, more);
            if (!meta) return meta.error();
            if (Status s = learnKeys(*reply); !s) return s;
            if (more) {
                request["cursor"] = next;
                ahead = fetchAhead(path, request);
            }
            if (Status s = applyPage(std::move(fetched.changes), std::move(*meta),
                                     std::move(fetched.checkedWith));
                !s)
                return s;
            if (!more) return {};
            cursor = next;
        }
    }

    Status pull() {
        const std::uint64_t page = std::max<std::size_t>(options.pullPage, 1);
        report(SyncProgress::Phase::Pulling, 0, 0);
        std::uint64_t cursor = 0;
        if (const auto stored = replica.meta(kMetaPullCursor)) {
            cursor = parseCursor(stored);
        } else {
            // First sync: the scope's records with all their changes, then the log after it.
            std::uint64_t snap = parseCursor(replica.meta(kMetaSnapshotCursor));
            const auto storedLog = replica.meta(kMetaSnapshotLog);
            std::optional<std::uint64_t> logCursor;
            if (snap > 0 && storedLog && !storedLog->empty()) logCursor = parseCursor(storedLog);
            if (!logCursor) snap = 0;
            Status s = pages("/api/v1/sync/snapshot", Json{{"cursor", snap}, {"limit", page}},
                             [&](const Json& reply, std::uint64_t next, bool more) -> Result<Meta> {
                                 if (!logCursor) {
                                     if (!reply.contains("logCursor"))
                                         return Error{"bad_response",
                                                      "Máy chủ trả lời thiếu logCursor"};
                                     logCursor = wire::uintMember(reply, "logCursor", 0);
                                 }
                                 if (more)
                                     return Meta{{kMetaSnapshotCursor, std::to_string(next)},
                                                 {kMetaSnapshotLog, std::to_string(*logCursor)}};
                                 return Meta{{kMetaPullCursor, std::to_string(*logCursor)},
                                             {kMetaSnapshotCursor, "0"},
                                             {kMetaSnapshotLog, ""}};
                             });
            if (!s) return s;
            cursor = *logCursor;
        }
        // This tablet's own changes, all held here, need not come back.
        Json request{{"cursor", cursor}, {"limit", page}, {"site", replica.siteId()}, {"seq", 0}};
        if (auto vector = replica.siteVector(); vector && vector->count(replica.siteId()))
            request["seq"] = vector->at(replica.siteId());
        return pages("/api/v1/sync/pull", std::move(request),
                     [](const Json&, std::uint64_t next, bool) -> Result<Meta> {
                         return Meta{{kMetaPullCursor, std::to_string(next)}};
                     });
    }

    /** Keeps the learned server offset for the next start (Replica::open reads it). */
    Status persistClockOffset() {
        const std::string value = std::to_string(replica.clock().offsetMs());
        if (replica.meta("clock_offset") == value) return {};
        return replica.setMeta("clock_offset", value);
    }

    Result<SyncResult> run(bool withPull) {
        report(SyncProgress::Phase::Connecting, 0, 0);
        for (int round = 0;; ++round) {
            Status s = checkEpoch();
            if (s) s = pushOwn();
            if (s && withPull) s = pull();
            if (s) break;
            if (s.error().code == "epoch_changed" && round < kMaxEpochRestarts) continue;
            return s.error();
        }
        if (Status s = persistClockOffset(); !s) return s.error();
        report(SyncProgress::Phase::Done, progress.done, progress.total);
        return result;
    }
};

SyncClient::SyncClient(Replica& replica, SyncClientOptions options)
    : m_replica(replica), m_options(std::move(options)) {}

Result<LoginResult> SyncClient::login(const std::string& username, const std::string& password) {
    try {
        Impl impl(*this, {});
        const Json body{{"username", username},
                        {"password", password},
                        {"device", m_replica.siteId()},
                        {"publicKey", m_replica.publicKey()},
                        {"keyProof", m_replica.keyProof(username)}};
        const std::string text = body.dump(-1, ' ', false, Json::error_handler_t::replace);
        auto reply = impl.call("/api/v1/auth/login", &text, true);
        if (!reply) {
            if (reply.error().code == "cancelled") m_cancel = false;
            return reply.error();
        }
        LoginResult who;
        who.token = wire::stringMember(*reply, "token");
        if (who.token.empty()) return Error{"bad_response", "Máy chủ không trả về phiên đăng nhập"};
        const Json user = reply->value("user", Json::object());
        if (!user.is_object()) return Error{"bad_response", "Máy chủ không cho biết người đăng nhập"};
        who.username = wire::stringMember(user, "username");
        if (who.username.empty()) who.username = username;
        who.displayName = wire::stringMember(user, "displayName");
        if (who.displayName.empty()) who.displayName = who.username;
        who.role = wire::stringMember(user, "role");
        who.scopeUnit = wire::stringMember(user, "scopeUnit");
        who.sealKey = wire::stringMember(*reply, "sealKey");
        who.maxOfflineDays = static_cast<int>(wire::uintMember(*reply, "maxOfflineDays", 0));
        if (const auto limits = reply->find("attachment_limits");
            limits != reply->end() && limits->is_object()) {
            const AttachmentLimits defaults;
            // A value absent, zero or absurd keeps the default.
            auto positive = [&](const char* key, long long fallback, long long most) {
                const std::uint64_t v = wire::uintMember(*limits, key, 0);
                return v > 0 && v <= static_cast<std::uint64_t>(most) ? static_cast<long long>(v)
                                                                      : fallback;
            };
            who.attachmentLimits.maxFileBytes =
                positive("max_file_bytes", defaults.maxFileBytes, kMaxBlobBytes);
            who.attachmentLimits.maxPerRecord = static_cast<int>(
                positive("max_per_record", defaults.maxPerRecord, 1'000'000));
            who.attachmentLimits.maxRecordBytes =
                positive("max_record_bytes", defaults.maxRecordBytes, 1LL << 50);
        }
        const Json serverTime = reply->value("serverTime", Json());
        if (serverTime.is_number_integer()) who.serverTimeMs = serverTime.get<std::int64_t>();
        m_options.token = who.token;
        if (Status s = impl.persistClockOffset(); !s) return s.error();
        return who;
    } catch (const std::exception& e) {
        return Error{"internal", std::string("Lỗi khi đăng nhập: ") + e.what()};
    } catch (...) {
        return Error{"internal", "Lỗi khi đăng nhập"};
    }
}

Result<SyncResult> SyncClient::sync(const std::function<void(const SyncProgress&)>& progress) {
    auto result = runSession(true, progress);
    if (!result && result.error().code == "device_wipe") {
        // Ordered to wipe: what is unsent goes first (the server still takes pushes).
        auto pushed = runSession(false, progress);
        if (!pushed) return pushed.error();
        pushed->wipeOrdered = true;
        return pushed;
    }
    return result;
}

Result<SyncResult> SyncClient::push(const std::function<void(const SyncProgress&)>& progress) {
    return runSession(false, progress);
}

Result<SyncResult> SyncClient::runSession(bool withPull,
                                          const std::function<void(const SyncProgress&)>& progress) {
    std::function<void(const SyncProgress&)> callback = progress;
    auto failed = [&](Error error) -> Result<SyncResult> {
        m_cancel = false;
        if (callback) {
            try {
                callback(SyncProgress{SyncProgress::Phase::Failed, 0, 0});
            } catch (...) {
            }
        }
        return error;
    };
    try {
        Impl impl(*this, callback);
        auto result = impl.run(withPull);
        if (!result) {
            (void)impl.persistClockOffset();  // what the replies taught stays learned
            return failed(result.error());
        }
        m_cancel = false;  // a cancel that came too late to stop this sync
        return result;
    } catch (const std::exception& e) {
        return failed(Error{"internal", std::string("Lỗi khi đồng bộ: ") + e.what()});
    } catch (...) {
        return failed(Error{"internal", "Lỗi khi đồng bộ"});
    }
}

namespace {

/** One POST with the app's headers and the token; the reply's JSON or its error. */
Result<Json> postOnce(const SyncClientOptions& options, const std::string& path, const Json& body) {
    try {
        httplib::Client http(options.baseUrl);
        const auto timeout = static_cast<time_t>(std::max(1, options.timeoutSeconds));
        http.set_connection_timeout(timeout);
        http.set_read_timeout(timeout);
        http.set_write_timeout(timeout);
        http.set_decompress(true);
        http.enable_server_certificate_verification(true);
        if (!options.caFile.empty()) http.set_ca_cert_path(options.caFile.c_str());
        httplib::Headers headers{{"Accept", "application/json"},
                                 {kClientVersionHeader, std::to_string(options.clientVersion)},
                                 {"Authorization", "Bearer " + options.token}};
        std::string payload = body.dump(-1, ' ', false, Json::error_handler_t::replace);
        if (payload.size() > kCompressAbove) {
            if (auto gz = gzipCompress(payload)) {
                payload = std::move(*gz);
                headers.emplace("Content-Encoding", "gzip");
            }
        }
        auto res = http.Post(path, headers, payload, "application/json");
        if (!res) return Error{"network", "Không kết nối được máy chủ (" + httplib::to_string(res.error()) + ")"};
        Json reply = Json::parse(res->body, nullptr, false);
        if (res->status >= 200 && res->status < 300) {
            if (reply.is_discarded() || !reply.is_object())
                return Error{"bad_response", "Máy chủ trả lời không đúng định dạng"};
            return reply;
        }
        std::string code = "http_" + std::to_string(res->status), message;
        if (!reply.is_discarded() && reply.is_object()) {
            const auto err = reply.find("error");
            if (err != reply.end() && err->is_object()) {
                if (auto c = wire::stringMember(*err, "code"); !c.empty()) code = c;
                message = wire::stringMember(*err, "message");
            }
        }
        if (res->status == 401) return unauthorizedError();
        return Error{code, message.empty() ? "Máy chủ từ chối yêu cầu" : message};
    } catch (const std::exception& e) {
        return Error{"internal", e.what()};
    }
}

}  // namespace

Result<std::optional<std::string>> sealUnsentChanges(Replica& replica, const std::string& sealKey) {
    auto unsent = replica.unsent(std::numeric_limits<std::size_t>::max() / 2);
    if (!unsent) return unsent.error();
    if (unsent->empty()) return std::optional<std::string>();
    Json content = Json::parse(wire::pushBodyWithin(*unsent, std::numeric_limits<std::size_t>::max(), nullptr),
                               nullptr, false);
    if (!content.is_object()) return Error{"internal", "could not write the unsent changes"};
    content["site"] = replica.siteId();
    auto box = sealTo(sealKey, content.dump(-1, ' ', false, Json::error_handler_t::replace));
    if (!box) return box.error();
    return std::optional<std::string>(std::move(*box));
}

Result<SealedUploadResult> uploadSealedOutbox(const SyncClientOptions& options,
                                              const std::string& box) {
    auto reply = postOnce(options, "/api/v1/sync/sealed", Json{{"sealed", box}});
    if (!reply) return reply.error();
    SealedUploadResult out;
    out.accepted = wire::uintMember(*reply, "accepted", 0);
    out.duplicates = wire::uintMember(*reply, "duplicates", 0);
    const auto refused = reply->find("refused");
    out.refused = refused != reply->end() && refused->is_array() ? refused->size() : 0;
    return out;
}

Status reportWiped(const SyncClientOptions& options) {
    auto reply = postOnce(options, "/api/v1/sync/wiped", Json::object());
    if (!reply) return reply.error();
    return {};
}

}  // namespace nghedan
