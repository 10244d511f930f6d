// Attachments on the dashboard: what the record pages list (photos and documents of petitions,
// meetings and directives), and the upload of a directive's result document or photo by a
// supervisor or an official. The upload streams the body to a temporary file while hashing it
// (never whole in memory, cut at the file limit while it is read, chunked bodies too), then
// moves it into the blob store, records the claim of the directive's unit and writes the
// attachment record as the server's change in the uploader's name, as supervise.cpp does.
#include "attachments_web.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>

#include <sodium.h>

#include "../connection_guard.h"
#include "../http_util.h"
#include "nghedan/blob_store.h"
#include "nghedan/policy.h"
#include "nghedan/schema.h"

namespace nghedan::server {

namespace {

/** The live attachment rows of a record in the scope, oldest first. */
std::vector<Json> attachmentRows(Context& ctx, const Scope& scope, const std::string& parentEntity,
                                 const std::string& parentId) {
    ListQuery q;
    q.entity = "attachment";
    q.equals["parent"] = {parentId};
    q.equals["parent_entity"] = {parentEntity};
    q.unitRoot = scope.root;
    q.today = vietnamToday(*ctx.store);
    q.sort = "created_hlc";
    q.descending = false;
    auto rows = listAll(*ctx.store, q, 1000);
    return rows ? std::move(*rows) : std::vector<Json>{};
}

std::string blobUrl(const std::string& hash) {
    return "/api/v1/blobs/" + hash;
}

std::string textOf(const Json& row, const char* field) {
    const auto it = row.find(field);
    return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/** "%E1%BA%A2nh.pdf" → "Ảnh.pdf"; nullopt for a broken escape. */
std::optional<std::string> percentDecoded(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size()) return std::nullopt;
        const std::string hex = text.substr(i + 1, 2);
        if (hex.size() != 2 || hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
            return std::nullopt;
        out += static_cast<char>(std::stoi(hex, nullptr, 16));
        i += 2;
    }
    return out;
}

/** A file under the system's temporary directory, removed when this goes. */
class TempFile {
public:
    TempFile() {
        unsigned char r[12];
        randombytes_buf(r, sizeof r);
        std::string name = "nghedan-upload-";
        static const char* kHex = "0123456789abcdef";
        for (unsigned char c : r) {
            name += kHex[c >> 4];
            name += kHex[c & 15];
        }
        std::error_code ec;
        m_path = std::filesystem::temp_directory_path(ec) / name;
    }
    ~TempFile() {
        std::error_code ec;
        std::filesystem::remove(m_path, ec);
    }
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

const AttachmentLimits& limitsOf(Context& ctx) {
    return ctx.settings.attachmentLimits;
}

void uploadDirectiveAttachment(Context& ctx, const httplib::Request& req, httplib::Response& res,
                               const httplib::ContentReader& reader) {
    auto user = ctx.authenticate(req, res);
    if (!user) return;  // its body stays unread: the connection closes (GuardedServer)
    if (!mayWriteFromDashboard(user->role))
        return sendError(res, 403, "forbidden",
                         "Your role cannot change records from the dashboard");
    const std::string id = req.matches[1];
    const AttachmentLimits limits = limitsOf(ctx);

    // What the file is, from the headers, before a byte of it is read.
    std::string mime = req.get_header_value("Content-Type");
    if (const auto semi = mime.find(';'); semi != std::string::npos) mime.resize(semi);
    const auto& types = attachmentTypes();
    if (std::find(types.begin(), types.end(), mime) == types.end())
        return sendError(res, 415, "unsupported_type",
                         "Chỉ nhận ảnh JPEG, PDF hoặc tài liệu Word, Excel, OpenDocument.");
    const auto fileName = percentDecoded(req.get_header_value("X-File-Name"));
    const auto caption = percentDecoded(req.get_header_value("X-Caption"));
    if (!fileName || !caption || fileName->size() > 500 || caption->size() > 500)
        return sendError(
            res, 400, "invalid_header",
            "X-File-Name and X-Caption must be percent-encoded UTF-8 (at most 500 bytes)");
    std::optional<std::int64_t> width, height;
    for (auto [header, out] :
         {std::pair{"X-Image-Width", &width}, std::pair{"X-Image-Height", &height}}) {
        const std::string v = req.get_header_value(header);
        if (v.empty()) continue;
        if (v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos)
            return sendError(res, 400, "invalid_header", std::string(header) + " must be a number");
        *out = std::stoll(v);
    }

    std::string unit;
    int count = 0;
    long long bytes = 0;
    {
        std::lock_guard lock(ctx.mutex);
        auto rec = visibleRecord(ctx, *user, "directive", id, res);
        if (!rec) return;
        unit = rec->values.value("unit", "");
        auto scope = scopeOf(ctx, *user);
        if (!scope) return sendError(res, 403, "scope_unknown", scope.error().message);
        for (const Json& row : attachmentRows(ctx, **scope, "directive", id)) {
            ++count;
            bytes +=
                row.value("size", Json(0)).is_number_integer() ? row["size"].get<long long>() : 0;
        }
    }
    const std::string length = req.get_header_value("Content-Length");
    const long long declared = !length.empty() && length.size() < 19 &&
                                       length.find_first_not_of("0123456789") == std::string::npos
                                   ? std::stoll(length)
                                   : -1;
    if (auto refusal = attachmentLimitRefusal(limits, std::max(declared, 1LL), count, bytes)) {
        res.set_header("Connection", "close");
        return sendError(res, refusal->code == "file_too_large" ? 413 : 409, refusal->code,
                         refusal->message);
    }

    // A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112 6.3).
    if (!req.has_header("Content-Length") && !req.has_header("Transfer-Encoding"))
        return sendError(res, 400, "empty_file", "Tệp rỗng, không có gì để lưu.");

    // The body, streamed to a temporary file while it is hashed, cut at the file limit.
    TempFile temp;
    std::ofstream out(temp.path(), std::ios::binary | std::ios::trunc);
    if (!out) return sendError(res, 500, "internal", "no temporary file for the upload");
    Sha256 hasher;
    long long size = 0;
    bool tooLarge = false, writeFailed = false;
    const bool ok = reader([&](const char* data, std::size_t n) {
        if (size + static_cast<long long>(n) > limits.maxFileBytes) {
            tooLarge = true;
            return false;
        }
        out.write(data, static_cast<std::streamsize>(n));
        if (!out) {
            writeFailed = true;
            return false;
        }
        hasher.update(data, n);
        size += static_cast<long long>(n);
        return true;
    });
    out.close();
    const bool late = GuardedServer::deadlinePassed();
    GuardedServer::bodyReadHook();
    if (late) {
        res.set_header("Connection", "close");
        return sendError(res, 408, "request_timeout", "the request body did not arrive in time");
    }
    if (tooLarge || res.status == 413) {
        res.set_header("Connection", "close");
        auto refusal = attachmentLimitRefusal(limits, limits.maxFileBytes + 1, 0, 0);
        return sendError(res, 413, "file_too_large",
                         refusal ? refusal->message : std::string("file too large"));
    }
    if (writeFailed || !out)
        return sendError(res, 500, "internal", "the upload could not be stored");
    if (!ok) {
        res.set_header("Connection", "close");
        return sendError(res, 400, "bad_body", "the request body could not be read");
    }
    if (size == 0) return sendError(res, 400, "empty_file", "Tệp rỗng, không có gì để lưu.");
    const std::string hash = hasher.hexDigest();

    // Into the blob store (streamed again from the file; a blob held already is not rewritten).
    auto added = addBlobFile(ctx.store->blobs(), temp.path());
    if (!added) return sendError(res, 500, "internal", "the file could not be stored");
    if (added->hash != hash || static_cast<long long>(added->size) != size)
        return sendError(res, 500, "internal", "the stored file differs from the upload");

    std::lock_guard lock(ctx.mutex);
    auto rec = visibleRecord(ctx, *user, "directive", id, res);
    if (!rec) return;
    auto scope = scopeOf(ctx, *user);
    if (!scope) return sendError(res, 403, "scope_unknown", scope.error().message);
    count = 0;
    bytes = 0;
    for (const Json& row : attachmentRows(ctx, **scope, "directive", id)) {
        ++count;
        bytes += row.value("size", Json(0)).is_number_integer() ? row["size"].get<long long>() : 0;
    }
    if (auto refusal = attachmentLimitRefusal(limits, size, count, bytes))
        return sendError(res, refusal->code == "file_too_large" ? 413 : 409, refusal->code,
                         refusal->message);
    if (Status s = ctx.store->claimBlob(hash, unit); !s)
        return sendError(res, 500, "internal", s.error().message);
    WriteRequest w;
    w.entity = "attachment";
    w.unit = unit;
    w.author = user->username;
    const bool photo = mime == "image/jpeg";
    w.set = {{"parent_entity", "directive"},
             {"parent", id},
             {"kind", photo ? "photo" : "document"},
             {"sha256", hash},
             {"size", size},
             {"mime", mime}};
    if (!caption->empty()) w.set["caption"] = *caption;
    if (!fileName->empty()) w.set["file_name"] = *fileName;
    if (photo && width && height) {
        w.set["width"] = *width;
        w.set["height"] = *height;
    }
    auto change = ctx.store->write(w);
    if (!change) {
        const int code = change.error().code == "io" ? 500 : 400;
        return sendError(res, code, change.error().code, change.error().message);
    }
    Json list = attachmentsJson(ctx, **scope, "directive", id);
    Json created;
    for (const Json& a : list)
        if (a.value("id", "") == change->id) created = a;
    sendJson(res, {{"attachment", created}, {"attachments", list}}, 201);
}

}  // namespace

Json attachmentsJson(Context& ctx, const Scope& scope, const std::string& parentEntity,
                     const std::string& parentId) {
    Json out = Json::array();
    for (const Json& row : attachmentRows(ctx, scope, parentEntity, parentId)) {
        const std::string hash = textOf(row, "sha256");
        const std::string thumb = textOf(row, "thumb_sha256");
        const bool available = !hash.empty() && ctx.store->blobs().size(hash).has_value();
        const bool thumbAvailable = !thumb.empty() && ctx.store->blobs().size(thumb).has_value();
        auto value = [&](const char* field) { return row.value(field, Json()); };
        out.push_back({{"id", value("id")},
                       {"kind", value("kind")},
                       {"caption", value("caption")},
                       {"mime", value("mime")},
                       {"file_name", value("file_name")},
                       {"size", value("size")},
                       {"width", value("width")},
                       {"height", value("height")},
                       {"taken_at", value("taken_at")},
                       {"sha256", value("sha256")},
                       {"thumb_sha256", thumb.empty() ? Json() : Json(thumb)},
                       {"available", available},
                       {"created_by", value("created_by")},
                       {"url", blobUrl(hash)},
                       {"thumb_url", thumbAvailable ? Json(blobUrl(thumb)) : Json()}});
    }
    return out;
}

void registerAttachmentWebRoutes(httplib::Server& server, Context& ctx) {
    server.Post(R"(/api/v1/directives/([0-9A-Za-z_-]{1,64})/attachments)",
                [&ctx](const httplib::Request& req, httplib::Response& res,
                       const httplib::ContentReader& reader) {
                    uploadDirectiveAttachment(ctx, req, res, reader);
                });
}

}  // namespace nghedan::server
