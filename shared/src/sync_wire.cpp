#include "sync_wire.h"

#include <zlib.h>

namespace nghedan::wire {

std::optional<std::string> gzipCompress(std::string_view data, int level) {
    z_stream zs{};
    // 15 window bits + 16: gzip header and trailer instead of zlib's.
    if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        return std::nullopt;
    }
    std::string out;
    out.resize(deflateBound(&zs, static_cast<uLong>(data.size())) + 32);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    const auto written = zs.total_out;
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) return std::nullopt;
    out.resize(written);
    return out;
}

std::optional<std::string> gzipDecompress(std::string_view data) {
    z_stream zs{};
    // 15 + 32: detect gzip or zlib headers automatically.
    if (inflateInit2(&zs, 15 + 32) != Z_OK) return std::nullopt;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    std::string out;
    char buffer[64 * 1024];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        zs.next_out = reinterpret_cast<Bytef*>(buffer);
        zs.avail_out = sizeof buffer;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&zs);
            return std::nullopt;
        }
        out.append(buffer, sizeof buffer - zs.avail_out);
        if (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0) {  // truncated stream
            inflateEnd(&zs);
            return std::nullopt;
        }
    }
    inflateEnd(&zs);
    return out;
}

bool looksGzipped(std::string_view data) {
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
           static_cast<unsigned char>(data[1]) == 0x8b;
}

std::string pushBodyWithin(const std::vector<Change>& changes, std::size_t maxBytes,
                           std::size_t* count) {
    std::string body = "{\"changes\":[";
    std::size_t n = 0;
    for (const Change& change : changes) {
        std::string item = toJson(change).dump(-1, ' ', false, Json::error_handler_t::replace);
        if (n > 0 && body.size() + item.size() + 3 > maxBytes) break;
        if (n > 0) body += ',';
        body += item;
        ++n;
    }
    body += "]}";
    if (count) *count = n;
    return body;
}

Result<std::vector<Change>> parseChanges(const Json& reply) {
    std::vector<Change> changes;
    const auto it = reply.find("changes");
    if (it == reply.end() || !it->is_array()) {
        return Error{"bad_response", "Máy chủ trả lời thiếu danh sách thay đổi"};
    }
    changes.reserve(it->size());
    for (const Json& item : *it) {
        auto change = changeFromJson(item);
        if (!change) {
            return Error{"bad_response",
                         "Máy chủ gửi một thay đổi không hợp lệ: " + change.error().message};
        }
        changes.push_back(std::move(change.value()));
    }
    return changes;
}

std::uint64_t uintMember(const Json& object, const char* key, std::uint64_t fallback) {
    if (!object.is_object()) return fallback;
    const auto it = object.find(key);
    if (it == object.end()) return fallback;
    if (it->is_number_unsigned()) return it->get<std::uint64_t>();
    if (it->is_number_integer()) {
        const auto v = it->get<std::int64_t>();
        return v < 0 ? fallback : static_cast<std::uint64_t>(v);
    }
    return fallback;
}

std::int64_t intMember(const Json& object, const char* key, std::int64_t fallback) {
    if (!object.is_object()) return fallback;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer()) return fallback;
    return it->get<std::int64_t>();
}

std::string stringMember(const Json& object, const char* key) {
    if (!object.is_object()) return {};
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string()) return {};
    return it->get<std::string>();
}

}  // namespace nghedan::wire
