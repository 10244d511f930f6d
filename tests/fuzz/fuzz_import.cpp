// The unit and agency importers (`nghedan-server import units|agencies FILE`): CSV or JSON
// from a city's spreadsheet. The first byte picks units or agencies and CSV or JSON; the rest
// is the file. Any file imports or is refused with an error, into a replica.
#include <cstdint>
#include <fstream>

#include "admin.h"
#include "app.h"
#include "fuzz_util.h"

using namespace nghedan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const bool units = data[0] & 1;
    const bool json = data[0] & 2;
    static std::unique_ptr<server::Store> store = [] {
        const auto dir = std::filesystem::temp_directory_path() /
                         ("nghedan-fuzz-import-store-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir);
        auto opened = server::openDataDir(dir.string());
        if (!opened) std::abort();
        return std::move(*opened);
    }();
    server::Store& replica = *store;
    static const std::string base = (std::filesystem::temp_directory_path() /
                                     ("nghedan-fuzz-import-" + std::to_string(::getpid()))).string();
    const std::string file = base + (json ? ".json" : ".csv");
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
    (void)(units ? server::importUnits(replica, file) : server::importAgencies(replica, file));
    return 0;
}
