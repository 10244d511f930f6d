#pragma once
// An end-to-end world: one real nghedan-server process on a temp data directory seeded with
// units, agencies and users through its admin subcommands, and N tablets, each its own
// Replica file and SyncClient. Shared by the e2e tests and the sync benchmarks.

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <httplib.h>

#include "nghedan/replica.h"
#include "nghedan/sync_client.h"
#include "server_process.h"

#ifndef NGHEDAN_SERVER_BINARY
#error "NGHEDAN_SERVER_BINARY must name the nghedan-server executable"
#endif

namespace nghedan::test {

inline const std::string kTestPassword = "mat-khau-thu-123";

/** One unit of the reference tree. */
struct UnitSpec {
    std::string id, name, level, parent;
};
struct AgencySpec {
    std::string id, name, level, unit;
};

/** City "hcm" → district "q3" → wards q3-p1..q3-p{wards} → neighbourhoods
 *  q3-p{w}-kp1..kp{neighbourhoods}. */
inline std::vector<UnitSpec> districtUnits(int wards = 3, int neighbourhoods = 2) {
    std::vector<UnitSpec> units{{"hcm", "Thành phố Hồ Chí Minh", "city", ""},
                                {"q3", "Quận 3", "district", "hcm"}};
    for (int w = 1; w <= wards; ++w) {
        const std::string ward = "q3-p" + std::to_string(w);
        units.push_back({ward, "Phường " + std::to_string(w), "ward", "q3"});
        for (int k = 1; k <= neighbourhoods; ++k) {
            units.push_back({ward + "-kp" + std::to_string(k),
                             "Phường " + std::to_string(w) + " / Khu phố " + std::to_string(k),
                             "neighbourhood", ward});
        }
    }
    return units;
}

inline std::vector<AgencySpec> districtAgencies() {
    return {{"ag-congan-q3", "Công an Quận 3", "district", "q3"},
            {"ag-doanthanhnien-q3", "Quận đoàn Quận 3", "district", "q3"},
            {"ag-yte-q3", "Trung tâm Y tế Quận 3", "district", "q3"},
            {"ag-sogtvt", "Sở Giao thông vận tải", "city", "hcm"}};
}

/** A tablet: its replica file, its user and its sync client. */
struct Tablet {
    std::string name;
    std::string user;
    std::string path;
    ReplicaOptions replicaOptions;
    std::unique_ptr<Replica> replica;
    std::unique_ptr<SyncClient> client;
    SyncClientOptions clientOptions;

    /** Opens (or reopens) the replica and a client for `baseUrl`, keeping the token. */
    bool open(const std::string& baseUrl) {
        const std::string token = client ? client->options().token : clientOptions.token;
        client.reset();
        replica.reset();
        auto r = Replica::open(path, replicaOptions);
        if (!r) {
            std::cerr << name << ": cannot open " << path << ": " << r.error().message << "\n";
            return false;
        }
        replica = std::move(*r);
        clientOptions.baseUrl = baseUrl;
        clientOptions.token = token;
        client = std::make_unique<SyncClient>(*replica, clientOptions);
        return true;
    }

    Result<std::string> login() {
        auto who = client->login(user, kTestPassword);
        if (!who) return who.error();
        return who->token;
    }
    Result<SyncResult> sync(const std::function<void(const SyncProgress&)>& progress = {}) {
        return client->sync(progress);
    }
    /** A write by this tablet's user. */
    Result<Change> write(const std::string& entity, const std::string& id, const std::string& unit,
                         std::map<std::string, Json> set) {
        return replica->write(WriteRequest{entity, id, unit, user, std::move(set)});
    }
};

struct WorldOptions {
    int tablets = 3;
    int wards = 3;
    int neighbourhoods = 2;
    std::string tabletScope = "hcm";
    std::string role = "official";
    /** One user per tablet ("canbo01"...) or all tablets as one user when false. */
    bool userPerTablet = true;
    std::string userPrefix = "canbo";     ///< users are prefix01, prefix02...
    std::vector<UnitSpec> units;          ///< empty: districtUnits(wards, neighbourhoods)
    std::vector<AgencySpec> agencies;     ///< empty: districtAgencies()
    std::vector<std::string> serverArgs;  ///< extra `serve` flags
    SyncClientOptions client;             ///< template for every tablet
};

/** The server and the tablets of one test. */
class World {
public:
    explicit World(WorldOptions options = {}, const std::string& tmpPrefix = "nghedan-e2e")
        : m_options(std::move(options)),
          m_tmp(tmpPrefix),
          m_server(NGHEDAN_SERVER_BINARY, m_tmp.file("data"), m_options.serverArgs) {}

    /** Seeds the data directory (units, agencies, users) and starts the server. */
    bool setUp() {
        std::filesystem::create_directories(m_tmp.file("data"));
        if (!importReferenceData()) return false;
        const int users = m_options.userPerTablet ? m_options.tablets : 1;
        for (int i = 0; i < users; ++i) {
            if (!addUser(userName(i), m_options.role, m_options.tabletScope)) return false;
        }
        if (!m_server.start()) {
            std::cerr << "server start failed: " << m_server.lastError() << "\n";
            return false;
        }
        for (int i = 0; i < m_options.tablets; ++i) {
            if (!addTablet(m_options.userPerTablet ? userName(i) : userName(0))) return false;
        }
        return true;
    }

    std::string userName(int i) const {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%02d", i + 1);
        return m_options.userPrefix + buf;
    }

    /** `user add` through the admin subcommand (password on stdin). */
    bool addUser(const std::string& name, const std::string& role, const std::string& scope) {
        auto r = m_server.admin({"user", "add", name, "--role", role, "--scope", scope, "--name",
                                 "Cán bộ " + name, "--password-stdin"},
                                kTestPassword + "\n");
        if (r.exitCode != 0) {
            std::cerr << "user add " << name << " failed: " << r.output << "\n";
            return false;
        }
        return true;
    }

    /** A new tablet (replica file tablet-N.db) for `user`; logs in. */
    bool addTablet(const std::string& user, ReplicaOptions replicaOptions = {}, bool login = true) {
        auto t = std::make_unique<Tablet>();
        t->name = "tablet-" + std::to_string(m_tablets.size() + 1);
        t->user = user;
        t->path = m_tmp.file(t->name + ".db");
        t->replicaOptions = std::move(replicaOptions);
        t->clientOptions = m_options.client;
        if (!t->open(baseUrl())) return false;
        if (login) {
            auto token = t->login();
            if (!token) {
                std::cerr << t->name << " login failed: " << token.error().code << " "
                          << token.error().message << "\n";
                return false;
            }
        }
        m_tablets.push_back(std::move(t));
        return true;
    }

    /** The URL tablets use: the server's, or a proxy's set with setBaseUrl(). */
    std::string baseUrl() const { return m_baseUrl.empty() ? m_server.url() : m_baseUrl; }
    void setBaseUrl(const std::string& url) {
        m_baseUrl = url;
        for (auto& t : m_tablets) t->open(baseUrl());
    }

    ServerProcess& server() { return m_server; }
    TempDir& tmp() { return m_tmp; }
    std::vector<std::unique_ptr<Tablet>>& tablets() { return m_tablets; }
    Tablet& tablet(std::size_t i) { return *m_tablets.at(i); }
    std::string databasePath() const { return m_server.dataDir() + "/nghedan.db"; }

    /** Opens the server's database (read side: materialisedDump, changes) while it is
     *  stopped; the caller restarts it when needed. */
    std::unique_ptr<Replica> openServerReplica() {
        auto r = Replica::open(databasePath());
        if (!r) {
            std::cerr << "cannot open the server database: " << r.error().message << "\n";
            return nullptr;
        }
        return std::move(*r);
    }

    /** Syncs one tablet (or only pushes, `pushOnly`), retrying failed syncs (faults) up to
     *  `tries` times and signing in again when the token was refused. */
    static Result<SyncResult> syncWithRetries(Tablet& t, int tries = 20, bool pushOnly = false) {
        Result<SyncResult> last = Error{"none", "not tried"};
        for (int i = 0; i < tries; ++i) {
            last = pushOnly ? t.client->push() : t.sync();
            if (last) return last;
            if (last.error().code == "unauthorized") {
                if (auto token = t.login(); !token) continue;
            }
        }
        return last;
    }

    /** Rounds of syncing every tablet in `order`-shuffled order until a whole round moves
     *  nothing (every tablet pushed and pulled zero changes, nothing unsent). */
    template <class Rng>
    bool syncUntilQuiescent(Rng& rng, int maxRounds = 10, int tries = 20) {
        for (int round = 0; round < maxRounds; ++round) {
            std::vector<std::size_t> order(m_tablets.size());
            for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
            std::shuffle(order.begin(), order.end(), rng);
            bool moved = false;
            for (std::size_t i : order) {
                auto r = syncWithRetries(*m_tablets[i], tries);
                if (!r) {
                    std::cerr << m_tablets[i]->name << " sync failed: " << r.error().code << " "
                              << r.error().message << "\n";
                    return false;
                }
                if (r->pushed > 0 || r->pulled > 0 || m_tablets[i]->replica->unsentCount() > 0)
                    moved = true;
            }
            if (!moved && round > 0) return true;
        }
        return false;
    }

private:
    bool importReferenceData() {
        Json units = Json::array();
        const auto unitList = m_options.units.empty()
                                  ? districtUnits(m_options.wards, m_options.neighbourhoods)
                                  : m_options.units;
        for (const auto& u : unitList) {
            Json row{{"id", u.id}, {"code", u.id}, {"name", u.name}, {"level", u.level}};
            if (!u.parent.empty()) row["parent"] = u.parent;
            units.push_back(row);
        }
        Json agencies = Json::array();
        for (const auto& a : m_options.agencies.empty() ? districtAgencies() : m_options.agencies) {
            agencies.push_back(
                {{"id", a.id}, {"name", a.name}, {"level", a.level}, {"unit", a.unit}});
        }
        std::ofstream(m_tmp.file("units.json")) << units.dump();
        std::ofstream(m_tmp.file("agencies.json")) << agencies.dump();
        for (const char* kind : {"units", "agencies"}) {
            auto r = m_server.admin({"import", kind, m_tmp.file(std::string(kind) + ".json")});
            if (r.exitCode != 0) {
                std::cerr << "import " << kind << " failed: " << r.output << "\n";
                return false;
            }
        }
        return true;
    }

    WorldOptions m_options;
    TempDir m_tmp;
    ServerProcess m_server;
    std::string m_baseUrl;
    std::vector<std::unique_ptr<Tablet>> m_tablets;
};

/** GET /api/v1/sync/state with a tablet's token: the server's highest seq per site. */
inline std::optional<std::map<std::string, std::uint64_t>> serverSites(const std::string& url,
                                                                       const std::string& token) {
    httplib::Client http(url);
    http.set_connection_timeout(5);
    http.set_read_timeout(30);
    auto res = http.Get("/api/v1/sync/state", {{"Authorization", "Bearer " + token},
                                                {kClientVersionHeader, std::to_string(kClientVersion)}});
    if (!res || res->status != 200) return std::nullopt;
    Json body = Json::parse(res->body, nullptr, false);
    if (body.is_discarded() || !body.contains("sites")) return std::nullopt;
    std::map<std::string, std::uint64_t> out;
    for (auto it = body["sites"].begin(); it != body["sites"].end(); ++it)
        out[it.key()] = it.value().get<std::uint64_t>();
    return out;
}

}  // namespace nghedan::test
