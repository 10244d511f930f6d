#pragma once
// Helpers of the sync benchmarks (field-week, many-tablets, first-sync): timing, memory,
// gzip'd JSON Lines input, and formatting.

#include <unistd.h>
#include <zlib.h>

#include <iterator>
#include <sstream>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_stats.h"
#include "nghedan/compression.h"

namespace nghedan::bench {


/** `serve` flags for a server whose simulated tablets all connect from 127.0.0.1, where each
 *  real tablet has an address of its own: the per-address connection limits are lifted. */
inline std::vector<std::string> tabletsFromOneAddress(std::vector<std::string> args) {
    for (const char* a : {"--connections-per-address", "100000", "--requests-per-address", "100000"})
        args.push_back(a);
    return args;
}

inline double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/** User + system CPU seconds of a process (0: this one). */
inline double cpuSeconds(long pid = 0) {
    std::ifstream in(pid > 0 ? "/proc/" + std::to_string(pid) + "/stat" : "/proc/self/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream fields(text.substr(close + 2));
    std::string f;
    double utime = 0, stime = 0;
    for (int i = 3; fields >> f; ++i) {  // field 3 is the state
        if (i == 14) utime = std::atof(f.c_str());
        if (i == 15) {
            stime = std::atof(f.c_str());
            break;
        }
    }
    return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

inline std::string mib(double bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f MiB", bytes / (1024.0 * 1024.0));
    return buf;
}

/** Every line of a (possibly gzip-compressed) text file; nullopt when it cannot be read. */
inline std::optional<std::vector<std::string>> readLines(const std::string& path) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) return std::nullopt;
    std::vector<std::string> lines;
    std::string current;
    char buf[1 << 16];
    int n = 0;
    while ((n = gzread(f, buf, sizeof buf)) > 0) {
        for (int i = 0; i < n; ++i) {
            if (buf[i] == '\n') {
                if (!current.empty()) lines.push_back(std::move(current));
                current.clear();
            } else {
                current.push_back(buf[i]);
            }
        }
    }
    const bool ok = n == 0;
    gzclose(f);
    if (!ok) return std::nullopt;
    if (!current.empty()) lines.push_back(std::move(current));
    return lines;
}

/** gzip of a body (for raw pushes). */
inline std::string gzip(const std::string& data) { return gzipCompress(data).value_or(data); }

/** Milliseconds since the Unix epoch of "YYYY-MM-DDTHH:MM[:SS][+HH:MM|Z]"; nullopt if not. */
inline std::optional<std::int64_t> parseIsoTime(const std::string& s) {
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (std::sscanf(s.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &sec) < 5) {
        if (std::sscanf(s.c_str(), "%d-%d-%d", &y, &mo, &d) != 3) return std::nullopt;
    }
    // days from civil (Howard Hinnant)
    y -= mo <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const std::int64_t days = static_cast<std::int64_t>(era) * 146097 + doe - 719468;
    std::int64_t ms = ((days * 24 + h) * 60 + mi) * 60000LL + sec * 1000LL;
    const auto tz = s.find_first_of("+-Z", 16);
    if (tz != std::string::npos && s[tz] != 'Z') {
        int th = 0, tm = 0;
        std::sscanf(s.c_str() + tz + 1, "%d:%d", &th, &tm);
        const std::int64_t offset = (th * 60 + tm) * 60000LL;
        ms += s[tz] == '+' ? -offset : offset;
    }
    return ms;
}

/** Cuts UTF-8 text to at most `bytes` bytes at a character boundary. */
inline std::string utf8Prefix(const std::string& s, std::size_t bytes) {
    if (s.size() <= bytes) return s;
    std::size_t n = bytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

}  // namespace nghedan::bench
