// field-week: replays one week of ward fieldwork (../shared/bench/field-week.jsonl.gz, format
// in its README) with 20 tablets, each its own replica file and SyncClient, against one real
// nghedan-server over loopback HTTP, through a counting proxy. Prints per phase wall time,
// changes/s, bytes on the wire each way (compressed, headers included), peak RSS; then checks
// that every replica is identical, that the expected conflicts are present and no write is lost.
//
// usage: nghedan-bench-field-week [--workload FILE.jsonl[.gz]]

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "../e2e/e2e_world.h"
#include "../e2e/faulty_proxy.h"
#include "sync_bench_util.h"

using namespace nghedan;
using namespace nghedan::test;
using namespace nghedan::bench;

namespace {

struct CreateRecord {
    int tablet = 0;
    std::string entity;
    Json record;
};
struct UpdateRecord {
    int tablet = 0;
    std::string id;
    Json fields;
};

struct Workload {
    Json params;
    int tablets = 0;
    std::vector<CreateRecord> creates;
    std::vector<UpdateRecord> updates;
};

std::optional<Workload> loadWorkload(const std::string& path) {
    auto lines = readLines(path);
    if (!lines) {
        std::cerr << "cannot read " << path << "\n";
        return std::nullopt;
    }
    Workload w;
    for (const std::string& line : *lines) {
        Json j = Json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object()) continue;
        const std::string kind = j.value("kind", "");
        if (kind == "params") {
            w.params = j;
        } else if (kind == "create") {
            w.creates.push_back({j.value("tablet", 0), j.value("entity", ""), j["record"]});
        } else if (kind == "update") {
            w.updates.push_back({j.value("tablet", 0), j.value("id", ""), j["fields"]});
        }
    }
    int maxTablet = -1;
    for (const auto& c : w.creates) maxTablet = std::max(maxTablet, c.tablet);
    for (const auto& u : w.updates) maxTablet = std::max(maxTablet, u.tablet);
    w.tablets = std::max(w.params.value("tablets", 0), maxTablet + 1);
    return w;
}

/** The workload's places and agencies as reference data: units "Phường N / Khu phố M" under
 *  one district, agencies by name (ward agencies in their ward). */
struct Reference {
    std::vector<UnitSpec> units;
    std::vector<AgencySpec> agencies;
    std::map<std::string, std::string> unitId;    ///< workload unit text -> unit id
    std::map<std::string, std::string> agencyId;  ///< agency name -> id
};

Reference buildReference(const Workload& w) {
    Reference ref;
    ref.units.push_back({"hcm", "Thành phố Hồ Chí Minh", "city", ""});
    ref.units.push_back({"qmau", "Quận mẫu", "district", "hcm"});
    std::map<std::string, std::string> wardId;
    auto ward = [&](const std::string& name) {
        auto it = wardId.find(name);
        if (it != wardId.end()) return it->second;
        const std::string id = "qmau-w" + std::to_string(wardId.size() + 1);
        wardId[name] = id;
        ref.units.push_back({id, name, "ward", "qmau"});
        return id;
    };
    for (const auto& c : w.creates) {
        const std::string text = c.record.value("unit", "");
        if (text.empty() || ref.unitId.count(text)) continue;
        const auto slash = text.find(" / ");
        const std::string wardName = slash == std::string::npos ? text : text.substr(0, slash);
        const std::string wid = ward(wardName);
        if (slash == std::string::npos) {
            ref.unitId[text] = wid;
            continue;
        }
        const std::string id = wid + "-n" + std::to_string(ref.unitId.size() + 1);
        ref.units.push_back({id, text, "neighbourhood", wid});
        ref.unitId[text] = id;
    }
    for (const auto& c : w.creates) {
        const std::string name = c.record.value("assignee", "");
        if (name.empty() || ref.agencyId.count(name)) continue;
        const std::string id = "ag-" + std::to_string(ref.agencyId.size() + 1);
        ref.agencyId[name] = id;
        // "Công an Phường 4", "Trạm Y tế Phường 7 – ...": the ward's agency; others: district.
        std::string unit = "qmau", level = "district";
        for (const auto& [wname, wid] : wardId) {
            const auto at = name.find(wname);
            if (at == std::string::npos) continue;
            const std::size_t end = at + wname.size();
            if (end < name.size() && std::isdigit(static_cast<unsigned char>(name[end]))) continue;
            unit = wid;
            level = "ward";
        }
        ref.agencies.push_back({id, name, level, unit});
    }
    return ref;
}

std::string categoryCode(const std::string& label) {
    static const std::map<std::string, std::string> codes = {
        {"An ninh trật tự", "security_order"},
        {"Chính sách xã hội", "social_welfare"},
        {"Vệ sinh môi trường", "environment_sanitation"},
        {"Giao thông – trật tự đô thị", "urban_transport"},
        {"Hộ tịch – cư trú", "civil_records"},
        {"Căn cước công dân", "civil_records"},
        {"Y tế – giáo dục", "health_insurance"},
        {"Đất đai – xây dựng", "land_construction"}};
    auto it = codes.find(label);
    return it == codes.end() ? "other" : it->second;
}

std::string petitionStatus(const std::string& status) {
    return status == "transferred" ? "escalated" : status;
}

/** Counters of one phase. */
struct PhaseResult {
    std::string name;
    double seconds = 0;
    std::uint64_t changes = 0;
    std::uint64_t up = 0, down = 0, requests = 0;
    double serverCpu = 0, tabletCpu = 0;
    bool sync = false;
};

}  // namespace

int main(int argc, char** argv) {
    std::string workloadPath = NGHEDAN_FIELD_WEEK_DEFAULT;
    int parallel = 4;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--workload" && i + 1 < argc) {
            workloadPath = argv[++i];
        } else if (a == "--parallel" && i + 1 < argc) {
            parallel = std::max(1, std::atoi(argv[++i]));
        } else {
            std::cout << "usage: " << argv[0] << " [--workload FILE.jsonl[.gz]] [--parallel N]\n"
                      << "  --parallel N  tablets syncing at the same time (default 4)\n";
            return a == "--help" || a == "-h" ? 0 : 2;
        }
    }
    const auto loadStart = Clock::now();
    auto workload = loadWorkload(workloadPath);
    if (!workload) return 1;
    const Reference ref = buildReference(*workload);
    std::printf(
        "field-week: %s\n  %d tablets, %zu creates, %zu updates, %zu units, %zu agencies "
        "(loaded in %.2f s)\n",
        workloadPath.c_str(), workload->tablets, workload->creates.size(), workload->updates.size(),
        ref.units.size(), ref.agencies.size(), secondsSince(loadStart));

    WorldOptions options;
    options.tablets = workload->tablets;
    options.units = ref.units;
    options.agencies = ref.agencies;
    options.userPrefix = "tablet-";
    options.tabletScope = "qmau";
    options.serverArgs = tabletsFromOneAddress({"--log-level", "warn"});
    options.client.maxAttempts = 5;
    World world(options, "nghedan-bench-fw");
    const auto setupStart = Clock::now();
    if (!world.setUp()) return 1;
    FaultyProxy proxy(world.server().port());  // no faults: counts bytes
    world.setBaseUrl(proxy.url());
    std::vector<PhaseResult> phases;
    auto runPhase = [&](const std::string& name, bool isSync, auto&& body) -> bool {
        PhaseResult r;
        r.name = name;
        r.sync = isSync;
        const auto up = proxy.bytesUp(), down = proxy.bytesDown(), req = proxy.requests();
        const double serverCpu0 = cpuSeconds(world.server().pid()), selfCpu0 = cpuSeconds();
        const auto start = Clock::now();
        auto changes = body();
        r.seconds = secondsSince(start);
        r.serverCpu = cpuSeconds(world.server().pid()) - serverCpu0;
        r.tabletCpu = cpuSeconds() - selfCpu0;
        if (!changes) return false;
        r.changes = *changes;
        r.up = proxy.bytesUp() - up;
        r.down = proxy.bytesDown() - down;
        r.requests = proxy.requests() - req;
        phases.push_back(r);
        std::printf(
            "  %-28s %7.2f s  %8llu changes  %9.0f changes/s  up %s  down %s  (%llu "
            "requests; cpu: server %.1f s, tablets %.1f s; per 1,000 changes: server %.0f ms, "
            "tablets %.0f ms)\n",
            name.c_str(), r.seconds, static_cast<unsigned long long>(r.changes),
            r.seconds > 0 ? static_cast<double>(r.changes) / r.seconds : 0.0,
            mib(static_cast<double>(r.up)).c_str(), mib(static_cast<double>(r.down)).c_str(),
            static_cast<unsigned long long>(r.requests), r.serverCpu, r.tabletCpu,
            r.changes ? r.serverCpu * 1e6 / static_cast<double>(r.changes) : 0.0,
            r.changes ? r.tabletCpu * 1e6 / static_cast<double>(r.changes) : 0.0);
        std::fflush(stdout);
        return true;
    };
    // Every tablet syncs (or only pushes) once per round, `parallel` at a time (each replica on
    // one thread), as the workload's phases say: every tablet pushes, then every tablet pulls.
    enum class Mode { Push, Sync, SyncUntilQuiet };
    auto syncAll = [&](Mode mode) -> std::optional<std::uint64_t> {
        const bool untilQuiet = mode == Mode::SyncUntilQuiet;
        std::uint64_t moved = 0;
        for (int round = 0; round < 10; ++round) {
            std::atomic<std::uint64_t> roundMoved{0};
            std::atomic<std::size_t> next{0};
            std::atomic<bool> failed{false};
            std::vector<std::thread> pool;
            for (int k = 0; k < parallel; ++k) {
                pool.emplace_back([&] {
                    for (std::size_t i; (i = next++) < world.tablets().size();) {
                        Tablet& t = world.tablet(i);
                        auto r = World::syncWithRetries(t, 5, mode == Mode::Push);
                        if (!r) {
                            std::cerr << t.name << ": sync failed: " << r.error().code << " "
                                      << r.error().message << "\n";
                            failed = true;
                            continue;
                        }
                        roundMoved += r->pushed + r->pulled;
                    }
                });
            }
            for (auto& th : pool) th.join();
            if (failed) return std::nullopt;
            moved += roundMoved;
            if (!untilQuiet || roundMoved == 0) return moved;
        }
        return moved;
    };

    std::printf("  setup (server, %d users, logins) %.2f s\n", workload->tablets,
                secondsSince(setupStart));
    if (!runPhase("first sync (reference data)", false, [&] { return syncAll(Mode::Sync); })) return 1;

    // ---- phase 1: create offline -------------------------------------------------------
    std::map<std::string, std::int64_t> meetingTime;
    std::uint64_t writeErrors = 0;
    if (!runPhase("create (offline writes)", false, [&]() -> std::optional<std::uint64_t> {
            std::uint64_t n = 0;
            for (const auto& c : workload->creates) {
                Tablet& t = world.tablet(static_cast<std::size_t>(c.tablet));
                const Json& r = c.record;
                const std::string unit = ref.unitId.at(r.value("unit", ""));
                std::map<std::string, Json> set;
                if (c.entity == "meeting") {
                    const auto held = parseIsoTime(r.value("held_at", "")).value_or(0);
                    meetingTime[r.value("id", "")] = held;
                    Json people = Json::array();
                    for (const auto& name : r.value("attendees", Json::array()))
                        people.push_back({{"name", name}, {"role", "Người dân"}});
                    set = {{"held_at", held},     {"title", r.value("title", "")},
                           {"attendees", people}, {"minutes", r.value("minutes", "")},
                           {"status", "draft"},   {"recorded_by", r.value("created_by", "")}};
                } else {
                    const std::string summary = r.value("summary", "");
                    const std::string meeting = r.value("meeting_id", "");
                    const std::int64_t received =
                        meetingTime.count(meeting) ? meetingTime[meeting] : 1740960000000LL;
                    set = {{"received_at", received},
                           {"category", categoryCode(r.value("category", ""))},
                           {"title", utf8Prefix(summary, 120)},
                           {"description", summary},
                           {"petitioner_name", r.value("petitioner", "")},
                           {"status", petitionStatus(r.value("status", "received"))},
                           {"channel", "meeting"}};
                    if (!meeting.empty()) set["meeting"] = meeting;
                    if (auto a = ref.agencyId.find(r.value("assignee", ""));
                        a != ref.agencyId.end())
                        set["lead_agency"] = a->second;
                    if (r.contains("due")) set["due_date"] = r.value("due", "");
                }
                auto w = t.write(c.entity, r.value("id", ""), unit, std::move(set));
                if (!w) {
                    if (++writeErrors < 5)
                        std::cerr << "write failed: " << w.error().code << " " << w.error().message
                                  << "\n";
                    continue;
                }
                ++n;
            }
            return n;
        }))
        return 1;

    // ---- phase 2: push all, pull all ----------------------------------------------------
    if (!runPhase("push all", true, [&] { return syncAll(Mode::Push); })) return 1;
    if (!runPhase("pull all", true, [&] { return syncAll(Mode::SyncUntilQuiet); })) return 1;

    // ---- phase 3: offline updates -------------------------------------------------------
    std::map<std::string, int> owner;  // petition id -> creating tablet
    for (const auto& c : workload->creates)
        if (c.entity == "petition") owner[c.record.value("id", "")] = c.tablet;
    std::set<std::string> foreignUpdated;
    if (!runPhase("offline updates", false, [&]() -> std::optional<std::uint64_t> {
            std::uint64_t n = 0;
            for (const auto& u : workload->updates) {
                Tablet& t = world.tablet(static_cast<std::size_t>(u.tablet));
                std::map<std::string, Json> set{
                    {"status", petitionStatus(u.fields.value("status", ""))}};
                if (set["status"] == "resolved") {
                    if (auto at = parseIsoTime(u.fields.value("updated_at", "")))
                        set["resolved_at"] = *at;
                }
                auto w = t.write("petition", u.id, "", std::move(set));
                if (!w) {
                    if (++writeErrors < 5)
                        std::cerr << "update failed: " << w.error().code << " " << w.error().message
                                  << "\n";
                    continue;
                }
                if (owner.count(u.id) && owner[u.id] != u.tablet) foreignUpdated.insert(u.id);
                ++n;
            }
            return n;
        }))
        return 1;

    // ---- phase 4: push all, pull all until identical ------------------------------------
    if (!runPhase("push all", true, [&] { return syncAll(Mode::Push); })) return 1;
    if (!runPhase("pull all until identical", true, [&] { return syncAll(Mode::SyncUntilQuiet); })) return 1;

    double syncSeconds = 0;
    std::uint64_t syncUp = 0, syncDown = 0;
    for (const auto& p : phases) {
        if (!p.sync) continue;
        syncSeconds += p.seconds;
        syncUp += p.up;
        syncDown += p.down;
    }
    const long serverRss = world.server().peakRssKb();
    std::printf(
        "  (%d tablets syncing at a time; 'changes' counts changes pushed + new changes "
        "applied by tablets)\n",
        parallel);
    std::printf(
        "  sync phases total: %.2f s (target < 4 s)   wire: up %s + down %s = %s (target < 25 "
        "MB)\n",
        syncSeconds, mib(static_cast<double>(syncUp)).c_str(),
        mib(static_cast<double>(syncDown)).c_str(),
        mib(static_cast<double>(syncUp + syncDown)).c_str());
    std::printf("  peak RSS: server %.1f MiB, bench process (%d tablets + proxy) %.1f MiB\n",
                serverRss / 1024.0, workload->tablets, peakRssKb() / 1024.0);

    // ---- verification -------------------------------------------------------------------
    bool ok = writeErrors == 0;
    if (writeErrors)
        std::printf("  FAIL: %llu writes failed\n", static_cast<unsigned long long>(writeErrors));
    world.server().stop();
    auto server = world.openServerReplica();
    if (!server) return 1;
    auto firstDump = world.tablet(0).replica->materialisedDump();
    int identical = 0;
    for (auto& t : world.tablets()) {
        auto d = t->replica->materialisedDump();
        if (d && firstDump && *d == *firstDump &&
            t->replica->changeCount() == world.tablet(0).replica->changeCount())
            ++identical;
    }
    std::printf("  replicas identical: %d / %d\n", identical, workload->tablets);
    ok = ok && identical == workload->tablets;

    int conflicts = 0;
    for (const auto& id : foreignUpdated) {
        auto v = world.tablet(0).replica->get("petition", id);
        if (v && *v && (*v)->conflicts.count("status")) ++conflicts;
    }
    std::printf("  conflicts on status: %d (expected %zu)\n", conflicts, foreignUpdated.size());
    ok = ok && conflicts == static_cast<int>(foreignUpdated.size()) && conflicts > 0;

    // No write lost: every tablet's changes are on the server and on every other tablet.
    std::uint64_t written = 0, onServer = 0;
    for (auto& t : world.tablets()) {
        auto own = t->replica->changesOfSite(t->replica->siteId(), 0, 10'000'000);
        auto there = server->changesOfSite(t->replica->siteId(), 0, 10'000'000);
        if (own) written += own->size();
        if (there) onServer += there->size();
    }
    const std::uint64_t expected = workload->creates.size() + workload->updates.size();
    std::printf(
        "  writes: %llu made, %llu on the server (expected %llu); server changes %llu, "
        "tablet changes %llu\n",
        static_cast<unsigned long long>(written), static_cast<unsigned long long>(onServer),
        static_cast<unsigned long long>(expected),
        static_cast<unsigned long long>(server->changeCount()),
        static_cast<unsigned long long>(world.tablet(0).replica->changeCount()));
    ok = ok && written == expected && onServer == expected;
    auto serverDump = server->materialisedDump();
    // The server also holds reference data outside the tablets' scope (the city unit).
    std::printf(
        "  tablet state equals server state: %s\n",
        serverDump && firstDump && *serverDump == *firstDump ? "yes" : "no (scope: district)");
    std::printf("  result: %s\n", ok ? "OK" : "FAILED");
    proxy.stop();
    return ok ? 0 : 1;
}
