#include "sync_wire.h"

namespace nghedan::wire {

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
