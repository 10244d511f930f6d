// /api/v1/blobs/{hash}: the bytes of attachments (server/API.md "Blobs"). HEAD says what the
// server holds, PUT uploads (resumable, streamed to disk, checked before it is acknowledged),
// GET serves (streamed, ranges). Who may do what comes from the attachment records naming the
// hash and the units that proved they hold it; only those short queries run under ctx.mutex,
// every byte moves outside it.

#include <cctype>
#include <charconv>
#include <set>
#include <unordered_set>

#include "../blob_access.h"
#include "../context.h"
#include "../http_util.h"

namespace nghedan::server {
namespace {

constexpr std::size_t kPieceBytes = 64 * 1024;

bool parseUint(std::string_view text, std::uint64_t& out) {
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size() && !text.empty();
}

/** "bytes A-B/T" of a PUT. */
struct ContentRange {
    std::uint64_t first = 0, last = 0, total = 0;
};
std::optional<ContentRange> parseContentRange(const std::string& header) {
    const std::string prefix = "bytes ";
    if (header.rfind(prefix, 0) != 0) return std::nullopt;
    const std::string_view rest = std::string_view(header).substr(prefix.size());
    const auto dash = rest.find('-'), slash = rest.find('/');
    if (dash == std::string_view::npos || slash == std::string_view::npos || dash > slash)
        return std::nullopt;
    ContentRange r;
    if (!parseUint(rest.substr(0, dash), r.first) ||
        !parseUint(rest.substr(dash + 1, slash - dash - 1), r.last) ||
        !parseUint(rest.substr(slash + 1), r.total) || r.first > r.last || r.last >= r.total)
        return std::nullopt;
    return r;
}

/** The first byte of "bytes=A-" or "bytes=A-B" (one range); nullopt for anything else. */
std::optional<std::pair<std::uint64_t, std::optional<std::uint64_t>>> parseRange(
    const std::string& header) {
    const std::string prefix = "bytes=";
    if (header.rfind(prefix, 0) != 0) return std::nullopt;
    const std::string_view rest = std::string_view(header).substr(prefix.size());
    const auto dash = rest.find('-');
    if (dash == std::string_view::npos || rest.find(',') != std::string_view::npos)
        return std::nullopt;
    std::uint64_t first = 0, last = 0;
    if (!parseUint(rest.substr(0, dash), first)) return std::nullopt;
    if (dash + 1 == rest.size()) return std::make_pair(first, std::optional<std::uint64_t>());
    if (!parseUint(rest.substr(dash + 1), last) || last < first) return std::nullopt;
    return std::make_pair(first, std::optional<std::uint64_t>(last));
}

/** The hash of the path, or nullopt with 400 invalid_hash written. */
std::optional<std::string> pathHash(const httplib::Request& req, httplib::Response& res) {
    const std::string hash = req.matches.size() > 1 ? req.matches[1].str() : std::string();
    if (!isBlobHash(hash)) {
        sendError(res, 400, "invalid_hash",
                  "a blob is named by its SHA-256: 64 lowercase hex digits");
        return std::nullopt;
    }
    return hash;
}

void refuseUpload(Context& ctx, httplib::Response& res, int status, const std::string& code,
                  const std::string& message) {
    sendError(res, status, code, message);
    ctx.metrics->recordBlobUpload(code);
}

void closeAfter(httplib::Response& res) {
    res.set_header("Connection", "close");
}

/** What the user may do with `hash`, read under the store lock; nullopt with 503 written. */
std::optional<BlobAccess> accessOf(Context& ctx, const User& user, const std::string& hash,
                                   httplib::Response& res) {
    std::lock_guard lock(ctx.mutex);
    auto access = blobAccess(*ctx.store, user.role, user.scopeUnit, hash);
    if (!access) {
        logLine(LogLevel::Error, "blobs: " + access.error().message);
        sendError(res, 503, "storage_error", "could not read the attachments; retry later");
        return std::nullopt;
    }
    return *access;
}

/** Claims the blob for every unit the uploader wrote it for, and counts the upload. */
void acknowledge(Context& ctx, const std::string& hash, const BlobAccess& access,
                 std::uint64_t size, bool newBytes, httplib::Response& res) {
    {
        std::lock_guard lock(ctx.mutex);
        for (const std::string& unit : access.writableUnitsOfSize(size))
            if (Status s = ctx.store->claimBlob(hash, unit); !s) {
                logLine(LogLevel::Error, "blobs: cannot record a claim: " + s.error().message);
                sendError(res, 503, "storage_error",
                          "the blob is stored but its claim is not; retry");
                return;
            }
    }
    ctx.metrics->recordBlobUpload("completed");
    if (newBytes) ctx.metrics->addBlobBytes(static_cast<std::int64_t>(size));
    sendJson(res, Json{{"offset", size}, {"complete", true}}, 201);
}

/** Completes the unfinished blob (checked, synced, moved) and answers. */
void finishUpload(Context& ctx, const std::string& hash, const BlobAccess& access,
                  std::uint64_t size, httplib::Response& res) {
    BlobStore& blobs = ctx.store->blobs();
    const bool heldBefore = blobs.size(hash).has_value();
    auto done = blobs.finish(hash, size);
    if (!done) {
        if (done.error().code == "hash_mismatch") {
            refuseUpload(ctx, res, 422, "hash_mismatch",
                         "the bytes do not hash to the blob's name: they were not kept");
        } else if (done.error().code == "busy") {
            refuseUpload(ctx, res, 409, "busy",
                         "another upload of this blob is running; retry later");
        } else {
            logLine(LogLevel::Error, "blobs: " + done.error().message);
            sendError(res, 503, "storage_error", "the blob could not be stored; retry later");
        }
        return;
    }
    if (!*done) {
        sendJson(res, Json{{"offset", blobs.partialSize(hash)}, {"complete", false}});
        return;
    }
    acknowledge(ctx, hash, access, size, !heldBefore, res);
}

void handlePut(Context& ctx, const httplib::Request& req, httplib::Response& res,
               const httplib::ContentReader& reader) {
    const auto hash = pathHash(req, res);
    if (!hash) return;
    const auto user = ctx.authenticate(req, res);
    if (!user) return;
    const auto access = accessOf(ctx, *user, *hash, res);
    if (!access) return;
    if (access->writableNamings.empty()) {
        refuseUpload(ctx, res, 403, "blob_not_in_scope",
                     "no attachment record in a unit you may write names this blob");
        return;
    }
    if (access->writableSizes().empty()) {
        refuseUpload(ctx, res, 409, "size_mismatch",
                     "the attachment record naming this blob declares no size");
        return;
    }
    std::optional<ContentRange> range;
    if (req.has_header("Content-Range")) {
        range = parseContentRange(req.get_header_value("Content-Range"));
        if (!range) {
            refuseUpload(ctx, res, 400, "invalid_range", "Content-Range must be \"bytes A-B/T\"");
            return;
        }
    }
    const std::set<std::uint64_t> sizes = access->writableSizes();
    const std::uint64_t total = range ? range->total : *sizes.begin();
    if (!sizes.count(total)) {
        refuseUpload(ctx, res, 409, "size_mismatch",
                     "the attachment record declares another size for this blob");
        return;
    }
    if (total > static_cast<std::uint64_t>(ctx.settings.attachmentLimits.maxFileBytes)) {
        refuseUpload(ctx, res, 413, "file_too_large",
                     attachmentLimitRefusal(ctx.settings.attachmentLimits,
                                            static_cast<long long>(total), 0, 0)
                         ->message);
        return;
    }
    BlobStore& blobs = ctx.store->blobs();
    const auto held = blobs.size(*hash);
    if (held && access->claimedForWriting()) {  // a resend: harmless, nothing is read
        sendJson(res, Json{{"offset", *held}, {"complete", true}});
        return;
    }
    // Every byte is there already (a crash between sync and move, a body cut at the limit):
    // complete it whatever the request says.
    if (blobs.partialSize(*hash) == total) {
        finishUpload(ctx, *hash, *access, total, res);
        return;
    }
    const std::uint64_t first = range ? range->first : 0;
    const std::uint64_t length = range ? range->last - range->first + 1 : total;
    if (length > kMaxBlobPieceBytes) {
        refuseUpload(ctx, res, 413, "body_too_large",
                     "one request carries at most " + std::to_string(kMaxBlobPieceBytes) +
                         " bytes: send the blob in pieces with Content-Range");
        closeAfter(res);
        return;
    }
    auto writer = blobs.resume(*hash, first);
    if (!writer) {
        const std::string& code = writer.error().code;
        if (code == "offset_mismatch") {
            res.set_header("Upload-Offset", std::to_string(blobs.partialSize(*hash)));
            refuseUpload(ctx, res, 409, "offset_mismatch",
                         "the upload continues at Upload-Offset, not at " + std::to_string(first));
        } else if (code == "busy") {
            refuseUpload(ctx, res, 409, "busy",
                         "another upload of this blob is running; retry later");
        } else {
            logLine(LogLevel::Error, "blobs: " + writer.error().message);
            sendError(res, 503, "storage_error", "the blob could not be stored; retry later");
        }
        return;
    }

    // Streamed to disk while it is read, cut at the declared length: a longer body (a lying
    // Content-Length, an endless chunked body) never gets a byte past it onto the disk.
    std::uint64_t got = 0;
    bool overflow = false, readOk = true;
    Status written;
    if (req.has_header("Content-Length") || req.has_header("Transfer-Encoding")) {
        readOk = reader([&](const char* data, std::size_t size) {
            const std::size_t take =
                static_cast<std::size_t>(std::min<std::uint64_t>(size, length - got));
            if (take > 0) {
                written = (*writer)->write(data, take);
                if (!written) return false;
                got += take;
            }
            if (take < size) {
                overflow = true;
                return false;
            }
            return true;
        });
    }
    const bool late = GuardedServer::deadlinePassed();
    GuardedServer::bodyReadHook();
    // What arrived stays, durably: the next HEAD says where to continue.
    if (written && got > 0) written = (*writer)->sync();
    const std::uint64_t offset = (*writer)->offset();
    writer->reset();
    if (!written) {
        logLine(LogLevel::Error, "blobs: " + written.error().message);
        sendError(res, 503, "storage_error", "the blob could not be stored; retry later");
        closeAfter(res);
        return;
    }
    if (late || overflow || !readOk) {
        res.set_header("Upload-Offset", std::to_string(offset));
        if (overflow) {
            if (offset == total) {  // the declared bytes are all there: they count
                httplib::Response done;
                finishUpload(ctx, *hash, *access, total, done);
            }
            refuseUpload(ctx, res, 413, "body_too_large",
                         "the body is longer than the range it declares; only the declared "
                         "bytes were kept");
        } else if (late) {
            refuseUpload(ctx, res, 408, "request_timeout",
                         "the request body did not arrive in time");
        } else {
            refuseUpload(ctx, res, 400, "bad_body", "the request body could not be read");
        }
        closeAfter(res);
        return;
    }
    if (offset == total) {
        finishUpload(ctx, *hash, *access, total, res);
        return;
    }
    sendJson(res, Json{{"offset", offset}, {"complete", false}});
}

/** Content-Disposition: photos and PDF open in place, office documents download. */
std::string dispositionOf(const BlobNaming& naming) {
    if (naming.thumbnail || naming.mime == "image/jpeg" || naming.mime == "application/pdf")
        return "inline";
    std::string name = naming.fileName.empty() ? std::string("tep-dinh-kem") : naming.fileName;
    std::string encoded;
    static const char* hex = "0123456789ABCDEF";
    for (unsigned char c : name) {
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '~') {
            encoded += static_cast<char>(c);
        } else {
            encoded += '%';
            encoded += hex[c >> 4];
            encoded += hex[c & 15];
        }
    }
    return "attachment; filename*=UTF-8''" + encoded;
}

void handleHead(Context& ctx, const User& user, const std::string& hash, httplib::Response& res) {
    const auto access = accessOf(ctx, user, hash, res);
    if (!access) return;
    if (!access->readable()) {
        res.set_header("X-Error-Code", "blob_not_in_scope");
        sendError(res, 403, "blob_not_in_scope",
                  "no attachment record in your scope names this blob");
        return;
    }
    BlobStore& blobs = ctx.store->blobs();
    if (access->claimedForReading()) {
        if (const auto size = blobs.size(hash)) {
            res.status = 200;
            // The length of what a GET sends; a HEAD sends none of it.
            res.set_content_provider(
                static_cast<std::size_t>(*size), "application/octet-stream",
                [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
            return;
        }
    }
    res.set_header("Upload-Offset", std::to_string(blobs.partialSize(hash)));
    res.set_header("X-Error-Code", "blob_pending");
    sendError(res, 404, "blob_pending",
              "the server does not hold this blob's bytes for your units");
}

void handleGet(Context& ctx, const httplib::Request& req, httplib::Response& res) {
    // httplib would cut any reply, errors too, to the range: this route answers it itself.
    const_cast<httplib::Request&>(req).ranges.clear();
    const auto hash = pathHash(req, res);
    if (!hash) return;
    const auto user = ctx.authenticate(req, res);
    if (!user) return;
    if (req.method == "HEAD") {
        handleHead(ctx, *user, *hash, res);
        return;
    }
    const auto access = accessOf(ctx, *user, *hash, res);
    if (!access) return;
    // A hash nobody in scope names answers as a hash nobody holds: a guess tells nothing.
    if (!access->readable()) {
        sendError(res, 404, "blob_not_found", "no such blob");
        return;
    }
    const BlobNaming* naming = access->servedNaming();
    auto reader = naming ? ctx.store->blobs().open(*hash)
                         : Result<std::unique_ptr<BlobReader>>(Error{"not_found", ""});
    if (!reader) {
        if (reader.error().code != "not_found")
            logLine(LogLevel::Error, "blobs: " + reader.error().message);
        sendError(res, 404, "blob_pending", "the attachment's bytes have not arrived yet");
        return;
    }
    const std::uint64_t size = (*reader)->size();
    std::uint64_t first = 0, last = size - 1;
    bool partial = false;
    if (req.has_header("Range")) {
        const auto range = parseRange(req.get_header_value("Range"));
        if (range && range->first >= size) {
            res.set_header("Content-Range", "bytes */" + std::to_string(size));
            sendError(res, 416, "range_not_satisfiable", "the range starts past the blob's end");
            return;
        }
        if (range) {
            first = range->first;
            if (range->second) last = std::min(*range->second, size - 1);
            partial = true;
        }
    }
    res.status = partial ? 206 : 200;
    if (partial)
        res.set_header("Content-Range", "bytes " + std::to_string(first) + "-" +
                                            std::to_string(last) + "/" + std::to_string(size));
    res.set_header("Accept-Ranges", "bytes");
    res.set_header("Cache-Control", "private, max-age=31536000, immutable");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Content-Disposition", dispositionOf(*naming));
    std::shared_ptr<BlobReader> blob = std::move(*reader);
    auto buffer = std::make_shared<std::vector<char>>(kPieceBytes);
    res.set_content_provider(
        static_cast<std::size_t>(last - first + 1),
        naming->mime.empty() ? "application/octet-stream" : naming->mime,
        [blob, buffer, first](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            auto n = blob->read(first + offset, buffer->data(), std::min(length, buffer->size()));
            if (!n || *n == 0) return false;
            return sink.write(buffer->data(), *n);
        });
}

}  // namespace

void registerBlobRoutes(httplib::Server& server, Context& ctx) {
    const std::string pattern = "/api/v1/blobs/([^/]+)";
    server.Get(pattern, [&ctx](const httplib::Request& req, httplib::Response& res) {
        handleGet(ctx, req, res);
    });
    server.Put(pattern,
               [&ctx](const httplib::Request& req, httplib::Response& res,
                      const httplib::ContentReader& reader) { handlePut(ctx, req, res, reader); });
}

}  // namespace nghedan::server
