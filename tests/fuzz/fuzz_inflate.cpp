// gzip inflation of what a server or client sends: any bytes inflate or fail cleanly, and what
// inflates deflates and inflates back to itself.
#include <cstdint>
#include <cstdlib>

#include "nghedan/compression.h"

using namespace nghedan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto plain = gzipDecompress(input);
    if (!plain) return 0;
    const auto again = gzipCompress(*plain, 1);
    if (!again) std::abort();
    const auto back = gzipDecompress(*again);
    if (!back || *back != *plain) std::abort();
    return 0;
}
