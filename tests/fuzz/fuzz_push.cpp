// A push body as the server reads it: the JSON depth check and parse of the route, each change
// parsed, signed with its site's fuzz key and applied the server's way (strict schema checks,
// contiguous seqs, the pusher's site as sender) to a replica.
#include <cstdint>

#include "fuzz_util.h"
#include "http_util.h"

using namespace nghedan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    httplib::Response res;
    auto body = server::parseJsonText(std::string(reinterpret_cast<const char*>(data), size), res);
    if (!body || !body->is_object()) return 0;
    const auto list = body->find("changes");
    if (list == body->end() || !list->is_array() || list->size() > 64) return 0;
    Replica& replica = fuzz::scratchReplica("push");
    std::vector<Change> changes;
    for (const Json& item : *list) {
        auto c = changeFromJson(item);
        if (!c) continue;
        fuzz::signForFuzzing(replica, *c);
        changes.push_back(std::move(*c));
    }
    if (changes.empty()) return 0;
    ApplyOptions options;
    options.validation = Validation::Strict;
    options.requireContiguous = true;
    options.sender = changes.front().site;
    (void)replica.apply(changes, options);
    return 0;
}
