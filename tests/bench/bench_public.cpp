// nghedan-bench-public: the public endpoints under load. A store of 100,000 petitions (a
// third public, a share of those resolved), the real nghedan-server as a child process on
// loopback with the public rate limit off, then 200 concurrent clients doing lookups by
// receipt code (/tra-cuu) and Open311 requests.json queries. Prints latency percentiles,
// throughput and errors per phase, and what bounds them: the latency of one client alone
// (the service time), the server's worker count and its CPU time. Not a test: nothing asserts.
//
// Usage: nghedan-bench-public [--petitions N] [--clients N] [--seconds S] [--threads N]
//                             [--pace R] [--dir DIR] [--reuse]
// --pace R: each client sends R requests per second on a fixed schedule (an open load, as
// residents and portals do) instead of the next one as soon as the last is answered.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <thread>

#include <httplib.h>

#include "app.h"
#include "bench_stats.h"
#include "nghedan/public_view.h"
#include "nghedan/schema.h"
#include "store.h"

using namespace nghedan;
using namespace nghedan::bench;

namespace {

struct Phase {
    std::vector<double> ms;
    std::size_t errors = 0;
    double seconds = 0;
};

/** CPU seconds (user + system) of a process so far. */
double cpuSeconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string s((std::istreambuf_iterator<char>(in)), {});
    const std::size_t close = s.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream rest(s.substr(close + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i)
        if (i == 14 || i == 15) ticks += std::stod(field);
    return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

void print(const char* name, const Phase& p) {
    std::printf(
        "%-28s requests %7zu  errors %zu  throughput %7.0f/s  p50 %6.1f ms  p95 %6.1f ms  p99 "
        "%6.1f ms\n",
        name, p.ms.size(), p.errors, static_cast<double>(p.ms.size()) / p.seconds,
        percentile(p.ms, 0.50), percentile(p.ms, 0.95), percentile(p.ms, 0.99));
}

/** `clients` threads, each on its own keep-alive connection, for `seconds`: `next(rng)` gives a
 *  path and the status it must answer. */
template <typename Next>
Phase run(const std::string& base, int clients, double seconds, Next next, double pace = 0) {
    Phase out;
    std::mutex m;
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    const auto t0 = Clock::now();
    for (int c = 0; c < clients; ++c)
        threads.emplace_back([&, c] {
            std::mt19937_64 rng(static_cast<std::uint64_t>(c) * 7919 + 1);
            httplib::Client cli(base);
            cli.set_keep_alive(true);
            cli.set_read_timeout(60, 0);
            std::vector<double> mine;
            std::size_t errors = 0;
            // Paced clients start spread over one period, so they do not arrive together.
            auto due = Clock::now() +
                       std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                           pace > 0 ? (rng() % 1000) / 1000.0 / pace : 0));
            while (!stop) {
                if (pace > 0) {
                    std::this_thread::sleep_until(due);
                    due += std::chrono::duration_cast<Clock::duration>(
                        std::chrono::duration<double>(1.0 / pace));
                }
                const auto [path, expected] = next(rng);
                const auto t = Clock::now();
                auto r = cli.Get(path.c_str());
                mine.push_back(msSince(t));
                if (!r || r->status != expected) ++errors;
            }
            std::lock_guard lock(m);
            out.ms.insert(out.ms.end(), mine.begin(), mine.end());
            out.errors += errors;
        });
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto& t : threads) t.join();
    out.seconds = msSince(t0) / 1000;
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    int petitions = 100000, clients = 200, threads = 32;
    double seconds = 15, pace = 0;
    std::string dir;
    bool reuse = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--reuse")
            reuse = true;
        else if (i + 1 >= argc)
            break;
        else if (a == "--petitions")
            petitions = std::stoi(argv[++i]);
        else if (a == "--clients")
            clients = std::stoi(argv[++i]);
        else if (a == "--seconds")
            seconds = std::stod(argv[++i]);
        else if (a == "--threads")
            threads = std::stoi(argv[++i]);
        else if (a == "--pace")
            pace = std::stod(argv[++i]);
        else if (a == "--dir")
            dir = argv[++i];
    }
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const bool ownDir = dir.empty();
    if (ownDir)
        dir = (std::filesystem::temp_directory_path() /
               ("nghedan-public-bench-" + std::to_string(::getpid())))
                  .string();
    std::filesystem::create_directories(dir);
    std::mt19937_64 rng(20261202);
    const std::int64_t now = systemMillis();
    std::vector<std::string> publicCodes, hiddenCodes;
    const std::string codesFile = dir + "/codes.txt";

    if (reuse && std::filesystem::exists(codesFile)) {
        std::ifstream in(codesFile);
        std::string kind, code;
        while (in >> kind >> code) (kind == "P" ? publicCodes : hiddenCodes).push_back(code);
        std::printf("data: reusing %s (%zu public codes)\n", dir.c_str(), publicCodes.size());
    } else {
        auto opened = server::openDataDir(dir);
        if (!opened) return std::fprintf(stderr, "open: %s\n", opened.error().message.c_str()), 1;
        server::Store& r = **opened;
        if (!r.setBulkLoad(true)) return 1;
        auto write = [&](WriteRequest w) {
            auto c = r.write(w);
            if (!c) {
                std::fprintf(stderr, "write: %s\n", c.error().message.c_str());
                std::exit(1);
            }
            return c->id;
        };
        write({"unit",
               "hcm",
               "hcm",
               "admin",
               {{"level", "city"}, {"name", "Thành phố Hồ Chí Minh"}}});
        write({"unit",
               "q3",
               "q3",
               "admin",
               {{"level", "district"}, {"name", "Quận 3"}, {"parent", "hcm"}}});
        std::vector<std::string> neighbourhoods;
        for (int w = 1; w <= 10; ++w) {
            const std::string ward = "q3-p" + std::to_string(w);
            write({"unit",
                   ward,
                   ward,
                   "admin",
                   {{"level", "ward"}, {"name", "Phường " + std::to_string(w)}, {"parent", "q3"}}});
            for (int k = 1; k <= 5; ++k) {
                const std::string kp = ward + "-kp" + std::to_string(k);
                write({"unit",
                       kp,
                       kp,
                       "admin",
                       {{"level", "neighbourhood"},
                        {"name", "Khu phố " + std::to_string(k)},
                        {"parent", ward}}});
                neighbourhoods.push_back(kp);
            }
        }
        std::vector<std::string> agencies;
        for (int a = 0; a < 20; ++a) {
            agencies.push_back("ag" + std::to_string(a));
            write({"agency",
                   agencies.back(),
                   "q3",
                   "admin",
                   {{"name", "Cơ quan " + std::to_string(a)}, {"level", "district"}}});
        }
        const auto& categories = petitionCategories();
        const auto t = Clock::now();
        std::ofstream codes(codesFile);
        for (int i = 0; i < petitions; ++i) {
            const std::string unit = neighbourhoods[rng() % neighbourhoods.size()];
            // Received over the last year, so that the default 90-day window holds a quarter.
            const std::int64_t received =
                now - static_cast<std::int64_t>(rng() % (365ULL * 86400000));
            const bool isPublic = rng() % 3 == 0;
            std::map<std::string, Json> set = {
                {"received_at", received},
                {"category", categories[rng() % categories.size()]},
                {"title", "Kiến nghị số " + std::to_string(i) + " về đường hẻm"},
                {"description", "Người dân phản ánh chi tiết " + std::to_string(i)},
                {"petitioner_name", "Nguyễn Văn " + std::to_string(rng() % 1000)},
                {"petitioner_contact", "0909" + std::to_string(100000 + rng() % 900000)},
                {"status", "assigned"},
                {"lead_agency", agencies[rng() % agencies.size()]},
                {"due_date", "2027-01-15"},
                {"public", isPublic}};
            const std::string id = write({"petition", "", unit, "bench", set});
            if (rng() % 2 == 0)  // half of them answered since
                write({"petition",
                       id,
                       unit,
                       "bench",
                       {{"status", "resolved"},
                        {"resolution", "Đã xử lý xong"},
                        {"resolved_at", received + 5 * 86400000LL}}});
            (isPublic ? publicCodes : hiddenCodes).push_back(receiptCode(id));
            codes << (isPublic ? "P " : "H ") << receiptCode(id) << "\n";
        }
        if (!r.setBulkLoad(false)) return 1;
        std::printf("data: %d petitions (%zu public) written in %.1f s\n", petitions,
                    publicCodes.size(), msSince(t) / 1000);
    }

    // ---- the real server as a child process -------------------------------------------------
    int out[2];
    if (::pipe(out) != 0) return 1;
    const std::string threadArg = std::to_string(threads), inFlight = std::to_string(clients + 8);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        ::close(out[0]);
        const std::string log = dir + "/server.log";
        ::execl(NGHEDAN_SERVER_BINARY, NGHEDAN_SERVER_BINARY, "serve", "--data", dir.c_str(),
                "--port", "0", "--public-rate", "0", "--threads", threadArg.c_str(),
                "--requests-per-address", inFlight.c_str(), "--connections-per-address",
                inFlight.c_str(), "--log-level", "warn", "--log-file", log.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(out[1]);
    std::string line, base;
    char ch;
    while (::read(out[0], &ch, 1) == 1) {
        if (ch != '\n') {
            line += ch;
            continue;
        }
        if (line.rfind("listening on ", 0) == 0) {
            base = line.substr(13);
            break;
        }
        line.clear();
    }
    if (base.empty()) return std::fprintf(stderr, "the server did not start\n"), 1;
    std::printf("server: %s, %d worker threads, %d clients, %u cores, rate limit off\n",
                base.c_str(), threads, clients, std::thread::hardware_concurrency());

    auto lookup = [&](std::mt19937_64& g) {
        // Four in five codes are real public ones; the rest unknown or not public (404).
        const unsigned k = static_cast<unsigned>(g() % 5);
        if (k < 4) return std::pair{"/tra-cuu?ma=" + publicCodes[g() % publicCodes.size()], 200};
        return std::pair{"/tra-cuu?ma=" + hiddenCodes[g() % hiddenCodes.size()], 404};
    };
    const auto& categories = petitionCategories();
    auto open311 = [&](std::mt19937_64& g) {
        std::string path = "/open311/v2/requests.json";
        switch (g() % 4) {
            case 0:
                break;
            case 1:
                path += "?status=" + std::string(g() % 2 ? "open" : "closed");
                break;
            case 2:
                path += "?service_code=" + categories[g() % categories.size()];
                break;
            case 3:
                path += "?page=" + std::to_string(1 + g() % 5) + "&page_size=50";
                break;
        }
        return std::pair{path, 200};
    };

    // What one request costs with nobody else asking: the floor under every percentile.
    const Phase soloLookup = run(base, 1, 3, lookup);
    const Phase soloOpen311 = run(base, 1, 3, open311);
    print("lookup, 1 client", soloLookup);
    print("open311 requests, 1 client", soloOpen311);

    double cpu0 = cpuSeconds(pid);
    const Phase l = run(base, clients, seconds, lookup, pace);
    const double cpuLookup = cpuSeconds(pid) - cpu0;
    cpu0 = cpuSeconds(pid);
    const Phase o = run(base, clients, seconds, open311, pace);
    const double cpuOpen311 = cpuSeconds(pid) - cpu0;
    char label[64];
    if (pace > 0) std::printf("clients paced at %.1f requests/s each\n", pace);
    std::snprintf(label, sizeof label, "lookup, %d clients", clients);
    print(label, l);
    std::snprintf(label, sizeof label, "open311 requests, %d clients", clients);
    print(label, o);
    std::printf(
        "server CPU: lookups %.1f s in %.1f s (%.2f cores, %.2f ms per request); open311 %.1f s in "
        "%.1f s (%.2f cores, %.2f ms per request)\n",
        cpuLookup, l.seconds, cpuLookup / l.seconds,
        1000 * cpuLookup / std::max<double>(1, static_cast<double>(l.ms.size())), cpuOpen311,
        o.seconds, cpuOpen311 / o.seconds,
        1000 * cpuOpen311 / std::max<double>(1, static_cast<double>(o.ms.size())));
    // Little's law: with every client always waiting, latency = clients / throughput.
    if (pace == 0)
        std::printf(
            "queueing: %d clients / %.0f lookups/s = %.1f ms mean wait; %d clients / %.0f "
            "queries/s = "
            "%.1f ms; the server "
            "serves at most %d at once (workers) and storage one at a time (one lock)\n",
            clients, static_cast<double>(l.ms.size()) / l.seconds,
            clients * 1000.0 / (static_cast<double>(l.ms.size()) / l.seconds), clients,
            static_cast<double>(o.ms.size()) / o.seconds,
            clients * 1000.0 / (static_cast<double>(o.ms.size()) / o.seconds), threads);
    std::printf("server peak memory: %ld KiB\n", peakRssKb(pid));
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
    if (ownDir && !std::getenv("NGHEDAN_KEEP_BENCH_DIR")) std::filesystem::remove_all(dir);
    return 0;
}
