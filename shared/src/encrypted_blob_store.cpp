#include "nghedan/encrypted_blob_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <set>

#include <sodium.h>

#include "file_io.h"
#include "nghedan/schema.h"

namespace nghedan {

namespace fs = std::filesystem;

namespace {

using fileio::ioError;
using fileio::modifiedMs;
using fileio::syncDirectory;

constexpr std::size_t kChunk = kEncryptedBlobChunk;
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kKey = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr char kMagic[8] = {'N', 'D', 'B', 'L', 'O', 'B', '0', '1'};
constexpr std::size_t kFileId = 16;
constexpr std::size_t kHashRaw = 32;
constexpr std::size_t kHeaderPlain = kHashRaw + 8;
constexpr std::size_t kHeader = sizeof kMagic + kFileId + kNonce + kHeaderPlain + kTag;
constexpr std::size_t kChunkOverhead = kNonce + kTag;
constexpr std::size_t kChunkStored = kChunk + kChunkOverhead;
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "NDblobs_";
constexpr std::uint64_t kContentKeyId = 1;
constexpr std::uint64_t kNameKeyId = 2;
const std::string kKeyCheckName = "key-check";
const std::string kKeyCheckText = "nghedan encrypted blob store";


Error damagedError() {
    return Error{"damaged", "Tệp đính kèm trên máy đã bị hỏng, cần tải lại"};
}



bool readAt(int fd, void* out, std::size_t size, std::uint64_t at) {
    auto* p = static_cast<char*>(out);
    while (size > 0) {
        const ssize_t n = ::pread(fd, p, size, static_cast<off_t>(at));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        p += n;
        size -= static_cast<std::size_t>(n);
        at += static_cast<std::uint64_t>(n);
    }
    return true;
}

bool writeAt(int fd, const void* data, std::size_t size, std::uint64_t at) {
    const auto* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, p, size, static_cast<off_t>(at));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        p += n;
        size -= static_cast<std::size_t>(n);
        at += static_cast<std::uint64_t>(n);
    }
    return true;
}

std::uint64_t fileSize(int fd) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) return 0;
    return static_cast<std::uint64_t>(st.st_size);
}

/** Chunks a file of `bytes` holds and the plaintext of its last one (0 chunks: 0). A last
 *  chunk too short to hold a tag counts as a chunk of no plaintext (decrypting it fails). */
struct ChunkLayout {
    std::uint64_t chunks = 0;
    std::uint64_t lastPlain = 0;
    std::uint64_t plain() const { return chunks == 0 ? 0 : (chunks - 1) * kChunk + lastPlain; }
};
ChunkLayout layoutOf(std::uint64_t bytes) {
    if (bytes <= kHeader) return {};
    const std::uint64_t rest = bytes - kHeader;
    ChunkLayout l;
    l.chunks = (rest + kChunkStored - 1) / kChunkStored;
    const std::uint64_t last = rest - (l.chunks - 1) * kChunkStored;
    l.lastPlain = last > kChunkOverhead ? last - kChunkOverhead : 0;
    return l;
}

std::uint64_t chunkPosition(std::uint64_t index) {
    return kHeader + index * kChunkStored;
}

/** What the header of a blob file says. */
struct Header {
    std::array<unsigned char, kFileId> fileId{};
    std::array<unsigned char, kHashRaw> hash{};
    std::uint64_t size = 0;  ///< plaintext size once complete; 0 while unfinished
};

class Keys {
public:
    Keys() {
        sodium_mlock(m_content, sizeof m_content);
        sodium_mlock(m_names, sizeof m_names);
    }
    ~Keys() {
        sodium_munlock(m_content, sizeof m_content);
        sodium_munlock(m_names, sizeof m_names);
    }
    Keys(const Keys&) = delete;
    Keys& operator=(const Keys&) = delete;
    bool derive(const std::string& dataKey) {
        const auto* master = reinterpret_cast<const unsigned char*>(dataKey.data());
        return crypto_kdf_derive_from_key(m_content, sizeof m_content, kContentKeyId, kKdfContext,
                                          master) == 0 &&
               crypto_kdf_derive_from_key(m_names, sizeof m_names, kNameKeyId, kKdfContext,
                                          master) == 0;
    }
    const unsigned char* content() const { return m_content; }
    const unsigned char* names() const { return m_names; }

private:
    unsigned char m_content[kKey];
    unsigned char m_names[crypto_generichash_KEYBYTES];
};

/** Associated data of chunk `index` of a file: its id, its blob and the index. */
std::array<unsigned char, kFileId + kHashRaw + 8> chunkAd(const Header& h, std::uint64_t index) {
    std::array<unsigned char, kFileId + kHashRaw + 8> ad{};
    std::memcpy(ad.data(), h.fileId.data(), kFileId);
    std::memcpy(ad.data() + kFileId, h.hash.data(), kHashRaw);
    for (int i = 0; i < 8; ++i)
        ad[kFileId + kHashRaw + i] = static_cast<unsigned char>(index >> (8 * i));
    return ad;
}

bool writeHeader(int fd, const Keys& keys, const Header& h) {
    unsigned char out[kHeader];
    std::memcpy(out, kMagic, sizeof kMagic);
    std::memcpy(out + sizeof kMagic, h.fileId.data(), kFileId);
    unsigned char* nonce = out + sizeof kMagic + kFileId;
    randombytes_buf(nonce, kNonce);
    unsigned char plain[kHeaderPlain];
    std::memcpy(plain, h.hash.data(), kHashRaw);
    for (int i = 0; i < 8; ++i) plain[kHashRaw + i] = static_cast<unsigned char>(h.size >> (8 * i));
    unsigned long long sealed = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + kNonce, &sealed, plain, sizeof plain, out,
                                               sizeof kMagic + kFileId, nullptr, nonce,
                                               keys.content());
    return writeAt(fd, out, sizeof out, 0);
}

std::optional<Header> readHeader(int fd, const Keys& keys) {
    unsigned char in[kHeader];
    if (!readAt(fd, in, sizeof in, 0) || std::memcmp(in, kMagic, sizeof kMagic) != 0)
        return std::nullopt;
    const unsigned char* nonce = in + sizeof kMagic + kFileId;
    unsigned char plain[kHeaderPlain];
    unsigned long long plainLen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain, &plainLen, nullptr, nonce + kNonce,
                                                   kHeaderPlain + kTag, in, sizeof kMagic + kFileId,
                                                   nonce, keys.content()) != 0)
        return std::nullopt;
    Header h;
    std::memcpy(h.fileId.data(), in + sizeof kMagic, kFileId);
    std::memcpy(h.hash.data(), plain, kHashRaw);
    for (int i = 0; i < 8; ++i)
        h.size |= static_cast<std::uint64_t>(plain[kHashRaw + i]) << (8 * i);
    return h;
}

bool encryptChunk(int fd, const Keys& keys, const Header& h, std::uint64_t index,
                  const unsigned char* plain, std::size_t size) {
    std::vector<unsigned char> out(kNonce + size + kTag);
    randombytes_buf(out.data(), kNonce);
    const auto ad = chunkAd(h, index);
    unsigned long long sealed = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + kNonce, &sealed, plain, size, ad.data(),
                                               ad.size(), nullptr, out.data(), keys.content());
    return writeAt(fd, out.data(), out.size(), chunkPosition(index));
}

/** Decrypts chunk `index` holding `size` plaintext bytes into `out`; false when it does not
 *  read or does not authenticate. */
bool decryptChunk(int fd, const Keys& keys, const Header& h, std::uint64_t index, std::size_t size,
                  unsigned char* out, std::vector<unsigned char>& scratch) {
    scratch.resize(kNonce + size + kTag);
    if (!readAt(fd, scratch.data(), scratch.size(), chunkPosition(index))) return false;
    const auto ad = chunkAd(h, index);
    unsigned long long plainLen = 0;
    return crypto_aead_xchacha20poly1305_ietf_decrypt(
               out, &plainLen, nullptr, scratch.data() + kNonce, size + kTag, ad.data(), ad.size(),
               scratch.data(), keys.content()) == 0 &&
           plainLen == size;
}

std::optional<std::array<unsigned char, kHashRaw>> rawHash(const std::string& hex) {
    std::array<unsigned char, kHashRaw> raw{};
    std::size_t len = 0;
    if (!isBlobHash(hex) ||
        sodium_hex2bin(raw.data(), raw.size(), hex.data(), hex.size(), nullptr, &len, nullptr) !=
            0 ||
        len != kHashRaw)
        return std::nullopt;
    return raw;
}

std::string hexOf(const unsigned char* data, std::size_t size) {
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), data, size);
    hex.pop_back();
    return hex;
}

class EncryptedBlobStore;

class EncryptedBlobWriter final : public BlobWriter {
public:
    EncryptedBlobWriter(EncryptedBlobStore& store, std::string hash, int fd, Header header,
                        std::uint64_t offset, std::vector<unsigned char> tail);
    ~EncryptedBlobWriter() override;
    Status write(const char* data, std::size_t size) override;
    Status sync() override;
    std::uint64_t offset() const override { return m_offset; }

private:
    Status flushTail();
    EncryptedBlobStore& m_store;
    std::string m_hash;
    int m_fd;
    Header m_header;
    std::uint64_t m_offset;
    std::vector<unsigned char> m_tail;  ///< plaintext of the chunk being filled
    bool m_tailWritten = true;          ///< the file holds m_tail as it is
};

class EncryptedBlobReader final : public BlobReader {
public:
    EncryptedBlobReader(const Keys& keys, int fd, Header header)
        : m_keys(keys), m_fd(fd), m_header(header) {}
    ~EncryptedBlobReader() override {
        sodium_memzero(m_plain.data(), m_plain.size());
        ::close(m_fd);
    }
    std::uint64_t size() const override { return m_header.size; }
    Result<std::size_t> read(std::uint64_t offset, char* out, std::size_t size) override {
        if (offset >= m_header.size || size == 0) return std::size_t{0};
        const std::uint64_t index = offset / kChunk;
        const std::uint64_t start = index * kChunk;
        const std::size_t plain =
            static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, m_header.size - start));
        if (m_cached != index) {
            m_plain.resize(kChunk);
            if (!decryptChunk(m_fd, m_keys, m_header, index, plain, m_plain.data(), m_scratch)) {
                m_cached = UINT64_MAX;
                return damagedError();
            }
            m_cached = index;
        }
        const std::size_t at = static_cast<std::size_t>(offset - start);
        const std::size_t n = std::min(size, plain - at);
        std::memcpy(out, m_plain.data() + at, n);
        return n;
    }

private:
    const Keys& m_keys;
    int m_fd;
    Header m_header;
    std::uint64_t m_cached = UINT64_MAX;
    std::vector<unsigned char> m_plain, m_scratch;
};

class EncryptedBlobStore final : public BlobStore {
public:
    explicit EncryptedBlobStore(fs::path dir) : m_dir(std::move(dir)) {}
    Keys& keys() { return m_keys; }
    const fs::path& dir() const { return m_dir; }

    /** The file name of a blob: a keyed hash of its name, which tells nothing without the key. */
    std::string fileName(const std::array<unsigned char, kHashRaw>& raw) const {
        unsigned char out[32];
        crypto_generichash(out, sizeof out, raw.data(), raw.size(), m_keys.names(),
                           crypto_generichash_KEYBYTES);
        return hexOf(out, sizeof out);
    }
    std::optional<fs::path> completePath(const std::string& hash) const {
        const auto raw = rawHash(hash);
        if (!raw) return std::nullopt;
        const std::string name = fileName(*raw);
        return m_dir / name.substr(0, 2) / name;
    }
    std::optional<fs::path> partialPath(const std::string& hash) const {
        const auto raw = rawHash(hash);
        if (!raw) return std::nullopt;
        return m_dir / "partial" / fileName(*raw);
    }

    /** The header of a complete blob file whose size fits what its header says. */
    std::optional<Header> completeHeader(int fd, const std::string& hash) const {
        const auto h = readHeader(fd, m_keys);
        const auto raw = rawHash(hash);
        if (!h || !raw || h->hash != *raw || h->size == 0) return std::nullopt;
        const ChunkLayout l = layoutOf(fileSize(fd));
        if (l.plain() != h->size || (l.chunks > 0 && l.lastPlain == 0)) return std::nullopt;
        return h;
    }

    std::optional<std::uint64_t> size(const std::string& hash) override {
        const auto path = completePath(hash);
        if (!path) return std::nullopt;
        const int fd = ::open(path->c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return std::nullopt;
        const auto h = completeHeader(fd, hash);
        ::close(fd);
        if (!h) return std::nullopt;
        return h->size;
    }

    /** The unfinished blob's plaintext size; a torn last chunk is cut off the file and a file
     *  without a readable header removed. The caller holds m_mutex and no writer is open. */
    std::uint64_t repairPartial(const std::string& hash) {
        const auto path = partialPath(hash);
        if (!path) return 0;
        const int fd = ::open(path->c_str(), O_RDWR | O_CLOEXEC);
        if (fd < 0) return 0;
        const auto h = readHeader(fd, m_keys);
        const auto raw = rawHash(hash);
        if (!h || h->hash != *raw) {
            ::close(fd);
            std::error_code ec;
            fs::remove(*path, ec);
            return 0;
        }
        ChunkLayout l = layoutOf(fileSize(fd));
        if (l.chunks > 0) {
            std::vector<unsigned char> plain(kChunk), scratch;
            const bool whole = l.lastPlain > 0 && decryptChunk(fd, m_keys, *h, l.chunks - 1,
                                                               l.lastPlain, plain.data(), scratch);
            sodium_memzero(plain.data(), plain.size());
            if (!whole) {  // torn by a crash: the chunks before it hold
                if (::ftruncate(fd, static_cast<off_t>(chunkPosition(l.chunks - 1))) == 0)
                    (void)::fdatasync(fd);
                l = layoutOf(chunkPosition(l.chunks - 1));
            }
        }
        ::close(fd);
        return l.plain();
    }

    std::uint64_t partialSize(const std::string& hash) override {
        std::lock_guard lock(m_mutex);
        if (m_writing.count(hash)) {
            const auto path = partialPath(hash);
            std::error_code ec;
            const auto n = path ? fs::file_size(*path, ec) : 0;
            return ec ? 0 : layoutOf(n).plain();
        }
        return repairPartial(hash);
    }

    Result<std::unique_ptr<BlobWriter>> resume(const std::string& hash,
                                               std::uint64_t offset) override {
        const auto raw = rawHash(hash);
        if (!raw) return Error{"invalid_hash", "not a SHA-256 in lowercase hex"};
        std::lock_guard lock(m_mutex);
        if (m_writing.count(hash)) return Error{"busy", "the blob is being written right now"};
        const std::uint64_t have = repairPartial(hash);
        if (offset != have)
            return Error{"offset_mismatch", "the unfinished blob holds " + std::to_string(have) +
                                                " bytes, not " + std::to_string(offset)};
        const fs::path path = *partialPath(hash);
        const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0) return ioError("cannot open", path);
        Header header;
        std::vector<unsigned char> tail;
        if (auto h = readHeader(fd, m_keys)) {
            header = *h;
            const std::uint64_t index = have / kChunk;
            const std::size_t inTail = static_cast<std::size_t>(have % kChunk);
            if (inTail > 0) {
                tail.resize(kChunk);
                std::vector<unsigned char> scratch;
                if (!decryptChunk(fd, m_keys, header, index, inTail, tail.data(), scratch)) {
                    ::close(fd);
                    return damagedError();
                }
                tail.resize(inTail);
            }
        } else {
            randombytes_buf(header.fileId.data(), kFileId);
            header.hash = *raw;
            // The writer's sync() makes the header durable with the first bytes.
            if (::ftruncate(fd, 0) != 0 || !writeHeader(fd, m_keys, header)) {
                ::close(fd);
                return ioError("cannot write", path);
            }
            (void)syncDirectory(path.parent_path());  // the new name survives
        }
        m_writing.insert(hash);
        return std::unique_ptr<BlobWriter>(
            new EncryptedBlobWriter(*this, hash, fd, header, have, std::move(tail)));
    }

    void released(const std::string& hash) {
        std::lock_guard lock(m_mutex);
        m_writing.erase(hash);
    }

    Result<bool> finish(const std::string& hash, std::uint64_t expected) override {
        const auto raw = rawHash(hash);
        if (!raw) return Error{"invalid_hash", "not a SHA-256 in lowercase hex"};
        std::lock_guard lock(m_mutex);
        if (m_writing.count(hash)) return Error{"busy", "the blob is being written right now"};
        const std::uint64_t have = repairPartial(hash);
        const bool held = size(hash).has_value();
        if (held && have == 0) return true;
        if (have < expected) return false;
        const fs::path from = *partialPath(hash);
        const int fd = ::open(from.c_str(), O_RDWR | O_CLOEXEC);
        if (fd < 0) return ioError("cannot open", from);
        auto header = readHeader(fd, m_keys);
        bool matches = header && have == expected;
        if (matches) {  // every chunk decrypts, and the plaintext hashes to the name
            Sha256 sha;
            std::vector<unsigned char> plain(kChunk), scratch;
            const std::uint64_t chunks = (expected + kChunk - 1) / kChunk;
            for (std::uint64_t i = 0; i < chunks && matches; ++i) {
                const auto n = static_cast<std::size_t>(
                    std::min<std::uint64_t>(kChunk, expected - i * kChunk));
                matches = decryptChunk(fd, m_keys, *header, i, n, plain.data(), scratch);
                if (matches) sha.update(plain.data(), n);
            }
            sodium_memzero(plain.data(), plain.size());
            matches = matches && sha.hexDigest() == hash;
        }
        if (!matches) {
            ::close(fd);
            std::error_code ec;
            fs::remove(from, ec);
            return Error{"hash_mismatch",
                         have > expected
                             ? "the blob has more bytes than its record declares"
                             : "the bytes do not match their SHA-256: they were not kept"};
        }
        if (held) {  // a second copy proved the sender holds the bytes: one copy is kept
            ::close(fd);
            std::error_code ec;
            fs::remove(from, ec);
            return true;
        }
        header->size = expected;
        const bool written = writeHeader(fd, m_keys, *header) && ::fsync(fd) == 0;
        ::close(fd);
        if (!written) return ioError("cannot write", from);
        const fs::path to = *completePath(hash);
        std::error_code ec;
        fs::create_directories(to.parent_path(), ec);
        if (ec)
            return Error{"io", "cannot create " + to.parent_path().string() + ": " + ec.message()};
        if (::rename(from.c_str(), to.c_str()) != 0) return ioError("cannot move", from);
        if (Status s = syncDirectory(to.parent_path()); !s) return s.error();
        if (Status s = syncDirectory(m_dir); !s) return s.error();
        return true;
    }

    Result<std::unique_ptr<BlobReader>> open(const std::string& hash) override {
        const auto path = completePath(hash);
        if (!path) return Error{"not_found", "no blob " + hash.substr(0, 64)};
        const int fd = ::open(path->c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return Error{"not_found", "no blob " + hash.substr(0, 64)};
        const auto h = completeHeader(fd, hash);
        if (!h) {
            ::close(fd);
            return damagedError();
        }
        return std::unique_ptr<BlobReader>(new EncryptedBlobReader(m_keys, fd, *h));
    }

    Status remove(const std::string& hash) override {
        const auto complete = completePath(hash);
        if (!complete) return Error{"invalid_hash", "not a SHA-256 in lowercase hex"};
        std::lock_guard lock(m_mutex);
        if (m_writing.count(hash)) return Error{"busy", "the blob is being written right now"};
        std::error_code ec;
        fs::remove(*complete, ec);
        fs::remove(*partialPath(hash), ec);
        return {};
    }

    Status removePartial(const std::string& hash) override {
        const auto partial = partialPath(hash);
        if (!partial) return Error{"invalid_hash", "not a SHA-256 in lowercase hex"};
        std::lock_guard lock(m_mutex);
        if (m_writing.count(hash)) return Error{"busy", "the blob is being written right now"};
        std::error_code ec;
        fs::remove(*partial, ec);
        return {};
    }

    /** The entry of one blob file (its name and size from the header); nullopt when the file
     *  is not one of this store's. */
    std::optional<Entry> entryOf(const fs::path& path, bool complete) const {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return std::nullopt;
        const auto h = readHeader(fd, m_keys);
        const std::uint64_t bytes = fileSize(fd);
        ::close(fd);
        if (!h || fileName(h->hash) != path.filename().string()) return std::nullopt;
        const std::uint64_t plain = layoutOf(bytes).plain();
        if (complete && (h->size == 0 || h->size != plain)) return std::nullopt;
        return Entry{hexOf(h->hash.data(), h->hash.size()), plain, modifiedMs(path)};
    }

    Result<std::vector<Entry>> list() override {
        std::vector<Entry> out;
        std::error_code ec;
        for (const auto& sub : fs::directory_iterator(m_dir, ec)) {
            const std::string name = sub.path().filename().string();
            if (name.size() != 2 || !sub.is_directory()) continue;
            for (const auto& f : fs::directory_iterator(sub.path(), ec))
                if (auto e = entryOf(f.path(), true)) out.push_back(std::move(*e));
        }
        if (ec) return Error{"io", "cannot list " + m_dir.string() + ": " + ec.message()};
        return out;
    }

    Result<std::vector<Entry>> listPartial() override {
        std::vector<Entry> out;
        std::error_code ec;
        for (const auto& f : fs::directory_iterator(m_dir / "partial", ec))
            if (auto e = entryOf(f.path(), false)) out.push_back(std::move(*e));
        if (ec) return Error{"io", "cannot list " + m_dir.string() + ": " + ec.message()};
        return out;
    }

private:
    fs::path m_dir;
    Keys m_keys;
    std::mutex m_mutex;
    std::set<std::string> m_writing;
};

EncryptedBlobWriter::EncryptedBlobWriter(EncryptedBlobStore& store, std::string hash, int fd,
                                         Header header, std::uint64_t offset,
                                         std::vector<unsigned char> tail)
    : m_store(store),
      m_hash(std::move(hash)),
      m_fd(fd),
      m_header(header),
      m_offset(offset),
      m_tail(std::move(tail)) {
    m_tail.reserve(kChunk);
}

EncryptedBlobWriter::~EncryptedBlobWriter() {
    (void)flushTail();  // what was written counts, as in the plain store (not synced)
    sodium_memzero(m_tail.data(), m_tail.size());
    ::close(m_fd);
    m_store.released(m_hash);
}

Status EncryptedBlobWriter::write(const char* data, std::size_t size) {
    while (size > 0) {
        const std::size_t n = std::min(size, kChunk - m_tail.size());
        m_tail.insert(m_tail.end(), reinterpret_cast<const unsigned char*>(data),
                      reinterpret_cast<const unsigned char*>(data) + n);
        m_tailWritten = false;
        data += n;
        size -= n;
        m_offset += n;
        if (m_tail.size() == kChunk) {
            if (Status s = flushTail(); !s) return s;
            m_tail.clear();
            m_tailWritten = true;
        }
    }
    return {};
}

Status EncryptedBlobWriter::flushTail() {
    if (m_tailWritten || m_tail.empty()) return {};
    // The chunk in the file is the one that ends at m_offset.
    const std::uint64_t index = (m_offset - m_tail.size()) / kChunk;
    if (!encryptChunk(m_fd, m_store.keys(), m_header, index, m_tail.data(), m_tail.size()))
        return Error{"io", std::string("cannot write a blob: ") + std::strerror(errno)};
    m_tailWritten = true;
    return {};
}

Status EncryptedBlobWriter::sync() {
    if (Status s = flushTail(); !s) return s;
    if (::fdatasync(m_fd) != 0)
        return Error{"io", std::string("cannot sync a blob: ") + std::strerror(errno)};
    return {};
}

/** The key check of a store directory: a known text sealed under the content key. True when
 *  it opens (or was just made); false when it was made under another key. */
Result<bool> checkKey(const fs::path& dir, const Keys& keys) {
    const fs::path path = dir / kKeyCheckName;
    const std::size_t sealedSize = kNonce + kKeyCheckText.size() + kTag;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        std::vector<unsigned char> in(sealedSize);
        const bool read = readAt(fd, in.data(), in.size(), 0) && fileSize(fd) == sealedSize;
        ::close(fd);
        std::string plain(kKeyCheckText.size(), '\0');
        unsigned long long n = 0;
        return read &&
               crypto_aead_xchacha20poly1305_ietf_decrypt(
                   reinterpret_cast<unsigned char*>(plain.data()), &n, nullptr, in.data() + kNonce,
                   in.size() - kNonce, reinterpret_cast<const unsigned char*>(kMagic),
                   sizeof kMagic, in.data(), keys.content()) == 0 &&
               plain == kKeyCheckText;
    }
    if (errno != ENOENT) return ioError("cannot open", path);
    std::vector<unsigned char> out(sealedSize);
    randombytes_buf(out.data(), kNonce);
    unsigned long long n = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        out.data() + kNonce, &n, reinterpret_cast<const unsigned char*>(kKeyCheckText.data()),
        kKeyCheckText.size(), reinterpret_cast<const unsigned char*>(kMagic), sizeof kMagic,
        nullptr, out.data(), keys.content());
    const fs::path tmp = dir / (kKeyCheckName + ".tmp");
    const int w = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (w < 0) return ioError("cannot create", tmp);
    const bool ok = writeAt(w, out.data(), out.size(), 0) && ::fsync(w) == 0;
    ::close(w);
    if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) return ioError("cannot write", path);
    if (Status s = syncDirectory(dir); !s) return s.error();
    return true;
}

}  // namespace

Result<std::unique_ptr<BlobStore>> openEncryptedBlobStore(const fs::path& dir,
                                                          const std::string& dataKey) {
    if (sodium_init() < 0) return Error{"internal", "libsodium could not start"};
    if (dataKey.size() != crypto_kdf_KEYBYTES)
        return Error{"invalid_key", "the data key must be 32 bytes"};
    std::error_code ec;
    fs::create_directories(dir / "partial", ec);
    if (ec) return Error{"io", "cannot create " + dir.string() + ": " + ec.message()};
    fs::permissions(dir, fs::perms::owner_all, ec);
    auto store = std::make_unique<EncryptedBlobStore>(dir);
    if (!store->keys().derive(dataKey)) return Error{"internal", "cannot derive the blob keys"};
    auto checked = checkKey(dir, store->keys());
    if (!checked) return checked.error();
    if (!*checked) return Error{"wrong_key", "Tệp đính kèm trên máy được khóa bằng khóa khác"};
    return std::unique_ptr<BlobStore>(std::move(store));
}

}  // namespace nghedan
