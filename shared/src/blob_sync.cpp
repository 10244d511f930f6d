#include "nghedan/blob_sync.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <set>
#include <thread>

#include <httplib.h>

#include "nghedan/client_version.h"
#include "nghedan/schema.h"
#include "sync_wire.h"

namespace nghedan {

namespace {

const std::string kMetaEpoch = "server_epoch";  // SyncClient's
const std::string kSentPrefix = "blob_sent:";
constexpr std::size_t kIoBuffer = 64 * 1024;

Error cancelledError() { return {"cancelled", "Đã hủy đồng bộ tệp đính kèm"}; }
Error networkError(const std::string& detail) {
    return {"network", "Không kết nối được máy chủ (" + detail + ")"};
}

/** A blob an attachment record names. */
struct Named {
    std::string hash;
    std::uint64_t size = 0;  ///< the record's word
    bool thumbnail = false;
};

std::uint64_t sizeMember(const Json& row, const char* key) {
    const auto it = row.find(key);
    if (it == row.end() || !it->is_number_integer()) return 0;
    const auto v = it->get<std::int64_t>();
    return v > 0 ? static_cast<std::uint64_t>(v) : 0;
}

/** Every blob the not-deleted attachment records of `replica` name, thumbnails first, each
 *  once. */
Result<std::vector<Named>> namedBlobs(Replica& replica) {
    std::vector<Named> thumbs, files;
    std::set<std::string> seen;
    ListQuery q;
    q.entity = "attachment";
    q.sort = "id";
    q.descending = false;
    q.limit = 1000;
    for (q.offset = 0;; q.offset += q.limit) {
        auto page = replica.list(q);
        if (!page) return page.error();
        for (const Json& row : page->rows) {
            const std::string full = row.value("sha256", Json()).is_string() ? row["sha256"].get<std::string>() : "";
            const std::string thumb =
                row.value("thumb_sha256", Json()).is_string() ? row["thumb_sha256"].get<std::string>() : "";
            if (isBlobHash(thumb) && seen.insert(thumb).second)
                thumbs.push_back({thumb, sizeMember(row, "thumb_size"), true});
            if (isBlobHash(full) && seen.insert(full).second)
                files.push_back({full, sizeMember(row, "size"), false});
        }
        if (page->rows.size() < static_cast<std::size_t>(q.limit)) break;
    }
    thumbs.insert(thumbs.end(), files.begin(), files.end());
    return thumbs;
}

/** "bytes A-B/T" → A and T. */
std::optional<std::pair<std::uint64_t, std::uint64_t>> parseContentRange(const std::string& v) {
    unsigned long long a = 0, b = 0, t = 0;
    if (std::sscanf(v.c_str(), "bytes %llu-%llu/%llu", &a, &b, &t) != 3) return std::nullopt;
    return std::make_pair(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(t));
}

std::uint64_t headerNumber(const httplib::Response& r, const char* name, std::uint64_t fallback) {
    if (!r.has_header(name)) return fallback;
    try {
        return std::stoull(r.get_header_value(name));
    } catch (...) {
        return fallback;
    }
}

/** A Vietnamese sentence for a blob the server would not take or give. */
std::string blobRefusalMessage(const std::string& code, int status) {
    if (code == "blob_not_in_scope")
        return "Tệp đính kèm thuộc hồ sơ ngoài phạm vi được ghi của tài khoản này";
    if (code == "file_too_large" || code == "body_too_large" || status == 413)
        return "Tệp đính kèm lớn hơn mức máy chủ cho phép";
    if (code == "size_mismatch") return "Kích thước tệp không khớp với hồ sơ đính kèm";
    if (code == "hash_mismatch") return "Nội dung tệp không khớp với mã của nó, tệp không được nhận";
    if (code == "blob_not_found") return "Máy chủ không có tệp đính kèm này";
    if (code == "blob_pending") return "Tệp đính kèm chưa được tải lên máy chủ";
    return "Máy chủ từ chối tệp đính kèm (" + std::to_string(status) + ")";
}

}  // namespace

/** One run: the HTTP connection, retries, progress and results. */
struct BlobSync::Impl {
    BlobSync& self;
    httplib::Client http;
    std::function<void(const BlobSyncProgress&)> callback;
    BlobSyncProgress progress;
    BlobSyncResult result;
    std::mt19937_64 rng{std::random_device{}()};

    Impl(BlobSync& owner, std::function<void(const BlobSyncProgress&)> progressCallback)
        : self(owner), http(owner.m_options.baseUrl), callback(std::move(progressCallback)) {
        const auto timeout = static_cast<time_t>(std::max(1, owner.m_options.timeoutSeconds));
        http.set_connection_timeout(timeout);
        http.set_read_timeout(timeout);
        http.set_write_timeout(timeout);
        http.set_keep_alive(true);
        http.set_decompress(false);  // the bytes as stored: a Range counts them
        http.enable_server_certificate_verification(true);
        if (!owner.m_options.caFile.empty()) http.set_ca_cert_path(owner.m_options.caFile.c_str());
    }

    const SyncClientOptions& options() const { return self.m_options; }
    bool cancelled() const { return self.m_cancel.load(); }

    void report() {
        if (callback) callback(progress);
    }

    httplib::Headers headers() const {
        httplib::Headers h{{"Accept-Encoding", "identity"},
                           {kClientVersionHeader, std::to_string(options().clientVersion)}};
        if (!options().token.empty()) h.emplace("Authorization", "Bearer " + options().token);
        return h;
    }

    static std::string path(const std::string& hash) { return "/api/v1/blobs/" + hash; }

    /** Waits before another attempt (exponential backoff with jitter); false if cancelled. */
    bool backoff(int attempt) {
        const std::int64_t base = std::min<std::int64_t>(100LL << std::min(attempt, 10), 4000);
        std::uniform_int_distribution<std::int64_t> jitter(0, base / 2);
        const auto until =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(base + jitter(rng));
        while (std::chrono::steady_clock::now() < until) {
            if (cancelled()) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return !cancelled();
    }

    /** The error code and message of a reply (JSON body, else X-Error-Code). */
    static std::pair<std::string, std::string> errorOf(const httplib::Response& r,
                                                       const std::string& body) {
        std::string code, message;
        const Json reply = Json::parse(body, nullptr, false);
        if (reply.is_object()) {
            const auto err = reply.find("error");
            if (err != reply.end() && err->is_object()) {
                code = wire::stringMember(*err, "code");
                message = wire::stringMember(*err, "message");
            }
        }
        if (code.empty() && r.has_header("X-Error-Code")) code = r.get_header_value("X-Error-Code");
        return {code, message};
    }

    /** The error that ends the whole run for this answer, if it is one. */
    static std::optional<Error> fatal(int status, const std::string& code) {
        if (status == 401) return Error{"unauthorized", "Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại"};
        if (status == 410)
            return code == "client_too_old"
                       ? Error{"client_too_old", "Phiên bản ứng dụng đã quá cũ, máy chủ không nhận "
                                                 "nữa; vui lòng cập nhật ứng dụng"}
                       : Error{"update_required", "Vui lòng cập nhật ứng dụng"};
        if (code == "server_too_old")
            return Error{"server_too_old", "Máy chủ chưa được cập nhật cho phiên bản ứng dụng này"};
        return std::nullopt;
    }

    static bool transient(int status, const std::string& code) {
        return status >= 500 || status == 408 || status == 429 || code == "busy";
    }

    static std::optional<Error> tlsError(const httplib::Result& res) {
        if (res.error() == httplib::Error::SSLServerVerification ||
            res.error() == httplib::Error::SSLLoadingCerts)
            return Error{"tls", "Không tin được chứng chỉ của máy chủ (" + httplib::to_string(res.error()) + ")"};
        return std::nullopt;
    }

    // ---- upload ------------------------------------------------------------------

    /** How one blob's upload ended: sent, refused (per blob) or an Error ending the run. */
    enum class Outcome { Sent, AlreadyThere, Refused };

    Result<Outcome> upload(const std::string& hash, std::uint64_t total,
                           std::uint64_t bytesBefore) {
        auto reader = self.m_store.open(hash);
        if (!reader) return reader.error();
        std::vector<char> buffer(kIoBuffer);
        int failures = 0;  // attempts in a row that moved nothing
        auto refuse = [&](const std::string& code, int status) -> Result<Outcome> {
            result.failures.push_back({hash, Error{code.empty() ? "http_" + std::to_string(status) : code,
                                                   blobRefusalMessage(code, status)}});
            return Outcome::Refused;
        };
        auto failedAttempt = [&](Error error) -> std::optional<Error> {
            if (++failures >= std::max(1, options().maxAttempts)) return error;
            if (!backoff(failures - 1)) return cancelledError();
            return std::nullopt;
        };
        for (;;) {
            if (cancelled()) return cancelledError();
            auto head = http.Head(path(hash), headers());
            if (!head) {
                if (auto tls = tlsError(head)) return *tls;
                if (auto e = failedAttempt(networkError(httplib::to_string(head.error())))) return *e;
                continue;
            }
            const int headStatus = head->status;
            const std::string headCode = errorOf(*head, "").first;
            if (auto f = fatal(headStatus, headCode)) return *f;
            if (headStatus == 200) return Outcome::AlreadyThere;
            if (transient(headStatus, headCode)) {
                if (auto e = failedAttempt(Error{"server_error", "Máy chủ tạm thời lỗi (" +
                                                                     std::to_string(headStatus) + ")"}))
                    return *e;
                continue;
            }
            if (headStatus != 404) return refuse(headCode, headStatus);
            std::uint64_t offset = std::min(headerNumber(*head, "Upload-Offset", 0), total);
            bool again = false;  // back to HEAD
            while (!again) {
                if (cancelled()) return cancelledError();
                const std::uint64_t length = std::min<std::uint64_t>(kBlobPiece, total - offset);
                httplib::Headers h = headers();
                h.emplace("Content-Range", "bytes " + std::to_string(offset) + "-" +
                                               std::to_string(offset + length - (length ? 1 : 0)) +
                                               "/" + std::to_string(total));
                h.emplace("Accept", "application/json");
                bool readFailed = false;
                const std::uint64_t base = offset;
                auto res = http.Put(
                    path(hash), h, static_cast<std::size_t>(length),
                    [&](std::size_t at, std::size_t want, httplib::DataSink& sink) {
                        if (cancelled()) return false;
                        auto n = (*reader)->read(base + at, buffer.data(),
                                                 std::min(want, buffer.size()));
                        if (!n || *n == 0) {
                            readFailed = true;
                            return false;
                        }
                        result.bytesSent += *n;
                        return sink.write(buffer.data(), *n);
                    },
                    "application/octet-stream");
                if (readFailed) return Error{"io", "Không đọc được tệp đính kèm trên máy"};
                if (!res) {
                    if (cancelled()) return cancelledError();
                    if (auto tls = tlsError(res)) return *tls;
                    if (auto e = failedAttempt(networkError(httplib::to_string(res.error())))) return *e;
                    again = true;  // a cut: the server kept what arrived; HEAD says where
                    continue;
                }
                const Json reply = Json::parse(res->body, nullptr, false);
                const auto [code, message] = errorOf(*res, res->body);
                if (auto f = fatal(res->status, code)) return *f;
                if (res->status >= 200 && res->status < 300 && reply.is_object()) {
                    if (reply.value("complete", false)) return Outcome::Sent;
                    const std::uint64_t now = wire::uintMember(reply, "offset", offset);
                    if (now > offset) failures = 0;
                    else if (auto e = failedAttempt(Error{"bad_response", "Máy chủ không nhận thêm byte nào"}))
                        return *e;
                    offset = std::min(now, total);
                    progress.bytesDone = bytesBefore + offset;
                    report();
                    if (offset >= total) again = true;  // all sent, not complete: ask
                    continue;
                }
                if (res->status == 409 && code == "offset_mismatch") {
                    if (auto e = failedAttempt(Error{"offset_mismatch", message})) return *e;
                    again = true;
                    continue;
                }
                if (transient(res->status, code)) {
                    if (auto e = failedAttempt(Error{code.empty() ? "server_error" : code,
                                                     "Máy chủ tạm thời lỗi (" +
                                                         std::to_string(res->status) + ")"}))
                        return *e;
                    again = true;
                    continue;
                }
                if (res->status >= 200 && res->status < 300) {  // 2xx without JSON: cut short
                    if (auto e = failedAttempt(Error{"bad_response", "Máy chủ trả lời không đúng định dạng"}))
                        return *e;
                    again = true;
                    continue;
                }
                return refuse(code, res->status);
            }
        }
    }

    // ---- download ----------------------------------------------------------------

    /** Fetches one blob into the store; an Error per blob (the server's code) or for the run
     *  (fatal codes, "cancelled", "network", "io"). */
    Status download(const std::string& hash, std::uint64_t size, std::uint64_t bytesBefore) {
        if (!isBlobHash(hash)) return Error{"invalid_hash", "not a SHA-256 in lowercase hex"};
        if (self.m_store.size(hash)) return {};
        int failures = 0;
        int mismatches = 0;
        auto failedAttempt = [&](Error error) -> std::optional<Error> {
            if (++failures >= std::max(1, options().maxAttempts)) return error;
            if (!backoff(failures - 1)) return cancelledError();
            return std::nullopt;
        };
        for (;;) {
            if (cancelled()) return cancelledError();
            std::uint64_t have = self.m_store.partialSize(hash);
            if (size > 0 && have >= size) {
                auto done = self.m_store.finish(hash, size);
                if (done && *done) {
                    ++result.fetched;
                    return {};
                }
                if (!done && done.error().code != "hash_mismatch") return done.error();
                if (++mismatches > 1) return Error{"hash_mismatch", blobRefusalMessage("hash_mismatch", 0)};
                continue;  // the store dropped the bad copy: from the start
            }
            auto writer = self.m_store.resume(hash, have);
            if (!writer) {
                if (writer.error().code == "busy" || writer.error().code == "offset_mismatch") {
                    if (auto e = failedAttempt(writer.error())) return *e;
                    continue;
                }
                return writer.error();
            }
            httplib::Headers h = headers();
            if (have > 0) h.emplace("Range", "bytes=" + std::to_string(have) + "-");
            int status = 0;
            std::uint64_t total = size;
            bool restart = false;     // the server sent the whole blob to a Range: start over
            Status written;
            std::string errorBody;
            auto res = http.Get(
                path(hash), h,
                [&](const httplib::Response& r) {
                    status = r.status;
                    if (status == 206) {
                        const auto range = parseContentRange(r.get_header_value("Content-Range"));
                        if (!range || range->first != have) {
                            restart = true;
                            return false;
                        }
                        if (total == 0) total = range->second;
                    } else if (status == 200) {
                        if (have > 0) {
                            restart = true;
                            return false;
                        }
                        if (total == 0) total = headerNumber(r, "Content-Length", 0);
                    }
                    return true;
                },
                [&](const char* data, std::size_t n) {
                    if (cancelled()) return false;
                    if (status != 200 && status != 206) {
                        if (errorBody.size() < 64 * 1024) errorBody.append(data, n);
                        return true;
                    }
                    if (written = (*writer)->write(data, n); !written) return false;
                    result.bytesFetched += n;
                    progress.bytesDone = bytesBefore + (*writer)->offset();
                    return true;
                });
            const std::uint64_t reached = (*writer)->offset();
            Status synced = (*writer)->sync();  // what arrived counts after a cut too
            writer->reset();
            if (!written) return written.error();
            if (!synced) return synced.error();
            report();
            if (restart) {
                (void)self.m_store.remove(hash);
                if (auto e = failedAttempt(Error{"bad_response", "Máy chủ không gửi tiếp được phần còn lại"}))
                    return *e;
                continue;
            }
            if (!res) {  // a cut (or an error reply cut short): what arrived is kept
                if (cancelled()) return cancelledError();
                if (auto tls = tlsError(res)) return *tls;
                if (reached > have) failures = 0;
                if (auto e = failedAttempt(networkError(httplib::to_string(res.error())))) return *e;
                continue;
            }
            if (status != 200 && status != 206) {
                const httplib::Response& r = res.value();
                const auto [code, message] = errorOf(r, errorBody);
                if (auto f = fatal(status, code)) return *f;
                if (status == 416 && have > 0) {  // nothing after `have`: it may be whole
                    auto done = self.m_store.finish(hash, have);
                    if (done && *done) {
                        ++result.fetched;
                        return {};
                    }
                    (void)self.m_store.remove(hash);
                    if (auto e = failedAttempt(Error{"bad_response", message})) return *e;
                    continue;
                }
                if (transient(status, code)) {
                    if (auto e = failedAttempt(Error{"server_error", "Máy chủ tạm thời lỗi (" +
                                                                         std::to_string(status) + ")"}))
                        return *e;
                    continue;
                }
                return Error{code.empty() ? "http_" + std::to_string(status) : code,
                             blobRefusalMessage(code, status)};
            }
            if (total == 0) total = reached;
            auto done = self.m_store.finish(hash, total);
            if (done && *done) {
                ++result.fetched;
                return {};
            }
            if (done) {  // the reply ended early without a cut seen: ask for the rest
                if (reached > have) failures = 0;
                if (auto e = failedAttempt(networkError("cut short"))) return *e;
                continue;
            }
            if (done.error().code != "hash_mismatch") return done.error();
            if (++mismatches > 1) return Error{"hash_mismatch", blobRefusalMessage("hash_mismatch", 0)};
        }
    }
};

BlobSync::BlobSync(Replica& replica, BlobStore& store, SyncClientOptions options)
    : m_replica(replica), m_store(store), m_options(std::move(options)) {}

namespace {

std::string sentMark(Replica& replica) { return replica.meta(kMetaEpoch).value_or("-"); }

bool isRunError(const std::string& code) {
    return code == "network" || code == "unauthorized" || code == "client_too_old" ||
           code == "update_required" || code == "server_too_old" || code == "cancelled" ||
           code == "io" || code == "tls" || code == "internal";
}

}  // namespace

Result<std::uint64_t> BlobSync::pendingUploadCount() {
    auto named = namedBlobs(m_replica);
    if (!named) return named.error();
    const std::string mark = sentMark(m_replica);
    std::uint64_t n = 0;
    for (const Named& b : *named)
        if (m_store.size(b.hash) && m_replica.meta(kSentPrefix + b.hash) != mark) ++n;
    return n;
}

Result<BlobSyncResult> BlobSync::uploadPending(
    const std::function<void(const BlobSyncProgress&)>& progress) {
    try {
        Impl impl(*this, progress);
        impl.progress.phase = BlobSyncProgress::Phase::Uploading;
        auto named = namedBlobs(m_replica);
        if (!named) return named.error();
        const std::string mark = sentMark(m_replica);
        std::vector<std::pair<std::string, std::uint64_t>> pending;
        for (const Named& b : *named) {
            if (m_replica.meta(kSentPrefix + b.hash) == mark) continue;
            if (const auto size = m_store.size(b.hash)) {
                pending.emplace_back(b.hash, *size);
                impl.progress.bytesTotal += *size;
            }
        }
        impl.progress.filesTotal = pending.size();
        impl.report();
        std::uint64_t before = 0;
        for (const auto& [hash, size] : pending) {
            auto outcome = impl.upload(hash, size, before);
            if (!outcome) {
                m_cancel = false;
                impl.progress.phase = BlobSyncProgress::Phase::Failed;
                impl.report();
                return outcome.error();
            }
            if (*outcome != Impl::Outcome::Refused) {
                if (Status s = m_replica.setMeta(kSentPrefix + hash, mark); !s) return s.error();
                ++(*outcome == Impl::Outcome::Sent ? impl.result.sent : impl.result.alreadyThere);
            }
            before += size;
            impl.progress.bytesDone = before;
            ++impl.progress.filesDone;
            impl.report();
        }
        m_cancel = false;
        impl.progress.phase = BlobSyncProgress::Phase::Done;
        impl.report();
        return std::move(impl.result);
    } catch (const std::exception& e) {
        m_cancel = false;
        return Error{"internal", std::string("Lỗi khi gửi tệp đính kèm: ") + e.what()};
    }
}

Status BlobSync::fetch(const std::string& hash, std::uint64_t size,
                       const std::function<void(const BlobSyncProgress&)>& progress) {
    try {
        Impl impl(*this, progress);
        impl.progress.phase = BlobSyncProgress::Phase::Downloading;
        impl.progress.filesTotal = 1;
        impl.progress.bytesTotal = size;
        Status s = impl.download(hash, size, 0);
        m_cancel = false;
        impl.progress.phase = s ? BlobSyncProgress::Phase::Done : BlobSyncProgress::Phase::Failed;
        if (s) {
            impl.progress.filesDone = 1;
            impl.progress.bytesDone = impl.progress.bytesTotal = m_store.size(hash).value_or(size);
        }
        impl.report();
        return s;
    } catch (const std::exception& e) {
        m_cancel = false;
        return Error{"internal", std::string("Lỗi khi tải tệp đính kèm: ") + e.what()};
    }
}

namespace {

Result<Named> attachmentBlob(Replica& replica, const std::string& id, bool thumbnail) {
    auto view = replica.get("attachment", id);
    if (!view) return view.error();
    if (!*view) return Error{"not_found", "Không có tệp đính kèm này trên máy"};
    const Json& v = (*view)->values;
    const char* hashField = thumbnail ? "thumb_sha256" : "sha256";
    const std::string hash = v.value(hashField, Json()).is_string() ? v[hashField].get<std::string>() : "";
    if (!isBlobHash(hash))
        return Error{thumbnail ? "no_thumbnail" : "not_found",
                     thumbnail ? "Tệp đính kèm này không có ảnh thu nhỏ"
                               : "Hồ sơ đính kèm không ghi mã tệp"};
    return Named{hash, sizeMember(v, thumbnail ? "thumb_size" : "size"), thumbnail};
}

}  // namespace

Result<std::string> BlobSync::fetchThumbnail(
    const std::string& attachmentId, const std::function<void(const BlobSyncProgress&)>& progress) {
    auto blob = attachmentBlob(m_replica, attachmentId, true);
    if (!blob) return blob.error();
    if (Status s = fetch(blob->hash, blob->size, progress); !s) return s.error();
    return blob->hash;
}

Result<std::string> BlobSync::fetchFull(
    const std::string& attachmentId, const std::function<void(const BlobSyncProgress&)>& progress) {
    auto blob = attachmentBlob(m_replica, attachmentId, false);
    if (!blob) return blob.error();
    if (Status s = fetch(blob->hash, blob->size, progress); !s) return s.error();
    return blob->hash;
}

Result<BlobSyncResult> BlobSync::fetchMissing(
    FetchWhich which, const std::function<void(const BlobSyncProgress&)>& progress) {
    try {
        Impl impl(*this, progress);
        impl.progress.phase = BlobSyncProgress::Phase::Downloading;
        auto named = namedBlobs(m_replica);
        if (!named) return named.error();
        std::vector<Named> missing;
        for (const Named& b : *named) {
            if (which == FetchWhich::Thumbnails && !b.thumbnail) continue;
            if (m_store.size(b.hash)) continue;
            missing.push_back(b);
            impl.progress.bytesTotal += b.size;
        }
        impl.progress.filesTotal = missing.size();
        impl.report();
        std::uint64_t before = 0;
        for (const Named& b : missing) {
            if (Status s = impl.download(b.hash, b.size, before); !s) {
                if (isRunError(s.error().code)) {
                    m_cancel = false;
                    impl.progress.phase = BlobSyncProgress::Phase::Failed;
                    impl.report();
                    return s.error();
                }
                impl.result.failures.push_back({b.hash, s.error()});
            }
            before += b.size;
            impl.progress.bytesDone = before;
            ++impl.progress.filesDone;
            impl.report();
        }
        m_cancel = false;
        impl.progress.phase = BlobSyncProgress::Phase::Done;
        impl.report();
        return std::move(impl.result);
    } catch (const std::exception& e) {
        m_cancel = false;
        return Error{"internal", std::string("Lỗi khi tải tệp đính kèm: ") + e.what()};
    }
}

}  // namespace nghedan
