#pragma once
// Photos for the blob tests and benchmark: seeded bytes written into a tablet's blob store a
// piece at a time (never whole in memory), attachment records naming them, and checks of what
// a store and the server's data directory hold.

#include <cstring>
#include <filesystem>
#include <random>
#include <string>

#include "e2e_world.h"
#include "nghedan/blob_store.h"

namespace nghedan::test {

/** Seeded bytes of one photo, produced in pieces of at most 64 KiB. */
template <class Fn>
void photoPieces(std::uint64_t seed, std::uint64_t size, Fn&& fn) {
    std::mt19937_64 rng(seed);
    std::string piece;
    for (std::uint64_t done = 0; done < size;) {
        const std::size_t n =
            static_cast<std::size_t>(std::min<std::uint64_t>(64 * 1024, size - done));
        piece.resize(n);
        for (std::size_t i = 0; i < n; i += 8) {
            const std::uint64_t v = rng();
            std::memcpy(piece.data() + i, &v, std::min<std::size_t>(8, n - i));
        }
        fn(piece);
        done += n;
    }
}

/** Stores the seeded photo in `store`; its name (SHA-256). */
inline Result<std::string> storePhoto(BlobStore& store, std::uint64_t seed, std::uint64_t size) {
    Sha256 sha;
    photoPieces(seed, size, [&](const std::string& p) { sha.update(p.data(), p.size()); });
    const std::string hash = sha.hexDigest();
    if (store.size(hash)) return hash;
    auto writer = store.resume(hash, 0);
    if (!writer) return writer.error();
    Status written;
    photoPieces(seed, size, [&](const std::string& p) {
        if (written) written = (*writer)->write(p.data(), p.size());
    });
    if (written) written = (*writer)->sync();
    writer->reset();
    if (!written) return written.error();
    auto done = store.finish(hash, size);
    if (!done) return done.error();
    if (!*done) return Error{"io", "photo not complete"};
    return hash;
}

/** The SHA-256 of the blob's bytes as `store` reads them back ("" when unreadable). */
inline std::string rehash(BlobStore& store, const std::string& hash) {
    auto reader = store.open(hash);
    if (!reader) return "";
    Sha256 sha;
    std::string buf(64 * 1024, '\0');
    for (std::uint64_t at = 0;;) {
        auto n = (*reader)->read(at, buf.data(), buf.size());
        if (!n) return "";
        if (*n == 0) break;
        sha.update(buf.data(), *n);
        at += *n;
    }
    return sha.hexDigest();
}

/** A photo attachment of `parent` (a petition in `unit`) naming its file and thumbnail. */
inline Result<Change> writePhotoRecord(Tablet& t, const std::string& parent,
                                       const std::string& unit, const std::string& hash,
                                       std::uint64_t size, const std::string& thumb,
                                       std::uint64_t thumbSize, int n) {
    return t.write("attachment", "", unit,
                   {{"parent_entity", "petition"},
                    {"parent", parent},
                    {"kind", "photo"},
                    {"caption", "Ảnh hiện trường số " + std::to_string(n)},
                    {"sha256", hash},
                    {"size", static_cast<std::int64_t>(size)},
                    {"mime", "image/jpeg"},
                    {"file_name", "anh-" + std::to_string(n) + ".jpg"},
                    {"width", 4000},
                    {"height", 3000},
                    {"thumb_sha256", thumb},
                    {"thumb_size", static_cast<std::int64_t>(thumbSize)}});
}

/** Complete blobs under a server data directory's blobs/ (two-hex-digit subdirectories). */
inline std::size_t serverBlobFiles(const std::string& dataDir, std::uint64_t* bytes = nullptr) {
    std::size_t n = 0;
    std::error_code ec;
    for (const auto& sub : std::filesystem::directory_iterator(dataDir + "/blobs", ec)) {
        if (sub.path().filename().string().size() != 2 || !sub.is_directory()) continue;
        for (const auto& f : std::filesystem::directory_iterator(sub.path(), ec)) {
            ++n;
            if (bytes) *bytes += f.file_size(ec);
        }
    }
    return n;
}

}  // namespace nghedan::test
