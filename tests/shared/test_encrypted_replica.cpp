// The replica encrypted at rest (encrypted_vfs.h) and its PIN-wrapped key (local_key.h).
#include <catch2/catch.hpp>

#include <sodium.h>
#include <sqlite3.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>

#include "nghedan/encrypt_file.h"
#include "nghedan/encrypted_vfs.h"
#include "nghedan/local_key.h"
#include "nghedan/sqlite.h"
#include "test_support.h"

using namespace nghedan;
using namespace nghedan::test;
namespace fs = std::filesystem;

namespace {

std::string randomKey() {
    std::string key(kDataKeyBytes, '\0');
    randombytes_buf(key.data(), key.size());
    return key;
}

ReplicaOptions withKey(const std::string& key) {
    ReplicaOptions o;
    o.encryptionKey = key;
    return o;
}

std::string fileBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string hashOf(const fs::path& p) {
    if (!fs::exists(p)) return "absent";
    const std::string bytes = fileBytes(p);
    unsigned char h[32];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(bytes.data()),
                       bytes.size(), nullptr, 0);
    return std::string(reinterpret_cast<char*>(h), sizeof h);
}

/** Every file of a directory with its hash. */
std::map<std::string, std::string> hashes(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out[e.path().filename()] = hashOf(e.path());
    return out;
}

std::string utf16le(const std::string& ascii) {
    std::string out;
    for (char c : ascii) {
        out += c;
        out += '\0';
    }
    return out;
}

std::string base64(const std::string& bytes) {
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

// Each personal field carries a unique token. Its ASCII tail ("markname"...) is present in the
// clear in the UTF-8 text, in the FTS index's folded form and in any JSON of it.
struct Marker {
    std::string field, text, token, folded, tail;
};
const std::vector<Marker> kMarkers = {
    {"petitioner_name", "Trịnh Thị Xuyếnmarkname", "Xuyếnmarkname", "xuyenmarkname", "markname"},
    {"petitioner_contact", "0912 345 678 Quỳnhmarkcontact", "Quỳnhmarkcontact", "quynhmarkcontact",
     "markcontact"},
    {"title", "Cống hẻm Đứcmarktitle ngập nước", "Đứcmarktitle", "ducmarktitle", "marktitle"},
    {"description", "Nước thải tràn Nguyễnmarkdesc khu phố 5", "Nguyễnmarkdesc", "nguyenmarkdesc",
     "markdesc"},
};

/** Where each form of each marker shows in the clear in the files of a directory. */
std::vector<std::string> clearMarkers(const fs::path& dir) {
    std::vector<std::string> found;
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string bytes = fileBytes(e.path());
        const std::string name = e.path().filename();
        for (const Marker& m : kMarkers) {
            std::vector<std::pair<std::string, std::string>> forms = {{"utf-8", m.token},
                                                                      {"tail", m.tail},
                                                                      {"folded", m.folded},
                                                                      {"utf-16", utf16le(m.tail)}};
            // base64 of the text at each of its three alignments, edge characters dropped
            for (std::size_t shift = 0; shift < 3; ++shift) {
                const std::string b = base64(m.text.substr(shift));
                forms.push_back({"base64", b.substr(4, b.size() - 8)});
            }
            for (const auto& [form, needle] : forms)
                if (bytes.find(needle) != std::string::npos)
                    found.push_back(name + ": " + m.field + " (" + form + ")");
        }
    }
    return found;
}

const std::vector<std::string> kWords = {
    "an",  "ninh", "trật",  "tự",   "vệ",   "sinh",   "môi",  "trường", "đường",
    "hẻm", "ngập", "nước",  "căn",  "cước", "bảo",    "hiểm", "xe",     "khách",
    "rác", "thải", "chiếu", "sáng", "cây",  "xanh",   "hộ",   "nghèo",  "khu",
    "phố", "cử",   "tri",   "kiến", "nghị", "phường", "nhà",  "đất",    "giấy"};
const std::vector<std::string> kNames = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường",
                                         "Phạm Thị Dung", "Võ Văn Đức",    "Huỳnh Thị Em"};

std::string words(std::mt19937_64& rng, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? " " : "") + kWords[rng() % kWords.size()];
    return s;
}

/** A ward's demo-like data: units, an agency, petitions (some with the markers), edits. */
void writeWardData(Replica& r, int petitions, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    mustWrite(r, {"unit", "q3", "q3", "admin", {{"name", "Quận 3"}, {"level", "district"}}});
    mustWrite(
        r,
        {"unit", "p4", "p4", "admin", {{"name", "Phường 4"}, {"level", "ward"}, {"parent", "q3"}}});
    mustWrite(r, {"unit",
                  "kp5",
                  "kp5",
                  "admin",
                  {{"name", "Khu phố 5"}, {"level", "neighbourhood"}, {"parent", "p4"}}});
    for (int i = 0; i < petitions; ++i) {
        auto f = petitionFields(words(rng, 6));
        f["description"] = words(rng, 40);
        f["petitioner_name"] = kNames[rng() % kNames.size()];
        f["petitioner_contact"] = "09" + std::to_string(10'000'000 + rng() % 89'999'999);
        f["location"] = "Hẻm " + std::to_string(rng() % 400) + " đường Trần Quốc Thảo";
        if (i % 50 == 7)
            for (const Marker& m : kMarkers) f[m.field] = m.text;
        const std::string id = "p" + std::to_string(i);
        mustWrite(r, {"petition", id, "kp5", "canbo.kp5", f});
        if (i % 3 == 0) mustWrite(r, {"petition", id, "", "canbo.kp5", {{"status", "assigned"}}});
    }
    mustWrite(r,
              {"petition", "duc", "kp5", "canbo.kp5", petitionFields("Ông Võ Văn Đức phản ánh")});
}

std::set<std::string> searchTitles(Replica& r, const std::string& typed) {
    auto hits = r.search(typed);
    REQUIRE(hits.ok());
    std::set<std::string> out;
    for (const SearchHit& h : *hits) out.insert(h.title);
    return out;
}

std::string killedId(std::uint32_t i) {
    std::string id = "k";
    id += std::to_string(i);
    return id;
}

std::string integrity(const std::string& path, const std::string& key) {
    auto db = Database::open(path, false, key);
    REQUIRE(db.ok());
    Stmt st = db->prepare("PRAGMA integrity_check");
    REQUIRE(st.step());
    return st.text(0);
}

}  // namespace

TEST_CASE("an encrypted replica keeps no personal text in the clear in any of its files",
          "[encryption]") {
    TempDir dir;
    const std::string path = dir.file("replica.db");
    const std::string key = randomKey();
    std::string dump;
    {
        auto r = openReplica(path, withKey(key));
        writeWardData(*r, 1500, 15);
        REQUIRE(fs::file_size(path + "-wal") > 100 * 4096);  // frames not yet checkpointed
        INFO(Catch::Detail::stringify(clearMarkers(dir.path())));
        CHECK(clearMarkers(dir.path()).empty());
        {
            // a checkpoint moves the frames into the file itself
            auto other = Database::open(path, false, key);
            REQUIRE(other.ok());
            REQUIRE(other->exec("PRAGMA wal_checkpoint(PASSIVE)").ok());
        }
        INFO(Catch::Detail::stringify(clearMarkers(dir.path())));
        CHECK(clearMarkers(dir.path()).empty());
        CHECK(fs::file_size(path) > 1000 * 4096);
        auto d = r->materialisedDump();
        REQUIRE(d.ok());
        dump = *d;
    }
    CHECK(clearMarkers(dir.path()).empty());  // closed: WAL checkpointed and removed

    auto again = openReplica(path, withKey(key));
    auto d = again->materialisedDump();
    REQUIRE(d.ok());
    CHECK(*d == dump);
    CHECK(searchTitles(*again, "duc").count("Ông Võ Văn Đức phản ánh") == 1);
    CHECK(searchTitles(*again, "ducmarktitle") ==
          std::set<std::string>{"Cống hẻm Đứcmarktitle ngập nước"});
    auto snap = again->snapshot();
    REQUIRE(snap.ok());
    ListQuery q;
    q.search = "xuyenmarkname";
    auto page = (*snap)->list(q);
    REQUIRE(page.ok());
    CHECK(page->total == 30);
    CHECK(integrity(path, key) == "ok");
}

TEST_CASE("the same data in a plain replica shows every marker, so the scan can fail",
          "[encryption]") {
    TempDir dir;
    {
        auto r = openReplica(dir.file("plain.db"));
        writeWardData(*r, 200, 15);
    }
    const auto found = clearMarkers(dir.path());
    for (const Marker& m : kMarkers)
        for (const char* form : {"utf-8", "tail"})
            CHECK(std::count(found.begin(), found.end(),
                             "plain.db: " + m.field + " (" + form + ")") == 1);
    // The search index holds the folded token (prefix-compressed, so found by its tail): the
    // tail shows more often than the text itself.
    const std::string bytes = fileBytes(dir.file("plain.db"));
    const auto occurrences = [&](const std::string& needle) {
        std::size_t n = 0;
        for (auto at = bytes.find(needle); at != std::string::npos; at = bytes.find(needle, at + 1))
            ++n;
        return n;
    };
    CHECK(occurrences("marktitle") > occurrences("Đứcmarktitle"));
}

TEST_CASE("a plain replica made before the PIN is encrypted in place and keeps every record",
          "[encryption]") {
    TempDir dir;
    const std::string path = dir.file("replica.db");
    const std::string key = randomKey();
    std::string dump, site;
    {
        auto r = openReplica(path);
        writeWardData(*r, 200, 21);
        site = r->siteId();
        dump = *r->materialisedDump();
    }
    CHECK_FALSE(clearMarkers(dir.path()).empty());
    {
        const Status encrypted = encryptPlainFile(path, key);
        INFO((encrypted ? std::string() : encrypted.error().code + ": " + encrypted.error().message));
        REQUIRE(encrypted);
    }
    INFO(Catch::Detail::stringify(clearMarkers(dir.path())));
    CHECK(clearMarkers(dir.path()).empty());
    CHECK_FALSE(fs::exists(path + ".encrypting"));
    {
        auto r = openReplica(path, withKey(key));
        CHECK(r->siteId() == site);  // the same device: its key and its changes
        CHECK(*r->materialisedDump() == dump);
        CHECK(searchTitles(*r, "duc").count("Ông Võ Văn Đức phản ánh") == 1);
        writeWardData(*r, 5, 22);  // and it keeps working
    }
    CHECK(integrity(path, key) == "ok");
    CHECK(encryptPlainFile(path, key).ok());  // already encrypted: nothing to do
    CHECK(encryptPlainFile(path, randomKey()).error().code == "wrong_key");
    CHECK(Replica::open(path).error().code == "wrong_key");
    CHECK(clearMarkers(dir.path()).empty());
}

TEST_CASE("a wrong key, a missing key or a plain file give wrong_key and leave the file as it was",
          "[encryption]") {
    TempDir dir;
    const std::string path = dir.file("replica.db");
    const std::string key = randomKey();
    {
        auto r = openReplica(path, withKey(key));
        writeWardData(*r, 20, 3);
    }
    const auto before = hashes(dir.path());

    auto wrong = Replica::open(path, withKey(randomKey()));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == "wrong_key");
    CHECK(wrong.error().message.find("wrong key") != std::string::npos);
    auto none = Replica::open(path);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == "wrong_key");
    auto shortKey = Replica::open(path, withKey("0123456789"));
    REQUIRE_FALSE(shortKey.ok());
    CHECK(shortKey.error().code == "wrong_key");
    CHECK(hashes(dir.path()) == before);

    const std::string plain = dir.file("plain.db");
    { auto p = openReplica(plain); }
    const std::string plainHash = hashOf(plain);
    auto keyed = Replica::open(plain, withKey(key));
    REQUIRE_FALSE(keyed.ok());
    CHECK(keyed.error().code == "wrong_key");
    CHECK(keyed.error().message.find("plain") != std::string::npos);
    CHECK(hashOf(plain) == plainHash);

    CHECK(openReplica(path, withKey(key))->changeCount() > 20);
}

TEST_CASE("a damaged page of an encrypted replica is an error, not wrong data", "[encryption]") {
    TempDir dir;
    const std::string path = dir.file("replica.db");
    const std::string key = randomKey();
    { writeWardData(*openReplica(path, withKey(key)), 200, 4); }
    const auto size = fs::file_size(path);
    REQUIRE(size > 20 * 4096);
    {
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        for (std::uintmax_t page = 1; page < size / 4096;
             ++page) {  // one byte in every page but the first
            f.seekp(static_cast<std::streamoff>(page * 4096 + 100));
            f.put('\x5a');
        }
    }
    auto r = Replica::open(path, withKey(key));
    if (r.ok()) {
        auto d = (*r)->materialisedDump();
        CHECK_FALSE(d.ok());
    } else {
        CHECK(r.error().code == "storage");
    }
}

TEST_CASE("an encrypted connection refuses temporary files and a page without room for its tag",
          "[encryption]") {
    TempDir dir;
    const std::string key = randomKey();
    auto db = Database::open(dir.file("t.db"), false, key);
    REQUIRE(db.ok());
    REQUIRE(db->exec("CREATE TABLE t(x); INSERT INTO t VALUES('Xuyếnmarkname');").ok());
    CHECK(db->exec("CREATE TEMP TABLE m(x); INSERT INTO m SELECT x FROM t;").ok());  // in memory
    CHECK(db->exec("VACUUM").ok());  // its copy is a temporary database, in memory too
    int reserve = -1;
    sqlite3_file_control(db->handle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
    CHECK(reserve == kEncryptedReserveBytes);
    // A temporary file, here one that a large temp table in a small cache needs, is refused.
    REQUIRE(db->exec("PRAGMA temp_store=FILE").ok());
    CHECK_FALSE(
        db->exec("CREATE TEMP TABLE f(x); PRAGMA temp.cache_size=10;"
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<2000) "
                 "INSERT INTO f SELECT (SELECT x FROM t) || randomblob(3000) FROM n;")
            .ok());
    CHECK(db->backupTo(dir.file("copy.db")).error().code == "encrypted");
    CHECK_FALSE(fs::exists(dir.file("copy.db")));

    // Opened around Database::open, without the reserved bytes: nothing is written.
    sqlite3* raw = nullptr;
    const std::string bare = dir.file("bare.db");
    REQUIRE(openEncryptedSqlite(bare, key, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &raw) ==
            SQLITE_OK);
    const int rc = sqlite3_exec(raw, "CREATE TABLE t(x); INSERT INTO t VALUES('Xuyếnmarkname')",
                                nullptr, nullptr, nullptr);
    CHECK((sqlite3_extended_errcode(raw) & 0xff) == SQLITE_IOERR);
    CHECK(rc != SQLITE_OK);
    sqlite3_close(raw);
    CHECK(clearMarkers(dir.path()).empty());
}

TEST_CASE("an encrypted replica killed while writing reopens intact with every committed write",
          "[encryption]") {
    TempDir dir;
    const std::string path = dir.file("replica.db");
    const std::string key = randomKey();
    { auto r = openReplica(path, withKey(key)); }
    int acks[2];
    REQUIRE(::pipe(acks) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(acks[0]);
        auto r = Replica::open(path, withKey(key));
        if (!r) ::_exit(2);
        for (std::uint32_t i = 0;; ++i) {
            auto f = petitionFields(killedId(i) + " Đơn");
            f["description"] = std::string(i % 7 * 900, 'x');  // some writes span pages
            if (!(*r)->write({"petition", killedId(i), "kp5", "an", f})) ::_exit(3);
            if (::write(acks[1], &i, sizeof i) != sizeof i) ::_exit(4);
        }
    }
    ::close(acks[1]);
    std::uint32_t last = 0;
    std::uint32_t count = 0;
    const auto start = std::chrono::steady_clock::now();
    std::random_device rd;
    const unsigned seed = rd();
    INFO("seed " << seed);
    const auto runFor = std::chrono::milliseconds(800 + seed % 800);
    while (std::chrono::steady_clock::now() - start < runFor) {
        std::uint32_t i;
        if (::read(acks[0], &i, sizeof i) != sizeof i) break;
        last = i;
        ++count;
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(acks[0]);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(count > 10);

    CHECK(integrity(path, key) == "ok");
    auto r = openReplica(path, withKey(key));
    for (std::uint32_t i = 0; i <= last; ++i) {
        auto rec = r->get("petition", killedId(i));
        REQUIRE(rec.ok());
        CHECK(rec->has_value());
    }
}

TEST_CASE("a torn frame at the end of an encrypted WAL is skipped like a plain one",
          "[encryption]") {
    TempDir dir;
    const std::string path = dir.file("t.db");
    const std::string key = randomKey();
    {
        auto db = Database::open(path, false, key);
        REQUIRE(db.ok());
        // Left in the WAL when the connection closes, as after a crash.
        sqlite3_db_config(db->handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        REQUIRE(db->exec("PRAGMA wal_autocheckpoint=0; CREATE TABLE t(x)").ok());
        for (int i = 0; i < 50; ++i)
            REQUIRE(db->exec("INSERT INTO t VALUES(randomblob(1500))").ok());
    }
    const auto walSize = fs::file_size(path + "-wal");
    REQUIRE(walSize > 50 * 4120);
    REQUIRE((walSize - 32) % 4120 == 0);
    {
        std::string noise(24 + 4096, '\0');  // a frame half written when the power went
        randombytes_buf(noise.data(), noise.size());
        std::ofstream(path + "-wal", std::ios::binary | std::ios::app) << noise;
    }
    auto db = Database::open(path, false, key);
    REQUIRE(db.ok());
    Stmt st = db->prepare("SELECT count(*) FROM t");
    REQUIRE(st.step());
    CHECK(st.int64(0) == 50);
    CHECK(integrity(path, key) == "ok");
}

TEST_CASE(
    "a rollback journal of an encrypted database holds its page images encrypted and "
    "rolls back",
    "[encryption]") {
    TempDir dir;
    const std::string path = dir.file("j.db");
    const std::string key = randomKey();
    auto db = Database::open(path, false, key);
    REQUIRE(db.ok());
    REQUIRE(db->exec("PRAGMA journal_mode=DELETE; CREATE TABLE t(x);"
                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<400) "
                     "INSERT INTO t SELECT 'Xuyếnmarkname ' || i || randomblob(400) FROM n;")
                .ok());
    auto count = [&](const char* sql) {
        Stmt st = db->prepare(sql);
        REQUIRE(st.step());
        return st.int64(0);
    };
    const std::int64_t before = count("SELECT sum(length(x)) FROM t");
    // A small cache spills the changed pages into the file mid-transaction: their old images
    // are in the journal, and the rollback plays them back.
    REQUIRE(db->exec("PRAGMA cache_size=5; BEGIN; UPDATE t SET x = x || randomblob(300);").ok());
    REQUIRE(fs::exists(path + "-journal"));
    CHECK(fs::file_size(path + "-journal") > 50 * 4096);
    INFO(Catch::Detail::stringify(clearMarkers(dir.path())));
    CHECK(clearMarkers(dir.path()).empty());
    REQUIRE(db->exec("ROLLBACK").ok());
    CHECK(count("SELECT sum(length(x)) FROM t") == before);
    Stmt st = db->prepare("PRAGMA integrity_check");
    REQUIRE(st.step());
    CHECK(st.text(0) == "ok");
}

TEST_CASE("a key file opens only with its PIN, and a new PIN keeps the same key", "[encryption]") {
    TempDir dir;
    const std::string path = keyFilePath(dir.file("replica.db"));
    CHECK(path == dir.file("replica.db.key"));
    CHECK_FALSE(keyFileExists(path));
    CHECK(unlockKeyFile(path, "246810").error().code == "no_key");
    for (const char* weak : {"12345", "1234567890123", "12345a", "", "١٢٣٤٥٦"}) {
        auto r = createKeyFile(path, weak);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "weak_pin");
    }
    CHECK_FALSE(keyFileExists(path));

    auto created = createKeyFile(path, "246810");
    REQUIRE(created.ok());
    CHECK(created->size() == 32);
    CHECK(keyFileExists(path));
    const std::string text = fileBytes(path);
    CHECK(text.find("argon2id13") != std::string::npos);
    CHECK(text.find(base64(*created).substr(0, 40)) == std::string::npos);

    const auto t = std::chrono::steady_clock::now();
    auto unlocked = unlockKeyFile(path, "246810");
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
    WARN("Argon2id unlock: " << ms << " ms");
    REQUIRE(unlocked.ok());
    CHECK(*unlocked == *created);
    CHECK(unlockKeyFile(path, "246811").error().code == "wrong_pin");
    CHECK(unlockKeyFile(path, "2468100").error().code == "wrong_pin");

    CHECK(changePin(path, "000000", "13572468").error().code == "wrong_pin");
    CHECK(changePin(path, "246810", "1357").error().code == "weak_pin");
    CHECK(*unlockKeyFile(path, "246810") == *created);  // unchanged by the refusals
    REQUIRE(changePin(path, "246810", "13572468").ok());
    CHECK(unlockKeyFile(path, "246810").error().code == "wrong_pin");
    CHECK(*unlockKeyFile(path, "13572468") == *created);

    // A new key file replaces the old one: another key.
    auto replaced = createKeyFile(path, "246810");
    REQUIRE(replaced.ok());
    CHECK(*replaced != *created);
    CHECK_FALSE(fs::exists(path + ".tmp"));

    { std::ofstream(path) << "{\"format\": \"something else\"}"; }
    CHECK(unlockKeyFile(path, "246810").error().code == "bad_key_file");
}

TEST_CASE("a PIN-unlocked replica opens again after a PIN change, and wiping removes every file",
          "[encryption]") {
    TempDir dir;
    const std::string replica = dir.file("replica.db");
    auto key = createKeyFile(keyFilePath(replica), "135790");
    REQUIRE(key.ok());
    {
        auto r = openReplica(replica, withKey(*key));
        writeWardData(*r, 30, 8);
        REQUIRE(changePin(keyFilePath(replica), "135790", "97531000").ok());
    }
    auto unlocked = unlockKeyFile(keyFilePath(replica), "97531000");
    REQUIRE(unlocked.ok());
    auto r = openReplica(replica, withKey(*unlocked));
    CHECK(searchTitles(*r, "duc").count("Ông Võ Văn Đức phản ánh") == 1);
    r.reset();
    { std::ofstream(replica + "-journal") << "x"; }
    REQUIRE(wipeLocalFiles(replica).ok());
    CHECK(fs::is_empty(dir.path()));
    CHECK(wipeLocalFiles(replica).ok());  // nothing left: no error
}
