// The bytes of attachments on the server (server/API.md "Blobs"): resumable uploads that keep
// what arrived, checked before they are acknowledged, cut at the declared size; served only to
// units that proved they hold the bytes; limits per record at push; the collector; backup; and
// a kill -9 of the real server during uploads.

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <random>

#include "admin.h"
#include "blob_collector.h"
#include "nghedan/blob_store.h"
#include "nghedan/policy.h"
#include "test_server.h"

using namespace nghedan;
using namespace nghedan::testing;

namespace {

std::string sha256Of(const std::string& bytes) {
    Sha256 h;
    h.update(bytes.data(), bytes.size());
    return h.hexDigest();
}

/** `size` bytes drawn from `seed` (printed by the tests that use random data). */
std::string randomBytes(std::size_t size, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::string out(size, '\0');
    for (char& c : out) c = static_cast<char>(rng() & 0xff);
    return out;
}

/** Byte-for-byte equality that does not print megabytes of binary when it fails. */
bool same(const std::string& got, const std::string& expected) {
    if (got == expected) return true;
    UNSCOPED_INFO("got " << got.size() << " bytes, expected " << expected.size()
                         << (got.size() < 300 ? ": " + got : std::string()));
    return false;
}

std::string blobPath(const std::string& hash) {
    return "/api/v1/blobs/" + hash;
}

std::string range(std::uint64_t first, std::uint64_t last, std::uint64_t total) {
    return "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/" +
           std::to_string(total);
}

/** A PUT; a 409 "busy" (the server still finishes a cut upload of the blob) is retried, as a
 *  tablet does, up to 10 s. */
Reply putBlob(const std::string& base, const std::string& token, const std::string& hash,
              const std::string& body, const std::string& contentRange = {}) {
    httplib::Client cli(base);
    cli.set_read_timeout(60, 0);
    httplib::Headers h = authHeaders(token);
    if (!contentRange.empty()) h.emplace("Content-Range", contentRange);
    Reply r;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        r = toReply(cli.Put(blobPath(hash).c_str(), h, body, "application/octet-stream"));
        if (r.status != 409 || !r.body.is_object() || r.body["error"]["code"] != "busy") return r;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return r;
}

Reply headBlob(const std::string& base, const std::string& token, const std::string& hash) {
    httplib::Client cli(base);
    return toReply(cli.Head(blobPath(hash).c_str(), authHeaders(token)));
}

Reply getBlob(const std::string& base, const std::string& token, const std::string& hash,
              const std::string& rangeHeader = {}) {
    httplib::Client cli(base);
    cli.set_read_timeout(60, 0);
    httplib::Headers h = authHeaders(token);
    if (!rangeHeader.empty()) h.emplace("Range", rangeHeader);
    return toReply(cli.Get(blobPath(hash).c_str(), h));
}

std::string header(const Reply& r, const std::string& name) {
    const auto it = r.headers.find(name);
    return it == r.headers.end() ? std::string() : it->second;
}

std::uint64_t uploadOffset(const Reply& r) {
    const std::string v = header(r, "Upload-Offset");
    return v.empty() ? ~std::uint64_t(0) : std::stoull(v);
}

/** Uploads `bytes` in pieces of `piece` bytes from offset 0; returns the last reply. */
Reply uploadInPieces(const std::string& base, const std::string& token, const std::string& bytes,
                     std::size_t piece, std::uint64_t from = 0) {
    const std::string hash = sha256Of(bytes);
    Reply last;
    for (std::uint64_t at = from; at < bytes.size(); at += piece) {
        const std::uint64_t end = std::min<std::uint64_t>(bytes.size(), at + piece);
        last = putBlob(base, token, hash, bytes.substr(at, end - at),
                       range(at, end - 1, bytes.size()));
        if (last.status != 200 && last.status != 201) return last;
    }
    return last;
}

/** Opens a TCP connection to 127.0.0.1:port and sends `data`; returns the socket (open). */
int sendRaw(int port, const std::string& data) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    std::size_t sent = 0;
    while (sent < data.size()) {
        const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        REQUIRE(n > 0);
        sent += static_cast<std::size_t>(n);
    }
    return fd;
}

/** The head of a PUT of bytes first..last of a blob of `total`, and the first `sent` of them. */
std::string cutPut(const std::string& token, const std::string& hash, const std::string& bytes,
                   std::uint64_t first, std::uint64_t last, std::size_t sent) {
    return "PUT " + blobPath(hash) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
           token + "\r\nContent-Range: " + range(first, last, bytes.size()) +
           "\r\nContent-Length: " + std::to_string(last - first + 1) +
           "\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes.substr(first, sent);
}

/** Waits (bounded) until HEAD says the server holds `offset` bytes of the unfinished blob;
 *  returns the last offset seen. */
std::uint64_t waitForOffset(const std::string& base, const std::string& token,
                            const std::string& hash, std::uint64_t offset) {
    std::uint64_t seen = 0;
    for (int i = 0; i < 1000; ++i) {
        seen = uploadOffset(headBlob(base, token, hash));
        if (seen == offset) return seen;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return seen;
}

/** A signed-in tablet of one user that pushes records. */
struct Tablet {
    std::string base, user, unit, site = newSiteId(), token;
    std::uint64_t seq = 0;
    Tablet(std::string baseUrl, std::string username, std::string scopeUnit)
        : base(std::move(baseUrl)), user(std::move(username)), unit(std::move(scopeUnit)) {
        token = login(base, user, kTestPassword, site);
        REQUIRE(!token.empty());
    }
    /** Pushes one change; returns the push reply's body. */
    Json push(const std::string& entity, const std::string& id, std::map<std::string, Json> set) {
        const Change c = makeChange(site, ++seq, entity, id, unit, user, std::move(set));
        const Reply r = jsonPost(base, "/api/v1/sync/push", pushBody({c}), token);
        REQUIRE(r.status == 200);
        return r.body;
    }
    std::string petition(const std::string& title) {
        const std::string id = newRecordId();
        REQUIRE(push("petition", id, petitionFields(title))["accepted"] == 1);
        return id;
    }
    /** Pushes an attachment of `parent` naming the blob; returns the push reply's body. */
    Json attach(const std::string& id, const std::string& parent, const std::string& hash,
                long long size) {
        return push("attachment", id,
                    {{"parent_entity", "petition"},
                     {"parent", parent},
                     {"kind", "photo"},
                     {"caption", "Ảnh hiện trường"},
                     {"sha256", hash},
                     {"size", size},
                     {"mime", "image/jpeg"}});
    }
    std::string attach(const std::string& parent, const std::string& hash, long long size) {
        const std::string id = newRecordId();
        const Json reply = attach(id, parent, hash, size);
        INFO(reply.dump());
        REQUIRE(reply["accepted"] == 1);
        return id;
    }
};

struct World {
    InProcessServer server;
    std::string base;
    std::unique_ptr<Tablet> q3, q12, sup;
    explicit World(TestServerOptions options = {}) : server(std::move(options)) {
        seedTestTree(server.context());
        base = server.baseUrl();
        q3 = std::make_unique<Tablet>(base, "canbo.q3", "q3-p4");
        q12 = std::make_unique<Tablet>(base, "canbo.q12", "q12-ta");
        sup = std::make_unique<Tablet>(base, "giamsat.q3", "q3");
    }
    BlobStore& blobs() { return server.context().store->blobs(); }
};

TestServerOptions withLimits(long long file, int perRecord, long long recordBytes) {
    TestServerOptions o;
    o.settings.attachmentLimits = {file, perRecord, recordBytes};
    return o;
}

}  // namespace

TEST_CASE("a blob cut mid-upload keeps what arrived and continues from the offset HEAD gives",
          "[blobs]") {
    World w;
    const std::uint32_t seed = std::random_device{}();
    INFO("seed " << seed);
    const std::string bytes = randomBytes(700'000, seed);
    const std::string hash = sha256Of(bytes);
    const std::string parent = w.q3->petition("Xe khách đậu trong hẻm");
    w.q3->attach(parent, hash, static_cast<long long>(bytes.size()));

    Reply head = headBlob(w.base, w.q3->token, hash);
    CHECK(head.status == 404);
    CHECK(uploadOffset(head) == 0);
    CHECK(getBlob(w.base, w.q3->token, hash).body["error"]["code"] == "blob_pending");

    Reply first =
        putBlob(w.base, w.q3->token, hash, bytes.substr(0, 200'000), range(0, 199'999, 700'000));
    CHECK(first.status == 200);
    CHECK(first.body["offset"] == 200'000);
    CHECK(first.body["complete"] == false);

    // The second piece is cut after 150,000 of its 300,000 bytes: they stay.
    const int fd =
        sendRaw(w.server.port(), cutPut(w.q3->token, hash, bytes, 200'000, 499'999, 150'000));
    ::close(fd);
    CHECK(waitForOffset(w.base, w.q3->token, hash, 350'000) == 350'000);

    // A piece that does not start at the offset is refused with the offset.
    Reply wrong = putBlob(w.base, w.q3->token, hash, bytes.substr(200'000, 100),
                          range(200'000, 200'099, 700'000));
    CHECK(wrong.status == 409);
    CHECK(wrong.body["error"]["code"] == "offset_mismatch");
    CHECK(uploadOffset(wrong) == 350'000);
    CHECK_FALSE(w.blobs().size(hash));

    Reply last = uploadInPieces(w.base, w.q3->token, bytes, 175'000, 350'000);
    CHECK(last.status == 201);
    CHECK(last.body["complete"] == true);
    CHECK(last.body["offset"] == 700'000);

    head = headBlob(w.base, w.q3->token, hash);
    CHECK(head.status == 200);
    CHECK(header(head, "Content-Length") == "700000");
    Reply got = getBlob(w.base, w.q3->token, hash);
    CHECK(got.status == 200);
    CHECK(same(got.raw, bytes));
    CHECK(header(got, "Content-Type") == "image/jpeg");
    CHECK(header(got, "Content-Disposition") == "inline");
    CHECK(header(got, "X-Content-Type-Options") == "nosniff");
    // A cut download continues with a range; the supervisor above the ward sees it too.
    Reply tail = getBlob(w.base, w.q3->token, hash, "bytes=654321-");
    CHECK(tail.status == 206);
    CHECK(same(tail.raw, bytes.substr(654'321)));
    CHECK(header(tail, "Content-Range") == "bytes 654321-699999/700000");
    CHECK(getBlob(w.base, w.q3->token, hash, "bytes=700000-").status == 416);
    CHECK(same(getBlob(w.base, w.sup->token, hash).raw, bytes));

    const std::string metrics = jsonGet(w.base, "/metrics").raw;
    CHECK(metrics.find("nghedan_blob_uploads_completed_total 1\n") != std::string::npos);
    CHECK(metrics.find("nghedan_blob_uploads_refused_total{code=\"offset_mismatch\"} 1\n") !=
          std::string::npos);
    CHECK(metrics.find("nghedan_blob_bytes 700000\n") != std::string::npos);
}

TEST_CASE("a resend of a stored blob is harmless and other bytes under its name are refused",
          "[blobs]") {
    World w;
    const std::string bytes = randomBytes(50'000, 7);
    const std::string hash = sha256Of(bytes);
    const std::string parent = w.q3->petition("Tường nứt cạnh công trình");
    w.q3->attach(parent, hash, 50'000);

    std::string forged = bytes;
    forged[25'000] ^= 0x55;
    Reply refused = putBlob(w.base, w.q3->token, hash, forged);
    CHECK(refused.status == 422);
    CHECK(refused.body["error"]["code"] == "hash_mismatch");
    CHECK(uploadOffset(headBlob(w.base, w.q3->token, hash)) == 0);  // nothing of it was kept

    CHECK(putBlob(w.base, w.q3->token, hash, bytes).status == 201);
    Reply again = putBlob(w.base, w.q3->token, hash, bytes);
    CHECK(again.status == 200);
    CHECK(again.body["complete"] == true);
    CHECK(putBlob(w.base, w.q3->token, hash, forged).status == 200);  // not even read
    CHECK(same(getBlob(w.base, w.q3->token, hash).raw, bytes));
    CHECK(same(readFileBytes(w.server.dataDir() + "/blobs/" + hash.substr(0, 2) + "/" + hash),
               bytes));
}

TEST_CASE("more bytes than declared are cut at the declared size and nothing beyond is kept",
          "[blobs]") {
    World w;
    const std::string parent = w.q3->petition("Đèn đường hỏng");

    SECTION("a Content-Length longer than the declared range") {
        const std::string bytes = randomBytes(1000, 11);
        const std::string hash = sha256Of(bytes);
        w.q3->attach(parent, hash, 1000);
        Reply r =
            putBlob(w.base, w.q3->token, hash, bytes + std::string(5000, 'x'), range(0, 999, 1000));
        CHECK(r.status == 413);
        CHECK(r.body["error"]["code"] == "body_too_large");
        CHECK(w.blobs().size(hash) == std::optional<std::uint64_t>(1000));
        CHECK(w.blobs().partialSize(hash) == 0);
        CHECK(same(getBlob(w.base, w.q3->token, hash).raw, bytes));
    }
    SECTION("an endless chunked body") {
        const std::string bytes = randomBytes(2000, 12);
        const std::string hash = sha256Of(bytes);
        w.q3->attach(parent, hash, 2000);
        httplib::Client cli(w.base);
        cli.set_read_timeout(60, 0);
        std::size_t sent = 0;
        const std::size_t bound = 64u << 20;  // "endless": far more than any limit
        auto res = cli.Put(
            blobPath(hash).c_str(), authHeaders(w.q3->token),
            [&](std::size_t, httplib::DataSink& sink) {
                if (sent == 0) {
                    sent = bytes.size();
                    return sink.write(bytes.data(), bytes.size());
                }
                if (sent >= bound) {
                    sink.done();
                    return true;
                }
                const std::string junk(64 * 1024, 'j');
                sent += junk.size();
                return sink.write(junk.data(), junk.size());
            },
            "application/octet-stream");
        if (res) {
            CHECK(res->status == 413);
        }
        CHECK(w.blobs().size(hash) == std::optional<std::uint64_t>(2000));
        CHECK(w.blobs().partialSize(hash) == 0);
        CHECK(same(getBlob(w.base, w.q3->token, hash).raw, bytes));
    }
    SECTION("a piece over 4 MiB and a declared size over the file limit are refused unread") {
        const std::string hash = sha256Of("lớn");
        w.q3->attach(parent, hash, 6'000'000);
        Reply piece = putBlob(w.base, w.q3->token, hash, std::string(4'200'000, 'a'),
                              range(0, 4'199'999, 6'000'000));
        CHECK(piece.status == 413);
        CHECK(w.blobs().partialSize(hash) == 0);
        w.server.context().settings.attachmentLimits.maxFileBytes = 5'000'000;
        Reply big =
            putBlob(w.base, w.q3->token, hash, std::string(1000, 'a'), range(0, 999, 6'000'000));
        CHECK(big.status == 413);
        CHECK(big.body["error"]["code"] == "file_too_large");
        CHECK(w.blobs().partialSize(hash) == 0);
        Reply size = putBlob(w.base, w.q3->token, hash, std::string(10, 'a'), range(0, 9, 77));
        CHECK(size.status == 409);
        CHECK(size.body["error"]["code"] == "size_mismatch");
    }
}

TEST_CASE("attachment records over the limits are refused at push with the policy's sentence",
          "[blobs]") {
    World w(withLimits(600, 2, 1000));
    const Reply login =
        jsonPost(w.base, "/api/v1/auth/login", deviceLogin("canbo.q3", kTestPassword, newSiteId()));
    CHECK(login.body["attachment_limits"] ==
          Json{{"max_file_bytes", 600}, {"max_per_record", 2}, {"max_record_bytes", 1000}});

    const std::string parent = w.q3->petition("Giấy khai sinh bị mất");
    const AttachmentLimits limits{600, 2, 1000};
    auto refusal = [&](const Json& reply) {
        REQUIRE(reply["refused"].size() == 1);
        return reply["refused"][0];
    };
    const std::string a = w.q3->attach(parent, std::string(64, 'a'), 500);
    Json tooLarge = refusal(w.q3->attach(newRecordId(), parent, std::string(64, 'b'), 700));
    CHECK(tooLarge["code"] == "file_too_large");
    CHECK(tooLarge["message"] == attachmentLimitRefusal(limits, 700, 1, 500)->message);
    Json tooMuch = refusal(w.q3->attach(newRecordId(), parent, std::string(64, 'c'), 600));
    CHECK(tooMuch["code"] == "record_attachments_too_large");
    CHECK(tooMuch["message"] == attachmentLimitRefusal(limits, 600, 1, 500)->message);
    w.q3->attach(parent, std::string(64, 'd'), 100);
    Json tooMany = refusal(w.q3->attach(newRecordId(), parent, std::string(64, 'e'), 10));
    CHECK(tooMany["code"] == "too_many_attachments");
    // Removing one makes room; a caption edit of a full record passes.
    CHECK(w.q3->push("attachment", a, {{"deleted", true}})["accepted"] == 1);
    CHECK(w.q3->push("attachment", a, {{"caption", "Đã gỡ"}})["accepted"] == 1);
    w.q3->attach(parent, std::string(64, 'f'), 400);

    // Within one push the earlier attachments count before they are materialised.
    const std::string other = w.q3->petition("Rác ứ đọng");
    std::vector<Change> batch;
    for (char c : std::string("123"))
        batch.push_back(makeChange(w.q3->site, ++w.q3->seq, "attachment", newRecordId(), "q3-p4",
                                   "canbo.q3",
                                   {{"parent_entity", "petition"},
                                    {"parent", other},
                                    {"kind", "photo"},
                                    {"sha256", std::string(64, c)},
                                    {"size", 100},
                                    {"mime", "image/jpeg"}}));
    const Reply pushed = jsonPost(w.base, "/api/v1/sync/push", pushBody(batch), w.q3->token);
    CHECK(pushed.body["accepted"] == 2);
    REQUIRE(pushed.body["refused"].size() == 1);
    CHECK(pushed.body["refused"][0]["code"] == "too_many_attachments");
}

TEST_CASE("a blob of a Quan 3 petition is never served to a Quan 12 user even by hash",
          "[blobs][scope]") {
    World w;
    const std::string bytes = randomBytes(30'000, 3);
    const std::string hash = sha256Of(bytes);
    w.q3->attach(w.q3->petition("Xe khách đậu trong hẻm"), hash, 30'000);
    REQUIRE(putBlob(w.base, w.q3->token, hash, bytes).status == 201);

    // By hash alone: as for a hash nobody holds.
    Reply got = getBlob(w.base, w.q12->token, hash);
    CHECK(got.status == 404);
    CHECK(got.body["error"]["code"] == "blob_not_found");
    CHECK(got.raw.find(bytes.substr(0, 64)) == std::string::npos);
    CHECK(getBlob(w.base, w.q12->token, std::string(64, '0')).body["error"]["code"] ==
          "blob_not_found");
    CHECK(headBlob(w.base, w.q12->token, hash).status == 403);
    CHECK(putBlob(w.base, w.q12->token, hash, bytes).body["error"]["code"] == "blob_not_in_scope");

    // The hash written into an attachment of a Quận 12 petition opens nothing either.
    w.q12->attach(w.q12->petition("Xe khách dừng đỗ ở Thới An"), hash, 30'000);
    got = getBlob(w.base, w.q12->token, hash);
    CHECK(got.status == 404);
    CHECK(got.body["error"]["code"] == "blob_pending");
    CHECK(got.raw.find(bytes.substr(0, 64)) == std::string::npos);
    Reply head = headBlob(w.base, w.q12->token, hash);
    CHECK(head.status == 404);
    CHECK(uploadOffset(head) == 0);
    std::string other = bytes;
    other[0] ^= 1;
    CHECK(putBlob(w.base, w.q12->token, hash, other).status == 422);
    CHECK(getBlob(w.base, w.q12->token, hash).status == 404);
    CHECK(same(getBlob(w.base, w.q3->token, hash).raw, bytes));

    // Sending the bytes themselves proves possession: then they are served to Quận 12.
    CHECK(putBlob(w.base, w.q12->token, hash, bytes).status == 201);
    CHECK(same(getBlob(w.base, w.q12->token, hash).raw, bytes));
    CHECK(same(readFileBytes(w.server.dataDir() + "/blobs/" + hash.substr(0, 2) + "/" + hash),
               bytes));
}

TEST_CASE("the collector removes unnamed blobs and abandoned uploads only after the grace period",
          "[blobs]") {
    World w;
    const std::string parent = w.q3->petition("Ngập nước");
    const std::string doomedParent = w.q3->petition("Trùng lặp");
    std::map<std::string, std::string> blob;
    std::uint32_t seed = 100;
    for (const char* name : {"named", "removed", "orphaned", "partial"})
        blob[name] = randomBytes(10'000, ++seed);
    w.q3->attach(parent, sha256Of(blob["named"]), 10'000);
    const std::string removed = w.q3->attach(parent, sha256Of(blob["removed"]), 10'000);
    w.q3->attach(doomedParent, sha256Of(blob["orphaned"]), 10'000);
    w.q3->attach(parent, sha256Of(blob["partial"]), 10'000);
    for (const char* name : {"named", "removed", "orphaned"})
        REQUIRE(putBlob(w.base, w.q3->token, sha256Of(blob[name]), blob[name]).status == 201);
    REQUIRE(putBlob(w.base, w.q3->token, sha256Of(blob["partial"]), blob["partial"].substr(0, 4000),
                    range(0, 3999, 10'000))
                .status == 200);
    REQUIRE(w.q3->push("attachment", removed, {{"deleted", true}})["accepted"] == 1);
    REQUIRE(w.q3->push("petition", doomedParent, {{"deleted", true}})["accepted"] == 1);

    server::Context& ctx = w.server.context();
    auto early = server::collectBlobs(*ctx.store, ctx.mutex, systemMillis(), 7);
    REQUIRE(early);
    CHECK(early->removed == 0);
    CHECK(early->removedPartial == 0);
    CHECK(w.blobs().size(sha256Of(blob["removed"])));

    const std::int64_t eightDaysLater = systemMillis() + 8LL * 24 * 3600 * 1000;
    auto late = server::collectBlobs(*ctx.store, ctx.mutex, eightDaysLater, 7);
    REQUIRE(late);
    CHECK(late->removed == 2);
    CHECK(late->removedPartial == 1);
    CHECK(late->kept == 1);
    CHECK(late->bytesKept == 10'000);
    CHECK(w.blobs().size(sha256Of(blob["named"])));
    CHECK_FALSE(w.blobs().size(sha256Of(blob["removed"])));
    CHECK_FALSE(w.blobs().size(sha256Of(blob["orphaned"])));
    CHECK(w.blobs().partialSize(sha256Of(blob["partial"])) == 0);
    CHECK(same(getBlob(w.base, w.q3->token, sha256Of(blob["named"])).raw, blob["named"]));
}

TEST_CASE("a backup holds the blobs beside the database", "[blobs]") {
    World w;
    const std::string bytes = randomBytes(40'000, 5);
    const std::string hash = sha256Of(bytes);
    w.q3->attach(w.q3->petition("Cần ảnh trong bản sao"), hash, 40'000);
    REQUIRE(putBlob(w.base, w.q3->token, hash, bytes).status == 201);
    TempDir dest;
    REQUIRE(server::runAdminCommand({"backup", dest.path(), "--data", w.server.dataDir()}) == 0);
    CHECK(same(readFileBytes(dest.path() + "/blobs/" + hash.substr(0, 2) + "/" + hash), bytes));
    std::size_t databases = 0;
    for (const auto& f : std::filesystem::directory_iterator(dest.path()))
        databases += f.path().extension() == ".db";
    CHECK(databases == 1);
}

TEST_CASE("after kill -9 during uploads every acknowledged blob is there and partial ones resume",
          "[blobs][process]") {
    TempDir data;
    std::vector<std::string> done, hashes;
    const std::uint32_t seed = std::random_device{}();
    INFO("seed " << seed);
    for (int i = 0; i < 4; ++i) done.push_back(randomBytes(1'500'000 + i * 1000, seed + i));
    for (const auto& b : done) hashes.push_back(sha256Of(b));
    {
        TestServerOptions o;
        o.dataDir = data.path();
        InProcessServer first(o);
        seedTestTree(first.context());
    }
    TestServerOptions o;
    o.dataDir = data.path();
    ServerProcess server(o);
    Tablet tablet(server.baseUrl(), "canbo.q3", "q3-p4");
    const std::string parent = tablet.petition("Ảnh trước khi máy chủ tắt");
    for (std::size_t i = 0; i < done.size(); ++i)
        tablet.attach(parent, hashes[i], static_cast<long long>(done[i].size()));

    // Three acknowledged; the fourth has one piece stored and half of the next in flight.
    for (int i = 0; i < 3; ++i)
        REQUIRE(uploadInPieces(server.baseUrl(), tablet.token, done[i], 512 * 1024).status == 201);
    const std::string& cut = done[3];
    REQUIRE(putBlob(server.baseUrl(), tablet.token, hashes[3], cut.substr(0, 500'000),
                    range(0, 499'999, cut.size()))
                .status == 200);
    const int fd =
        sendRaw(server.port(), cutPut(tablet.token, hashes[3], cut, 500'000, 999'999, 250'000));
    REQUIRE(waitForOffset(server.baseUrl(), tablet.token, hashes[3], 750'000) == 750'000);
    server.kill(SIGKILL);
    ::close(fd);
    server.start();

    for (int i = 0; i < 3; ++i) {
        CHECK(headBlob(server.baseUrl(), tablet.token, hashes[i]).status == 200);
        CHECK(same(getBlob(server.baseUrl(), tablet.token, hashes[i]).raw, done[i]));
    }
    const Reply head = headBlob(server.baseUrl(), tablet.token, hashes[3]);
    CHECK(head.status == 404);
    const std::uint64_t offset = uploadOffset(head);
    CHECK(offset == 750'000);
    CHECK(uploadInPieces(server.baseUrl(), tablet.token, cut, 400'000, offset).status == 201);
    CHECK(same(getBlob(server.baseUrl(), tablet.token, hashes[3]).raw, cut));
}

namespace {

/** The peak resident memory of a process (VmHWM), in KiB. */
long peakKib(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

}  // namespace

TEST_CASE("uploading and serving a 20 MiB blob keeps the server's memory flat",
          "[blobs][process][memory]") {
    if (!kMemoryIsMeasurable) return;
    TempDir data;
    {
        TestServerOptions o;
        o.dataDir = data.path();
        InProcessServer first(o);
        seedTestTree(first.context());
    }
    TestServerOptions o;
    o.dataDir = data.path();
    ServerProcess server(o);
    Tablet tablet(server.baseUrl(), "canbo.q3", "q3-p4");
    const std::string parent = tablet.petition("Ảnh lớn");
    // A small blob first: every path (threads, statements, buffers) has run once.
    const std::string small = randomBytes(300'000, 21);
    tablet.attach(parent, sha256Of(small), static_cast<long long>(small.size()));
    REQUIRE(uploadInPieces(server.baseUrl(), tablet.token, small, 100'000).status == 201);
    REQUIRE(same(getBlob(server.baseUrl(), tablet.token, sha256Of(small)).raw, small));
    const long before = peakKib(server.pid());

    const std::string big = randomBytes(20u << 20, 22);
    tablet.attach(parent, sha256Of(big), static_cast<long long>(big.size()));
    REQUIRE(uploadInPieces(server.baseUrl(), tablet.token, big, 4u << 20).status == 201);
    REQUIRE(same(getBlob(server.baseUrl(), tablet.token, sha256Of(big)).raw, big));
    const long after = peakKib(server.pid());
    WARN("server peak RSS " << before << " KiB before, " << after
                            << " KiB after moving 20 MiB up and down");
    CHECK(after - before < 8 * 1024);
}
