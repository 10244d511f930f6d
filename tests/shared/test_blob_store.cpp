// The file blob store (blob_store.h) on a real directory: blobs written in pieces by successive
// writers, visible only once checked, never replaced by other bytes, and removed on request.

#include <catch2/catch.hpp>

#include <fstream>

#include "nghedan/blob_store.h"
#include "test_support.h"

using namespace nghedan;
using nghedan::test::TempDir;

namespace {

std::string bytesOf(std::size_t size, char salt) {
    std::string out(size, '\0');
    for (std::size_t i = 0; i < size; ++i) out[i] = static_cast<char>((i * 131 + salt) & 0xff);
    return out;
}

std::string sha256Of(const std::string& bytes) {
    Sha256 h;
    h.update(bytes.data(), bytes.size());
    return h.hexDigest();
}

std::unique_ptr<BlobStore> openStore(const TempDir& dir) {
    auto store = openFileBlobStore(dir.path() / "blobs");
    REQUIRE(store);
    return std::move(*store);
}

Status append(BlobStore& store, const std::string& hash, const std::string& bytes,
              std::uint64_t offset) {
    auto writer = store.resume(hash, offset);
    if (!writer) return writer.error();
    if (Status s = (*writer)->write(bytes.data(), bytes.size()); !s) return s;
    return (*writer)->sync();
}

std::string readAll(BlobStore& store, const std::string& hash) {
    auto reader = store.open(hash);
    REQUIRE(reader);
    std::string out((*reader)->size(), '\0');
    std::uint64_t at = 0;
    while (at < out.size()) {
        auto n = (*reader)->read(at, out.data() + at, 1000);
        REQUIRE(n);
        REQUIRE(*n > 0);
        at += *n;
    }
    return out;
}

}  // namespace

TEST_CASE("a blob written in pieces by successive writers appears only once it is checked",
          "[blob_store]") {
    TempDir dir;
    auto store = openStore(dir);
    const std::string bytes = bytesOf(300'000, 1);
    const std::string hash = sha256Of(bytes);
    REQUIRE(append(*store, hash, bytes.substr(0, 100'000), 0));
    CHECK(store->partialSize(hash) == 100'000);
    CHECK_FALSE(store->size(hash));
    CHECK(store->finish(hash, bytes.size()).value() == false);

    auto wrong = store->resume(hash, 50'000);
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == "offset_mismatch");
    {
        auto holder = store->resume(hash, 100'000);
        REQUIRE(holder);
        auto second = store->resume(hash, 100'000);
        REQUIRE_FALSE(second);
        CHECK(second.error().code == "busy");
    }
    // Reopened (a restart): the unfinished blob continues where it stopped.
    store = openStore(dir);
    REQUIRE(append(*store, hash, bytes.substr(100'000), store->partialSize(hash)));
    CHECK(store->finish(hash, bytes.size()).value() == true);
    CHECK(store->size(hash) == std::optional<std::uint64_t>(bytes.size()));
    CHECK(store->partialSize(hash) == 0);
    CHECK(readAll(*store, hash) == bytes);
    auto listed = store->list();
    REQUIRE(listed);
    REQUIRE(listed->size() == 1);
    CHECK((*listed)[0].hash == hash);
}

TEST_CASE("other bytes under a blob's name are discarded and never replace the stored blob",
          "[blob_store]") {
    TempDir dir;
    auto store = openStore(dir);
    const std::string bytes = bytesOf(10'000, 2);
    const std::string hash = sha256Of(bytes);
    std::string forged = bytes;
    forged[5000] ^= 1;

    REQUIRE(append(*store, hash, forged, 0));
    auto refused = store->finish(hash, bytes.size());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "hash_mismatch");
    CHECK(store->partialSize(hash) == 0);

    REQUIRE(append(*store, hash, bytes + "extra", 0));  // more than declared
    CHECK_FALSE(store->finish(hash, bytes.size()));
    CHECK(store->partialSize(hash) == 0);

    REQUIRE(append(*store, hash, bytes, 0));
    REQUIRE(store->finish(hash, bytes.size()).value());
    // A second copy is checked and dropped: forged bytes change nothing.
    REQUIRE(append(*store, hash, forged, 0));
    CHECK_FALSE(store->finish(hash, bytes.size()));
    REQUIRE(append(*store, hash, bytes, 0));
    CHECK(store->finish(hash, bytes.size()).value());
    CHECK(store->partialSize(hash) == 0);
    CHECK(readAll(*store, hash) == bytes);
}

TEST_CASE("removing an unfinished upload keeps the complete blob and remove takes both",
          "[blob_store]") {
    TempDir dir;
    auto store = openStore(dir);
    const std::string bytes = bytesOf(5000, 3);
    const std::string hash = sha256Of(bytes);
    REQUIRE(append(*store, hash, bytes, 0));
    REQUIRE(store->finish(hash, bytes.size()).value());
    REQUIRE(append(*store, hash, bytes.substr(0, 100), 0));
    auto partial = store->listPartial();
    REQUIRE(partial);
    CHECK(partial->size() == 1);

    REQUIRE(store->removePartial(hash));
    CHECK(store->partialSize(hash) == 0);
    CHECK(store->size(hash) == std::optional<std::uint64_t>(5000));
    REQUIRE(store->remove(hash));
    CHECK_FALSE(store->size(hash));
    CHECK(store->remove(hash));  // absent: no error

    const std::string file = dir.file("photo.jpg");
    std::ofstream(file, std::ios::binary) << bytes;
    auto added = addBlobFile(*store, file);
    REQUIRE(added);
    CHECK(added->hash == hash);
    CHECK(readAll(*store, hash) == bytes);
}
