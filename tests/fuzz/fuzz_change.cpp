// The change parser: any bytes either fail to parse or give a change whose canonical text
// parses back to the same change (the text that is signed, stored and sent).
#include <cstdint>
#include <cstdlib>

#include "nghedan/change.h"

using namespace nghedan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Json json = Json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) return 0;
    auto change = changeFromJson(json);
    if (!change) return 0;
    const std::string text = toJsonText(*change);
    auto again = changeFromJson(Json::parse(text, nullptr, false));
    if (!again || toJsonText(*again) != text) std::abort();  // the round trip must hold
    return 0;
}
