#pragma once
// Small helpers of the e2e tests: seeds, random edits, and the checks every test ends with.

#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "e2e_world.h"

namespace nghedan::test {

/** NGHEDAN_SEED if set, else a random seed; printed so a failure can be replayed. */
inline std::uint64_t testSeed(const char* testName) {
    std::uint64_t seed = 0;
    if (const char* env = std::getenv("NGHEDAN_SEED")) seed = std::strtoull(env, nullptr, 10);
    if (seed == 0)
        seed = std::random_device{}() | (static_cast<std::uint64_t>(std::random_device{}()) << 32);
    std::cout << testName << ": seed " << seed << " (replay with NGHEDAN_SEED=" << seed << ")\n";
    return seed;
}

/** A value someone wrote, to find again later (current or in the history). */
struct Written {
    std::string entity, id, field;
    Json value;
    Dot dot;
};

/** Remembers every successful write of the test. */
struct WriteLog {
    std::vector<Written> writes;
    std::map<std::string, std::string> unitOf;  ///< petition id -> unit
    std::vector<std::string> petitions;
    std::uint64_t changes = 0;  ///< successful writes (one change each)

    bool record(const Result<Change>& change) {
        if (!change) {
            std::cerr << "write failed: " << change.error().code << " " << change.error().message
                      << "\n";
            return false;
        }
        ++changes;
        for (const auto& [field, value] : change->set)
            writes.push_back({change->entity, change->id, field, value, change->dot()});
        return true;
    }
};

inline const std::vector<std::string> kUnitsForTests = {"q3-p1-kp1", "q3-p1-kp2", "q3-p2-kp1",
                                                        "q3-p2-kp2", "q3-p3-kp1", "q3-p3-kp2"};

/** A new petition written by `t`. */
template <class Rng>
bool createPetition(Tablet& t, WriteLog& log, Rng& rng, int n) {
    const std::string unit = kUnitsForTests[rng() % kUnitsForTests.size()];
    auto c = t.write("petition", "", unit,
                     {{"title", "Kiến nghị số " + std::to_string(n) + " của " + t.name},
                      {"received_at", Json(std::int64_t{1740000000000} + std::int64_t{n} * 60000)},
                      {"category", "urban_transport"},
                      {"status", "received"},
                      {"description", "Người dân phản ánh xe khách dừng đỗ trên đường nội bộ."}});
    if (!log.record(c)) return false;
    log.petitions.push_back(c->id);
    log.unitOf[c->id] = unit;
    return true;
}

/** A random edit of a random known petition by `t` (skips petitions `t` does not hold). */
template <class Rng>
bool editPetition(Tablet& t, WriteLog& log, Rng& rng, int n) {
    if (log.petitions.empty()) return true;
    const std::string id = log.petitions[rng() % log.petitions.size()];
    auto view = t.replica->get("petition", id);
    if (!view || !*view) return true;  // not pulled here yet
    static const std::vector<std::string> statuses = {"assigned", "in_progress", "resolved",
                                                      "escalated", "closed"};
    static const std::vector<std::string> priorities = {"low", "normal", "high", "urgent"};
    static const std::vector<std::string> agencies = {"ag-congan-q3", "ag-doanthanhnien-q3",
                                                      "ag-yte-q3", "ag-sogtvt"};
    std::map<std::string, Json> set;
    switch (rng() % 6) {
        case 0:
            set["status"] = statuses[rng() % statuses.size()];
            break;
        case 1:
            set["priority"] = priorities[rng() % priorities.size()];
            break;
        case 2:
            set["title"] = "Tiêu đề sửa lần " + std::to_string(n) + " bởi " + t.name;
            break;
        case 3:
            set["lead_agency"] = agencies[rng() % agencies.size()];
            break;
        case 4:
            set["due_date"] =
                "2025-0" + std::to_string(1 + rng() % 9) + "-1" + std::to_string(rng() % 10);
            break;
        default:
            set["households"] = static_cast<int>(rng() % 50);
            set["status"] = statuses[rng() % statuses.size()];
            break;
    }
    return log.record(t.write("petition", id, "", std::move(set)));
}

/** Every value in `log` is on `replica`, current or in the history, with its dot. */
inline std::vector<std::string> missingWrites(Replica& replica, const WriteLog& log) {
    std::vector<std::string> missing;
    std::map<std::pair<std::string, std::string>, std::vector<VersionView>> cache;
    for (const Written& w : log.writes) {
        auto key = std::make_pair(w.entity, w.id);
        auto it = cache.find(key);
        if (it == cache.end()) {
            auto h = replica.history(w.entity, w.id);
            it = cache.emplace(key, h ? *h : std::vector<VersionView>{}).first;
        }
        bool found = false;
        for (const VersionView& v : it->second)
            if (v.field == w.field && v.dot == w.dot && v.value == w.value) found = true;
        if (!found)
            missing.push_back(w.entity + " " + w.id + "." + w.field + " = " + w.value.dump() +
                              " by " + w.dot.site + ":" + std::to_string(w.dot.seq));
    }
    return missing;
}

/** Number of petitions with at least one field holding several current values. */
inline int conflictedPetitions(Replica& replica, const WriteLog& log) {
    int n = 0;
    for (const std::string& id : log.petitions) {
        auto view = replica.get("petition", id);
        if (view && *view && !(*view)->conflicts.empty()) ++n;
    }
    return n;
}

/** For each site: its changes in seq order carry strictly increasing HLC stamps. Returns the
 *  sites where they do not. */
inline std::vector<std::string> sitesOutOfOrder(Replica& replica) {
    std::vector<std::string> bad;
    auto sites = replica.siteVector();
    if (!sites) return {"siteVector failed"};
    for (const auto& [site, high] : *sites) {
        auto changes = replica.changesOfSite(site, 0, 1'000'000);
        if (!changes) return {"changesOfSite failed"};
        for (std::size_t i = 1; i < changes->size(); ++i) {
            if ((*changes)[i].hlc <= (*changes)[i - 1].hlc) {
                bad.push_back(site + " seq " + std::to_string((*changes)[i].seq));
                break;
            }
        }
    }
    return bad;
}

}  // namespace nghedan::test
