#pragma once
// Figures every benchmark prints: elapsed time, percentiles, peak memory.

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace nghedan::bench {

using Clock = std::chrono::steady_clock;

inline double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

/** The p-quantile (0..1) of the samples; 0 when there are none. */
inline double percentile(std::vector<double> samples, double p) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    return samples[std::min(samples.size() - 1,
                            static_cast<std::size_t>(p * static_cast<double>(samples.size())))];
}

/** Peak resident memory (VmHWM) in KiB of a process (0: this one), 0 if unknown. */
inline long peakRssKb(long pid = 0) {
    std::ifstream in(pid > 0 ? "/proc/" + std::to_string(pid) + "/status" : "/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
    return 0;
}

/** Resident memory now (VmRSS) in KiB of a process (0: this one), 0 if unknown. */
inline long rssKb(long pid = 0) {
    std::ifstream in(pid > 0 ? "/proc/" + std::to_string(pid) + "/status" : "/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
    return 0;
}

/** Starts a new peak (VmHWM) at the current resident size of a process (0: this one); false
 *  when the kernel refuses. */
inline bool resetPeakRss(long pid = 0) {
    std::ofstream out(pid > 0 ? "/proc/" + std::to_string(pid) + "/clear_refs"
                              : "/proc/self/clear_refs");
    out << "5";
    out.flush();
    return static_cast<bool>(out);
}

}  // namespace nghedan::bench
