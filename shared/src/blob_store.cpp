#include "nghedan/blob_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <set>

#include "file_io.h"
#include "nghedan/schema.h"

namespace nghedan {

namespace fs = std::filesystem;

Sha256::Sha256() {
    if (sodium_init() < 0) return;  // idempotent; the hash functions need no more
    crypto_hash_sha256_init(&m_state);
}

void Sha256::update(const void* data, std::size_t size) {
    crypto_hash_sha256_update(&m_state, static_cast<const unsigned char*>(data), size);
}

std::string Sha256::hexDigest() {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&m_state, digest);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

namespace {

using fileio::ioError;
using fileio::modifiedMs;
using fileio::syncDirectory;

constexpr std::size_t kBuffer = 64 * 1024;




/** Hashes the first `limit` bytes of an open file from its start; nullopt on a read error. */
std::optional<std::string> hashFd(int fd, std::uint64_t limit) {
    Sha256 h;
    std::vector<char> buf(kBuffer);
    std::uint64_t at = 0;
    while (at < limit) {
        const ssize_t n = ::pread(fd, buf.data(), std::min<std::uint64_t>(buf.size(), limit - at),
                                  static_cast<off_t>(at));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return std::nullopt;
        h.update(buf.data(), static_cast<std::size_t>(n));
        at += static_cast<std::uint64_t>(n);
    }
    return h.hexDigest();
}

class FileBlobStore;

class FileBlobWriter final : public BlobWriter {
public:
    FileBlobWriter(FileBlobStore& store, std::string hash, int fd, std::uint64_t offset)
        : m_store(store), m_hash(std::move(hash)), m_fd(fd), m_offset(offset) {}
    ~FileBlobWriter() override;
    Status write(const char* data, std::size_t size) override {
        while (size > 0) {
            const ssize_t n = ::pwrite(m_fd, data, size, static_cast<off_t>(m_offset));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return Error{"io", std::string("cannot write a blob: ") + std::strerror(errno)};
            data += n;
            size -= static_cast<std::size_t>(n);
            m_offset += static_cast<std::uint64_t>(n);
        }
        return {};
    }
    Status sync() override {
        if (::fdatasync(m_fd) != 0)
            return Error{"io", std::string("cannot sync a blob: ") + std::strerror(errno)};
        return {};
    }
    std::uint64_t offset() const override { return m_offset; }

private:
    FileBlobStore& m_store;
    std::string m_hash;
    int m_fd;
    std::uint64_t m_offset;
};

class FileBlobReader final : public BlobReader {
public:
    FileBlobReader(int fd, std::uint64_t size) : m_fd(fd), m_size(size) {}
    ~FileBlobReader() override { ::close(m_fd); }
    std::uint64_t size() const override { return m_size; }
    Result<std::size_t> read(std::uint64_t offset, char* out, std::size_t size) override {
        if (offset >= m_size) return std::size_t{0};
        for (;;) {
            const ssize_t n = ::pread(m_fd, out, std::min<std::uint64_t>(size, m_size - offset),
                                      static_cast<off_t>(offset));
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) return Error{"io", std::string("cannot read a blob: ") + std::strerror(errno)};
            return static_cast<std::size_t>(n);
        }
    }

private:
    int m_fd;
    std::uint64_t m_size;
};

class FileBlobStore final : public BlobStore {
public:
    explicit FileBlobStore(fs::path dir) : m_dir(std::move(dir)) {}

    fs::path completePath(const std::string& hash) const { return m_dir / hash.substr(0, 2) / hash; }
    fs::path partialPath(const std::string& hash) const { return m_dir / "partial" / hash; }

    std::optional<std::uint64_t> size(const std::string& hash) override {
        if (!isBlobHash(hash)) return std::nullopt;
        std::error_code ec;
        const auto n = fs::file_size(completePath(hash), ec);
        if (ec) return std::nullopt;
        return n;
    }

    std::uint64_t partialSize(const std::string& hash) override {
        if (!isBlobHash(hash)) return 0;
        std::error_code ec;
        const auto n = fs::file_size(partialPath(hash), ec);
        return ec ? 0 : n;
    }

    Result<std::unique_ptr<BlobWriter>> resume(const std::string& hash,
                                               std::uint64_t offset) override {
        if (!isBlobHash(hash)) return Error{"invalid_hash", "not a SHA-256 in lowercase hex"};
        std::unique_lock lock(m_mutex);
        if (m_writing.count(hash)) return Error{"busy", "the blob is being written right now"};
        const std::uint64_t have = partialSize(hash);
        if (offset != have)
            return Error{"offset_mismatch", "the unfinished blob holds " + std::to_string(have) +
                                                " bytes, not " + std::to_string(offset)};
        const fs::path path = partialPath(hash);
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0) return ioError("cannot open", path);
        if (offset == 0) (void)syncDirectory(path.parent_path());  // the new name survives
        m_writing.insert(hash);
        return std::unique_ptr<BlobWriter>(new FileBlobWriter(*this, hash, fd, offset));
    }

    void released(const std::string& hash) {
        std::lock_guard lock(m_mutex);
        m_writing.erase(hash);
    }

    Result<bool> finish(const std::string& hash, std::uint64_t expected) override {
        if (!isBlobHash(hash)) return Error{"invalid_hash", "not a SHA-256 in lowercase hex"};
        std::unique_lock lock(m_mutex);
        if (m_writing.count(hash)) return Error{"busy", "the blob is being written right now"};
        const std::uint64_t have = partialSize(hash);
        const fs::path from = partialPath(hash);
        const bool held = size(hash).has_value();
        if (held && have == 0) return true;
        if (have < expected) return false;
        const int fd = ::open(from.c_str(), O_RDWR | O_CLOEXEC);
        if (fd < 0) return ioError("cannot open", from);
        const auto digest = have == expected ? hashFd(fd, expected) : std::nullopt;
        const bool synced = digest == hash && ::fsync(fd) == 0;
        ::close(fd);
        if (digest != hash) {
            std::error_code ec;
            fs::remove(from, ec);
            return Error{"hash_mismatch",
                         have > expected
                             ? "the blob has more bytes than its record declares"
                             : "the bytes do not match their SHA-256: they were not kept"};
        }
        if (held) {  // a second copy proved the sender holds the bytes: one copy is kept
            std::error_code ec;
            fs::remove(from, ec);
            return true;
        }
        if (!synced) return ioError("cannot sync", from);
        const fs::path to = completePath(hash);
        std::error_code ec;
        fs::create_directories(to.parent_path(), ec);
        if (ec) return Error{"io", "cannot create " + to.parent_path().string() + ": " + ec.message()};
        if (::rename(from.c_str(), to.c_str()) != 0) return ioError("cannot move", from);
        if (Status s = syncDirectory(to.parent_path()); !s) return s.error();
        if (Status s = syncDirectory(m_dir); !s) return s.error();
        return true;
    }

    Result<std::unique_ptr<BlobReader>> open(const std::string& hash) override {
        const auto n = size(hash);
        if (!n) return Error{"not_found", "no blob " + hash.substr(0, 64)};
        const fs::path path = completePath(hash);
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return ioError("cannot open", path);
        return std::unique_ptr<BlobReader>(new FileBlobReader(fd, *n));
    }

    Status remove(const std::string& hash) override {
        if (!isBlobHash(hash)) return Error{"invalid_hash", "not a SHA-256 in lowercase hex"};
        std::lock_guard lock(m_mutex);
        if (m_writing.count(hash)) return Error{"busy", "the blob is being written right now"};
        std::error_code ec;
        fs::remove(completePath(hash), ec);
        fs::remove(partialPath(hash), ec);
        return {};
    }

    Status removePartial(const std::string& hash) override {
        if (!isBlobHash(hash)) return Error{"invalid_hash", "not a SHA-256 in lowercase hex"};
        std::lock_guard lock(m_mutex);
        if (m_writing.count(hash)) return Error{"busy", "the blob is being written right now"};
        std::error_code ec;
        fs::remove(partialPath(hash), ec);
        return {};
    }

    Result<std::vector<Entry>> list() override {
        std::vector<Entry> out;
        std::error_code ec;
        for (const auto& sub : fs::directory_iterator(m_dir, ec)) {
            const std::string name = sub.path().filename().string();
            if (name.size() != 2 || !sub.is_directory()) continue;
            for (const auto& f : fs::directory_iterator(sub.path(), ec))
                if (isBlobHash(f.path().filename().string()))
                    out.push_back({f.path().filename().string(), f.file_size(ec),
                                   modifiedMs(f.path())});
        }
        if (ec) return Error{"io", "cannot list " + m_dir.string() + ": " + ec.message()};
        return out;
    }

    Result<std::vector<Entry>> listPartial() override {
        std::vector<Entry> out;
        std::error_code ec;
        for (const auto& f : fs::directory_iterator(m_dir / "partial", ec))
            if (isBlobHash(f.path().filename().string()))
                out.push_back(
                    {f.path().filename().string(), f.file_size(ec), modifiedMs(f.path())});
        if (ec) return Error{"io", "cannot list " + m_dir.string() + ": " + ec.message()};
        return out;
    }

private:
    fs::path m_dir;
    std::mutex m_mutex;
    std::set<std::string> m_writing;
};

FileBlobWriter::~FileBlobWriter() {
    ::close(m_fd);
    m_store.released(m_hash);
}

}  // namespace

Result<std::unique_ptr<BlobStore>> openFileBlobStore(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir / "partial", ec);
    if (ec) return Error{"io", "cannot create " + dir.string() + ": " + ec.message()};
    return std::unique_ptr<BlobStore>(new FileBlobStore(dir));
}

Result<AddedBlob> hashFile(const fs::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ioError("cannot open", file);
    struct stat st {};
    ::fstat(fd, &st);
    const auto size = static_cast<std::uint64_t>(st.st_size);
    const auto digest = hashFd(fd, size);
    ::close(fd);
    if (!digest) return ioError("cannot read", file);
    return AddedBlob{*digest, size};
}

Result<AddedBlob> addBlobFile(BlobStore& store, const fs::path& file) {
    auto added = hashFile(file);
    if (!added) return added;
    const AddedBlob blob = *added;
    if (store.size(blob.hash)) return blob;
    (void)store.remove(blob.hash);  // an unfinished copy from before: start over
    auto writer = store.resume(blob.hash, 0);
    if (!writer) return writer.error();
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ioError("cannot open", file);
    std::vector<char> buf(kBuffer);
    Status written;
    for (;;) {
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) written = ioError("cannot read", file);
        if (n <= 0) break;
        if (written = (*writer)->write(buf.data(), static_cast<std::size_t>(n)); !written) break;
    }
    ::close(fd);
    if (written) written = (*writer)->sync();
    writer->reset();
    if (!written) return written.error();
    auto done = store.finish(blob.hash, blob.size);
    if (!done) return done.error();
    if (!*done) return Error{"io", "the file changed while it was stored: " + file.string()};
    return blob;
}

}  // namespace nghedan
