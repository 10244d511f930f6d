#pragma once
// Helpers for the shared library's tests: temporary replica files and typical records.

#include <cstdio>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <random>
#include <string>

#include "nghedan/personal.h"
#include "nghedan/proof.h"
#include "nghedan/replica.h"

namespace nghedan::test {

/** A fresh directory removed at the end of the test. Uses /dev/shm when present: real SQLite
 *  files, but fsync does not dominate thousands of small property runs. */
class TempDir {
public:
    TempDir() {
        namespace fs = std::filesystem;
        const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
        std::random_device rd;
        m_path = base / ("nghedan-test-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

inline std::unique_ptr<Replica> openReplica(const std::string& path, ReplicaOptions options = {}) {
    auto r = Replica::open(path, std::move(options));
    if (!r) throw std::runtime_error("open " + path + ": " + r.error().message);
    return std::move(*r);
}

/** The fields a petition needs to be created. */
inline std::map<std::string, Json> petitionFields(const std::string& title) {
    return {{"title", title},
            {"category", "civil_records"},
            {"status", "received"},
            {"received_at", 1678435200000LL}};
}

/** Writes and fails the test's precondition loudly when the write is refused. */
inline Change mustWrite(Replica& r, WriteRequest w) {
    auto c = r.write(w);
    if (!c) throw std::runtime_error("write refused: " + c.error().message);
    return *c;
}

/** Teaches every replica the others' keys, as the server's pull replies would. */
inline void introduce(const std::vector<Replica*>& replicas) {
    for (Replica* to : replicas)
        for (Replica* from : replicas)
            if (to != from && !to->learnSiteKey({from->siteId(), from->publicKey(), 0, {}}))
                throw std::runtime_error("introducing replicas failed");
}

/** A device elsewhere whose changes a test builds by hand: it signs them with its own key. */
struct ForeignSite {
    std::string site = newSiteId();
    KeyPair key = newKeyPair();
    Change sign(Change c) const {
        c.site = site;
        saltPersonalValues(c);
        c.sig = signatureOf(c, key.secretKey);
        return c;
    }
    void introduceTo(Replica& r) const {
        if (!r.learnSiteKey({site, key.publicKey, 0, {}}))
            throw std::runtime_error("learning a key failed");
    }
};

/** The bytes of a replica's file and its WAL (empty when absent), to look for what must not be
 *  there. */
inline std::string fileAndWalBytes(const std::string& path) {
    std::string out;
    for (const std::string& p : {path, path + "-wal"}) {
        std::FILE* f = std::fopen(p.c_str(), "rb");
        if (!f) continue;
        char buf[65536];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
        std::fclose(f);
    }
    return out;
}

/** Every change stored in a replica, in arrival order. */
inline std::vector<Change> allChanges(Replica& r) {
    auto page = r.changesAfter(0, "", 10'000);
    if (!page) throw std::runtime_error(page.error().message);
    std::vector<Change> out = page->changes;
    while (page->more) {
        page = r.changesAfter(page->cursor, "", 10'000);
        out.insert(out.end(), page->changes.begin(), page->changes.end());
    }
    return out;
}

}  // namespace nghedan::test
