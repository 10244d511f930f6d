// Replica benchmark: prints figures, asserts nothing. Run: build/tests/bench/nghedan-bench-replica
// [--dir DIR] [--petitions N] [--encrypt]. Uses a fresh file on disk (fsync is part of what is
// measured). --encrypt: every file encrypted at rest (encrypted_vfs.h) under a data key from a
// PIN-wrapped key file (local_key.h); run once with and once without to compare.
//
//  1. durable local write latency of a 15-field petition (p50/p99)
//  2. applying remote changes: 1,000,000 field values (100,000 petitions created with 8 fields,
//     then each edited with 2 fields and bases) in batches of 2,000 changes, each change's
//     signature verified; and the cost of signing and verifying one change alone
//  3. the same values inserted raw into a plain SQLite table, same settings; the ratio
//  4. FTS search and filtered list latency over the 100,000 petitions
//  5. opening the 100,000-petition replica again, and its first list
//  6. peak RSS (and with --encrypt the Argon2id unlock of the key file)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include <unistd.h>

#include "bench_stats.h"
#include "nghedan/local_key.h"
#include "nghedan/personal.h"
#include "nghedan/proof.h"
#include "nghedan/replica.h"

using namespace nghedan;
using namespace nghedan::bench;

namespace {

// Vietnamese is written in syllables; descriptions draw from a few hundred of them, so a
// query matches a realistic share of petitions rather than all of them.
const std::vector<std::string> kSyllables = {
    "an", "ninh", "trật", "tự", "vệ", "sinh", "môi", "trường", "đường", "hẻm", "ngập", "nước",
    "căn", "cước", "gắn", "chip", "bảo", "hiểm", "y", "tế", "xe", "khách", "dừng", "đỗ", "rác",
    "thải", "chiếu", "sáng", "cây", "xanh", "hộ", "nghèo", "khu", "phố", "cử", "tri", "kiến",
    "nghị", "phản", "ánh", "Đức", "phường", "quận", "nhà", "đất", "xây", "dựng", "giấy", "tờ",
    "hộ", "tịch", "khai", "sinh", "học", "bổng", "trợ", "cấp", "người", "già", "trẻ", "em",
    "cống", "thoát", "lề", "lấn", "chiếm", "buôn", "bán", "ồn", "ào", "karaoke", "chó", "mèo",
    "điện", "nước", "sạch", "giá", "cả", "việc", "làm", "vay", "vốn", "sửa", "chữa", "trường",
    "lớp", "bệnh", "viện", "trạm", "xá", "công", "viên", "sân", "chơi", "đèn", "tín", "hiệu",
    "biển", "báo", "cấm", "kẹt", "xe", "vỉa", "hè", "mặt", "bằng", "giải", "tỏa", "đền", "bù",
    "tái", "định", "cư", "phí", "lệ", "thủ", "tục", "hành", "chính", "một", "cửa", "đăng", "ký",
    "tạm", "trú", "thường", "ma", "túy", "trộm", "cắp", "cướp", "giật", "camera", "tuần", "tra",
    "dân", "phòng", "chữa", "cháy", "nổ", "bình", "gas", "dây", "điện", "cáp", "viễn", "thông",
    "muỗi", "sốt", "xuất", "huyết", "dịch", "bệnh", "tiêm", "chủng", "vắc", "xin", "khám",
    "chữa", "thuốc", "men", "rượu", "bia", "đánh", "nhau", "gây", "rối", "lô", "cốt", "nhà",
    "trọ", "công", "nhân", "lương", "hưu", "thương", "binh", "liệt", "sĩ", "chính", "sách"};
const std::vector<std::string> kNames = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường",
                                         "Phạm Thị Dung", "Võ Văn Đức", "Huỳnh Thị Em"};

std::string sentence(std::mt19937_64& rng, int words) {
    std::string s;
    for (int i = 0; i < words; ++i) {
        if (i) s += ' ';
        s += kSyllables[rng() % kSyllables.size()];
    }
    return s;
}

std::map<std::string, Json> petition(std::mt19937_64& rng, int fields) {
    std::map<std::string, Json> f = {
        {"title", sentence(rng, 5)},
        {"category", petitionCategories()[rng() % petitionCategories().size()]},
        {"status", "received"},
        {"received_at", 1'700'000'000'000LL + static_cast<long long>(rng() % 30'000'000'000ULL)},
        {"description", sentence(rng, 30)},
        {"petitioner_name", kNames[rng() % kNames.size()]},
        {"location", "Hẻm " + std::to_string(rng() % 400) + " đường Trần Quốc Thảo"},
        {"households", static_cast<int>(rng() % 50)},
    };
    if (fields >= 15) {
        f["channel"] = "meeting";
        f["petitioner_contact"] = "09" + std::to_string(10'000'000 + rng() % 89'999'999);
        f["priority"] = "normal";
        f["due_date"] = "2026-12-" + std::to_string(10 + rng() % 18);
        f["handling_level"] = "ward";
        f["lead_agency"] = "ag" + std::to_string(rng() % 20);
        f["support_agencies"] = Json::array({"ag1", "ag2"});
    }
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir = "/var/tmp";
    int petitions = 100'000;
    bool encrypt = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--encrypt") encrypt = true;
        if (a == "--dir" && i + 1 < argc) dir = argv[++i];
        if (a == "--petitions" && i + 1 < argc) petitions = std::stoi(argv[++i]);
    }
    const std::string base = dir + "/nghedan-bench-" + std::to_string(::getpid());
    std::filesystem::create_directories(base);
    std::mt19937_64 rng(42);
    std::printf("nghedan replica benchmark (files in %s, %s)\n", base.c_str(),
                encrypt ? "encrypted at rest" : "plain files");
    ReplicaOptions options;
    if (encrypt) {
        const std::string keyFile = keyFilePath(base + "/apply.db");
        auto t = Clock::now();
        auto created = createKeyFile(keyFile, "135790");
        const double createMs = msSince(t);
        if (!created) return std::fprintf(stderr, "%s\n", created.error().message.c_str()), 1;
        std::vector<double> lat;
        for (int i = 0; i < 5; ++i) {
            t = Clock::now();
            auto key = unlockKeyFile(keyFile, "135790");
            lat.push_back(msSince(t));
            if (!key || *key != *created) return std::fprintf(stderr, "unlock failed\n"), 1;
        }
        options.encryptionKey = *created;
        std::printf("key file: create %.0f ms, Argon2id unlock (ops %llu, %zu MiB) n=5 p50=%.0f "
                    "ms max=%.0f ms\n",
                    createMs, kPinOpsLimit, kPinMemLimit >> 20, percentile(lat, 0.5),
                    *std::max_element(lat.begin(), lat.end()));
    }

    // 1. Durable local writes.
    {
        auto r = Replica::open(base + "/local.db", options);
        if (!r) return std::fprintf(stderr, "%s\n", r.error().message.c_str()), 1;
        std::vector<double> lat;
        for (int i = 0; i < 500; ++i) {
            auto fields = petition(rng, 15);
            const auto t = Clock::now();
            auto c = (*r)->write({"petition", "", "kp5", "canbo.q3", fields});
            lat.push_back(msSince(t));
            if (!c) return std::fprintf(stderr, "%s\n", c.error().message.c_str()), 1;
        }
        std::printf("local write (15-field petition, durable): n=500 p50=%.2f ms p99=%.2f ms\n",
                    percentile(lat, 0.5), percentile(lat, 0.99));
    }

    // 2. Apply remote changes.
    const std::string site = newSiteId();
    const KeyPair key = newKeyPair();
    std::vector<Change> changes;
    std::size_t values = 0;
    {
        std::uint64_t seq = 0;
        HlcTime hlc = hlcPack(1'750'000'000'000, 0);
        std::vector<std::string> ids;
        for (int i = 0; i < petitions; ++i) {
            Change c{site, ++seq, ++hlc, "petition", newRecordId(),
                     "kp" + std::to_string(rng() % 40), "canbo", petition(rng, 8), {}, {}, {}};
            values += c.set.size();
            ids.push_back(c.id);
            saltPersonalValues(c);  // as a tablet's Replica::write does
            c.sig = signatureOf(c, key.secretKey);
            changes.push_back(std::move(c));
        }
        for (int i = 0; i < petitions; ++i) {
            const Change& created = changes[static_cast<std::size_t>(i)];
            Change c{site, ++seq, ++hlc, "petition", created.id, created.unit, "canbo",
                     {{"status", "assigned"}, {"lead_agency", "ag" + std::to_string(rng() % 20)}},
                     {{"status", {created.dot()}}}, {}, {}};
            values += c.set.size();
            c.sig = signatureOf(c, key.secretKey);
            changes.push_back(std::move(c));
        }
    }
    // The proof alone: signing (the tablet, per write) and verifying (everyone, per change).
    {
        const std::size_t n = std::min<std::size_t>(changes.size(), 20'000);
        auto t = Clock::now();
        std::size_t bytes = 0;
        for (std::size_t i = 0; i < n; ++i) bytes += signatureOf(changes[i], key.secretKey).size();
        const double signUs = msSince(t) * 1000 / static_cast<double>(n);
        t = Clock::now();
        std::size_t valid = 0;
        for (std::size_t i = 0; i < n; ++i) valid += signatureValid(changes[i], key.publicKey);
        const double verifyUs = msSince(t) * 1000 / static_cast<double>(n);
        if (valid != n || bytes != n * 86) return std::fprintf(stderr, "proof failed\n"), 1;
        std::printf("proof of origin (Ed25519, libsodium): sign %.1f us/change, verify %.1f "
                    "us/change = %.0f ms CPU per 1,000 changes verified; +%zu bytes per change\n",
                    signUs, verifyUs, verifyUs, std::string(R"(,"sig":"")").size() + 86);
    }
    auto server = Replica::open(base + "/apply.db", options);
    if (!server) return std::fprintf(stderr, "%s\n", server.error().message.c_str()), 1;
    if (!(*server)->learnSiteKey({site, key.publicKey, 0, {}}))
        return std::fprintf(stderr, "learning the key failed\n"), 1;
    double applySeconds;
    {
        const auto t = Clock::now();
        for (std::size_t at = 0; at < changes.size(); at += 2000) {
            std::vector<Change> batch(changes.begin() + static_cast<long>(at),
                                      changes.begin() + static_cast<long>(std::min(changes.size(), at + 2000)));
            auto rep = (*server)->apply(batch);
            if (!rep || !rep->refused.empty())
                return std::fprintf(stderr, "apply failed\n"), 1;
        }
        applySeconds = msSince(t) / 1000;
    }
    const double applyValuesPerSec = static_cast<double>(values) / applySeconds;
    std::printf("apply remote: %zu changes, %zu field values in %.2f s: %.0f changes/s, %.0f "
                "field values/s (batches of 2,000 changes, one transaction each, every "
                "signature verified)\n",
                changes.size(), values, applySeconds,
                static_cast<double>(changes.size()) / applySeconds, applyValuesPerSec);

    // 3. The same values inserted raw.
    {
        auto raw = Database::open(base + "/raw.db", false, options.encryptionKey);
        if (!raw) return 1;
        (void)raw->exec("CREATE TABLE raw(record TEXT, field TEXT, value TEXT)");
        const auto t = Clock::now();
        std::size_t inBatch = 0;
        (void)raw->exec("BEGIN");
        Stmt ins = raw->prepare("INSERT INTO raw VALUES(?, ?, ?)");
        for (const Change& c : changes) {
            for (const auto& [field, value] : c.set) {
                ins.bind(1, c.id).bind(2, field).bind(3, value.dump());
                (void)ins.run();
                ins.reset();
            }
            if (++inBatch == 2000) {
                (void)raw->exec("COMMIT");
                (void)raw->exec("BEGIN");
                inBatch = 0;
            }
        }
        (void)raw->exec("COMMIT");
        const double rawSeconds = msSince(t) / 1000;
        const double rawPerSec = static_cast<double>(values) / rawSeconds;
        std::printf("raw insert of the same values: %.2f s, %.0f values/s; apply/raw = %.1f%%\n",
                    rawSeconds, rawPerSec, 100.0 * applyValuesPerSec / rawPerSec);
    }

    // 4. Search and filtered lists.
    {
        const std::vector<std::string> queries = {"duc", "phuong", "kien nghi", "duong", "can cuoc",
                                                  "xe khach", "phu nhuan", "ngap nuoc", "bao hiem y te",
                                                  "an ninh trat tu"};
        std::vector<double> lat;
        for (int i = 0; i < 300; ++i) {
            const auto t = Clock::now();
            auto hits = (*server)->search(queries[static_cast<std::size_t>(i) % queries.size()], "petition", 50);
            lat.push_back(msSince(t));
            if (!hits) return std::fprintf(stderr, "%s\n", hits.error().message.c_str()), 1;
        }
        std::printf("search over %d petitions (top 50): p50=%.2f ms p99=%.2f ms\n", petitions,
                    percentile(lat, 0.5), percentile(lat, 0.99));
        lat.clear();
        for (int i = 0; i < 100; ++i) {
            ListQuery q;
            q.equals["status"] = {"assigned"};
            q.equals["category"] = {petitionCategories()[static_cast<std::size_t>(i) % 8]};
            q.search = i % 2 ? queries[static_cast<std::size_t>(i) % queries.size()] : "";
            q.limit = 50;
            const auto t = Clock::now();
            auto page = (*server)->list(q);
            lat.push_back(msSince(t));
            if (!page) return std::fprintf(stderr, "%s\n", page.error().message.c_str()), 1;
        }
        std::printf("filtered list (status+category, half with search, page of 50 + total): "
                    "p50=%.2f ms p99=%.2f ms\n", percentile(lat, 0.5), percentile(lat, 0.99));
    }
    // 5. Opening again (the app's start once unlocked) and the first page of a list.
    {
        server->reset();
        auto t = Clock::now();
        server = Replica::open(base + "/apply.db", options);
        const double openMs = msSince(t);
        if (!server) return std::fprintf(stderr, "%s\n", server.error().message.c_str()), 1;
        ListQuery q;
        q.limit = 50;
        t = Clock::now();
        auto page = (*server)->list(q);
        const double listMs = msSince(t);
        if (!page) return std::fprintf(stderr, "%s\n", page.error().message.c_str()), 1;
        std::printf("reopen the %d-petition replica (%.0f MB): open %.1f ms, first list page "
                    "%.1f ms\n", petitions,
                    static_cast<double>(std::filesystem::file_size(base + "/apply.db")) / 1e6,
                    openMs, listMs);
    }
    std::printf("peak RSS: %.1f MB\n", static_cast<double>(peakRssKb()) / 1024);
    std::filesystem::remove_all(base);
    return 0;
}
