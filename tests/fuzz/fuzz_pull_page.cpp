// A pull page as a tablet receives it ({"changes":[...],"keys":[...]}): the keys learnt, then
// the changes applied the tablet's way. Half the inputs have their changes signed with the fuzz
// keys (to reach the merge), half are applied as they come (to reach the refusals).
#include <cstdint>

#include "fuzz_util.h"

using namespace nghedan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const bool sign = data[0] & 1;
    const Json page = Json::parse(data + 1, data + size, nullptr, /*allow_exceptions=*/false);
    if (page.is_discarded() || !page.is_object()) return 0;
    Replica& replica = fuzz::scratchReplica("pull");
    if (auto keys = page.find("keys"); keys != page.end() && keys->is_array()) {
        for (const Json& k : *keys) {
            if (!k.is_object() || !k.value("site", Json()).is_string() ||
                !k.value("publicKey", Json()).is_string())
                continue;
            (void)replica.learnSiteKey({k["site"].get<std::string>(), k["publicKey"].get<std::string>(),
                                        k.value("unsignedThrough", std::uint64_t{0}), {}});
        }
    }
    const auto list = page.find("changes");
    if (list == page.end() || !list->is_array() || list->size() > 64) return 0;
    std::vector<Change> changes;
    for (const Json& item : *list) {
        auto c = changeFromJson(item);
        if (!c) continue;
        if (sign) fuzz::signForFuzzing(replica, *c);
        changes.push_back(std::move(*c));
    }
    (void)replica.apply(changes, ApplyOptions{});
    return 0;
}
