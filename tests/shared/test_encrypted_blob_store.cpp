// The tablet's blobs encrypted at rest (encrypted_blob_store.h): nothing of a photo or of its
// name in the clear, another key refused, damage detected, reads at any offset.

#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <random>

#include "nghedan/blob_store.h"
#include "nghedan/encrypted_blob_store.h"
#include "nghedan/local_key.h"
#include "test_support.h"

using namespace nghedan;
using nghedan::test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kMarker = "Ảnh hộ ông Nguyễn Văn Xuyến số 47";

std::string key(char fill) { return std::string(32, fill); }

std::unique_ptr<BlobStore> encryptedStore(const fs::path& dir, const std::string& k) {
    auto store = openEncryptedBlobStore(dir, k);
    INFO((store ? "" : store.error().code + ": " + store.error().message));
    REQUIRE(store.ok());
    return std::move(*store);
}

/** Bytes with the marker every 1000 bytes and seeded noise between. */
std::string photoBytes(std::size_t size, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::string out(size, '\0');
    for (auto& c : out) c = static_cast<char>(rng());
    for (std::size_t at = 0; at + kMarker.size() < size; at += 1000)
        out.replace(at, kMarker.size(), kMarker);
    return out;
}

std::string sha256(const std::string& bytes) {
    Sha256 h;
    h.update(bytes.data(), bytes.size());
    return h.hexDigest();
}

/** Stores `bytes` whole; returns its hash. */
std::string put(BlobStore& store, const std::string& bytes) {
    const std::string hash = sha256(bytes);
    auto writer = store.resume(hash, 0);
    REQUIRE(writer.ok());
    REQUIRE((*writer)->write(bytes.data(), bytes.size()).ok());
    REQUIRE((*writer)->sync().ok());
    writer->reset();
    auto done = store.finish(hash, bytes.size());
    REQUIRE(done.ok());
    REQUIRE(*done);
    return hash;
}

Result<std::string> readAll(BlobStore& store, const std::string& hash) {
    auto reader = store.open(hash);
    if (!reader) return reader.error();
    std::string out;
    char buf[10000];
    for (;;) {
        auto n = (*reader)->read(out.size(), buf, sizeof buf);
        if (!n) return n.error();
        if (*n == 0) return out;
        out.append(buf, *n);
    }
}

std::string fileText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

/** Every file under `dir` whose name or content holds one of `needles`. */
std::vector<std::string> filesShowing(const fs::path& dir, const std::vector<std::string>& needles) {
    std::vector<std::string> found;
    for (const auto& f : fs::recursive_directory_iterator(dir)) {
        if (!f.is_regular_file()) continue;
        const std::string text = fileText(f.path());
        for (const auto& n : needles)
            if (text.find(n) != std::string::npos ||
                f.path().string().find(n) != std::string::npos)
                found.push_back(f.path().string());
    }
    return found;
}

std::vector<std::string> secrets(const std::string& hash) {
    std::string raw(32, '\0');
    for (std::size_t i = 0; i < 32; ++i) raw[i] = static_cast<char>(std::stoi(hash.substr(2 * i, 2), nullptr, 16));
    return {kMarker, "Xuyến", hash, hash.substr(0, 16), raw};
}

/** The only complete blob file under `dir`. */
fs::path onlyBlobFile(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& f : fs::recursive_directory_iterator(dir))
        if (f.is_regular_file() && f.path().parent_path().filename().string().size() == 2)
            files.push_back(f.path());
    REQUIRE(files.size() == 1);
    return files.front();
}

}  // namespace

TEST_CASE("an encrypted blob store keeps neither a photo's bytes nor its name in the clear",
          "[blobs][encryption]") {
    TempDir dir;
    auto store = encryptedStore(dir.path() / "blobs", key('k'));
    const std::string photo = photoBytes(300'000, 7);
    const std::string hash = put(*store, photo);
    // an unfinished one too
    const std::string other = photoBytes(150'000, 8);
    auto writer = store->resume(sha256(other), 0);
    REQUIRE(writer.ok());
    REQUIRE((*writer)->write(other.data(), 100'000).ok());
    REQUIRE((*writer)->sync().ok());
    writer->reset();

    CHECK(filesShowing(dir.path(), secrets(hash)).empty());
    CHECK(filesShowing(dir.path(), secrets(sha256(other))).empty());
    CHECK(store->size(hash) == photo.size());
    CHECK(store->partialSize(sha256(other)) == 100'000);
    auto back = readAll(*store, hash);
    REQUIRE(back.ok());
    CHECK(*back == photo);
}

TEST_CASE("the same photo in the plain blob store shows its marker and name so the scan can fail",
          "[blobs][encryption]") {
    TempDir dir;
    auto store = openFileBlobStore(dir.path() / "blobs");
    REQUIRE(store.ok());
    const std::string hash = put(**store, photoBytes(300'000, 7));
    CHECK(filesShowing(dir.path(), {kMarker}).size() == 1);
    CHECK(filesShowing(dir.path(), {hash}).size() == 1);
}

TEST_CASE("a blob store made under one key is refused under another and left as it was",
          "[blobs][encryption]") {
    TempDir dir;
    const fs::path blobs = dir.path() / "blobs";
    std::string hash;
    {
        auto store = encryptedStore(blobs, key('a'));
        hash = put(*store, photoBytes(70'000, 1));
    }
    std::map<std::string, std::string> before;
    for (const auto& f : fs::recursive_directory_iterator(blobs))
        if (f.is_regular_file()) before[f.path().string()] = fileText(f.path());

    auto wrong = openEncryptedBlobStore(blobs, key('b'));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == "wrong_key");
    CHECK(openEncryptedBlobStore(blobs, "short").error().code == "invalid_key");

    std::map<std::string, std::string> after;
    for (const auto& f : fs::recursive_directory_iterator(blobs))
        if (f.is_regular_file()) after[f.path().string()] = fileText(f.path());
    CHECK(after == before);
    auto right = encryptedStore(blobs, key('a'));
    CHECK(right->size(hash) == 70'000u);
}

TEST_CASE("a damaged chunk of an encrypted blob is an error and the chunks around it still read",
          "[blobs][encryption]") {
    TempDir dir;
    auto store = encryptedStore(dir.path() / "blobs", key('k'));
    const std::string photo = photoBytes(4 * kEncryptedBlobChunk + 123, 3);
    const std::string hash = put(*store, photo);
    const fs::path file = onlyBlobFile(dir.path() / "blobs");
    {  // one bit flipped in the middle of the third chunk
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        const auto at = static_cast<std::streamoff>(fs::file_size(file) / 2);
        f.seekg(at);
        char c = 0;
        f.get(c);
        f.seekp(at);
        f.put(static_cast<char>(c ^ 0x10));
    }
    auto reader = store->open(hash);
    REQUIRE(reader.ok());
    std::string buf(1000, '\0');
    auto first = (*reader)->read(10, buf.data(), buf.size());
    REQUIRE(first.ok());
    CHECK(buf.substr(0, *first) == photo.substr(10, *first));
    auto damaged = (*reader)->read(2 * kEncryptedBlobChunk + 5, buf.data(), buf.size());
    REQUIRE_FALSE(damaged.ok());
    CHECK(damaged.error().code == "damaged");
    auto last = (*reader)->read(4 * kEncryptedBlobChunk, buf.data(), buf.size());
    REQUIRE(last.ok());
    CHECK(buf.substr(0, *last) == photo.substr(4 * kEncryptedBlobChunk));

    SECTION("a truncated blob is no longer held") {
        fs::resize_file(file, fs::file_size(file) - 200);
        CHECK_FALSE(store->size(hash).has_value());
        CHECK(store->open(hash).error().code == "damaged");
    }
    SECTION("a damaged unfinished blob is refused by finish and dropped") {
        const std::string other = photoBytes(3 * kEncryptedBlobChunk, 4);
        const std::string otherHash = sha256(other);
        auto writer = store->resume(otherHash, 0);
        REQUIRE(writer.ok());
        REQUIRE((*writer)->write(other.data(), other.size()).ok());
        REQUIRE((*writer)->sync().ok());
        writer->reset();
        const fs::path partial = dir.path() / "blobs" / "partial";
        const fs::path pfile = fs::directory_iterator(partial)->path();
        {
            std::fstream f(pfile, std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(static_cast<std::streamoff>(200));
            f.put('!');
        }
        auto done = store->finish(otherHash, other.size());
        REQUIRE_FALSE(done.ok());
        CHECK(done.error().code == "hash_mismatch");
        CHECK(store->partialSize(otherHash) == 0);
        CHECK_FALSE(store->size(otherHash).has_value());
    }
}

TEST_CASE("reads of an encrypted blob at any offset give the plaintext bytes there",
          "[blobs][encryption]") {
    const std::uint64_t seed = std::random_device{}();
    std::cout << "encrypted blob reads: seed " << seed << "\n";
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    TempDir dir;
    auto store = encryptedStore(dir.path() / "blobs", key('k'));
    const std::size_t size = 3 * kEncryptedBlobChunk + rng() % kEncryptedBlobChunk;
    const std::string photo = photoBytes(size, seed);
    const std::string hash = put(*store, photo);
    auto reader = store->open(hash);
    REQUIRE(reader.ok());
    CHECK((*reader)->size() == size);
    for (int i = 0; i < 200; ++i) {
        const std::uint64_t offset = rng() % (size + 10);
        std::string buf(1 + rng() % (2 * kEncryptedBlobChunk), '\0');
        std::string got;
        while (got.size() < buf.size()) {  // a read may stop at a chunk's end
            auto n = (*reader)->read(offset + got.size(), buf.data(), buf.size() - got.size());
            REQUIRE(n.ok());
            if (*n == 0) break;
            got.append(buf.data(), *n);
        }
        const std::string want = offset >= size ? "" : photo.substr(offset, buf.size());
        REQUIRE(got == want);
    }
    auto listed = store->list();
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 1);
    CHECK(listed->front().hash == hash);
    CHECK(listed->front().size == size);
}

TEST_CASE("an unfinished encrypted blob continues from its partial size after the writer is gone",
          "[blobs][encryption]") {
    TempDir dir;
    const fs::path blobs = dir.path() / "blobs";
    const std::string photo = photoBytes(2 * kEncryptedBlobChunk + 5000, 11);
    const std::string hash = sha256(photo);
    {
        auto store = encryptedStore(blobs, key('k'));
        auto writer = store->resume(hash, 0);
        REQUIRE(writer.ok());
        REQUIRE((*writer)->write(photo.data(), 70'000).ok());
        REQUIRE((*writer)->sync().ok());
        REQUIRE(store->resume(hash, 70'000).error().code == "busy");
    }
    auto store = encryptedStore(blobs, key('k'));
    REQUIRE(store->partialSize(hash) == 70'000);
    CHECK(store->resume(hash, 1000).error().code == "offset_mismatch");
    auto partial = store->listPartial();
    REQUIRE(partial.ok());
    REQUIRE(partial->size() == 1);
    CHECK(partial->front().hash == hash);
    CHECK(partial->front().size == 70'000u);
    CHECK(store->finish(hash, photo.size()).value() == false);
    {
        auto writer = store->resume(hash, 70'000);
        REQUIRE(writer.ok());
        REQUIRE((*writer)->write(photo.data() + 70'000, 50'000).ok());
        REQUIRE((*writer)->sync().ok());
    }
    SECTION("a torn last chunk is cut back to the chunk before it") {
        const fs::path pfile = fs::directory_iterator(blobs / "partial")->path();
        fs::resize_file(pfile, fs::file_size(pfile) - 7);
        CHECK(store->partialSize(hash) == kEncryptedBlobChunk);
        auto writer = store->resume(hash, kEncryptedBlobChunk);
        REQUIRE(writer.ok());
        REQUIRE((*writer)->write(photo.data() + kEncryptedBlobChunk, photo.size() - kEncryptedBlobChunk).ok());
        REQUIRE((*writer)->sync().ok());
    }
    SECTION("the rest follows") {
        auto writer = store->resume(hash, 120'000);
        REQUIRE(writer.ok());
        REQUIRE((*writer)->write(photo.data() + 120'000, photo.size() - 120'000).ok());
        REQUIRE((*writer)->sync().ok());
    }
    auto done = store->finish(hash, photo.size());
    REQUIRE(done.ok());
    CHECK(*done);
    auto back = readAll(*store, hash);
    REQUIRE(back.ok());
    CHECK(*back == photo);
    CHECK(store->partialSize(hash) == 0);
}

TEST_CASE("wiping a replica's files removes its blob directory too", "[blobs][encryption]") {
    TempDir dir;
    const std::string replica = dir.file("replica.db");
    {
        auto store = encryptedStore(blobDirPath(replica), key('k'));
        put(*store, photoBytes(1000, 2));
    }
    { std::ofstream(replica) << "x"; }
    REQUIRE(fs::exists(blobDirPath(replica)));
    REQUIRE(wipeLocalFiles(replica).ok());
    CHECK(fs::is_empty(dir.path()));
}
