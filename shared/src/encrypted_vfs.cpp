#include "nghedan/encrypted_vfs.h"

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <mutex>

namespace nghedan {
namespace {

constexpr int kPage = kEncryptedPageSize;
constexpr int kReserve = kEncryptedReserveBytes;
constexpr int kSealed = kPage - kReserve;  // encrypted bytes of a page
constexpr int kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr int kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(kNonce + kTag == kReserve, "nonce and tag fill the reserved bytes");
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == kDataKeyBytes);
constexpr sqlite3_int64 kWalHeader = 32;
constexpr sqlite3_int64 kFrameHeader = 24;
constexpr sqlite3_int64 kFrame = kFrameHeader + kPage;
constexpr char kMagic[16] = "SQLite format 3";  // with its NUL: the 16 bytes of a header

enum class Kind { Main, Wal, Journal };

struct EncFile {
    sqlite3_file base;
    sqlite3_file* real;  // the root VFS's file, right after this struct
    Kind kind;
    alignas(8) unsigned char key[kDataKeyBytes];
};

// The key of the main file being opened by this thread (openEncryptedSqlite); the WAL and
// journal take theirs from their main file.
thread_local const std::string* t_openingKey = nullptr;

sqlite3_vfs g_vfs;
sqlite3_vfs* g_root = nullptr;

// ---- pages ------------------------------------------------------------------------------

void adOf(std::uint64_t pgno, unsigned char out[8]) {
    for (int i = 0; i < 8; ++i) out[i] = static_cast<unsigned char>(pgno >> (8 * i));
}

/** Encrypts a page's first 4056 bytes into `out`, nonce and tag in its last 40. pgno 0: no
 *  associated data (WAL and journal images). */
void sealPage(const unsigned char* key, const unsigned char* plain, unsigned char* out,
              std::uint64_t pgno) {
    unsigned char* nonce = out + kSealed;
    unsigned char* tag = nonce + kNonce;
    randombytes_buf(nonce, kNonce);
    unsigned char ad[8];
    adOf(pgno, ad);
    crypto_aead_xchacha20poly1305_ietf_encrypt_detached(out, tag, nullptr, plain, kSealed, ad,
                                                        pgno ? 8 : 0, nullptr, nonce, key);
}

/** Decrypts a page in place (its reserved bytes become zero); an all-zero page stays zero.
 *  False: the tag does not match (another key, or damage); the page is then zeroed. */
bool openPage(const unsigned char* key, unsigned char* page, std::uint64_t pgno) {
    if (sodium_is_zero(page, kPage)) return true;
    unsigned char nonceTag[kReserve];
    std::memcpy(nonceTag, page + kSealed, kReserve);
    unsigned char ad[8];
    adOf(pgno, ad);
    const bool ok =
        crypto_aead_xchacha20poly1305_ietf_decrypt_detached(
            page, nullptr, page, kSealed, nonceTag + kNonce, ad, pgno ? 8 : 0, nonceTag, key) == 0;
    if (!ok) sodium_memzero(page, kPage);
    std::memset(page + kSealed, 0, kReserve);
    return ok;
}

/** A page SQLite hands over may be sealed only if its reserved bytes are unused (zero): what
 *  reads back is then exactly what was written, and SQLite's WAL and journal checksums hold. */
bool writablePage(const unsigned char* page) {
    if (!sodium_is_zero(page + kSealed, kReserve)) return false;
    if (std::memcmp(page, kMagic, sizeof kMagic) == 0) {  // page 1: its header
        const int pageSize = (page[16] << 8) | page[17];
        if (pageSize != kPage || page[20] < kReserve) return false;
    }
    return true;
}

// ---- I/O methods -------------------------------------------------------------------------

EncFile* encOf(sqlite3_file* f) {
    return reinterpret_cast<EncFile*>(f);
}

int readReal(EncFile* f, void* buf, sqlite3_int64 amt, sqlite3_int64 off, bool& shortRead) {
    const int rc = f->real->pMethods->xRead(f->real, buf, static_cast<int>(amt), off);
    if (rc == SQLITE_IOERR_SHORT_READ) {
        shortRead = true;  // the rest is zero-filled
        return SQLITE_OK;
    }
    return rc;
}

int readMain(EncFile* f, unsigned char* out, int amt, sqlite3_int64 off) {
    bool shortRead = false;
    sqlite3_int64 pos = off;
    const sqlite3_int64 end = off + amt;
    while (pos < end) {
        const sqlite3_int64 pageStart = pos / kPage * kPage;
        const sqlite3_int64 n = std::min(end, pageStart + kPage) - pos;
        const auto pgno = static_cast<std::uint64_t>(pageStart / kPage + 1);
        const bool whole = pos == pageStart && n == kPage;
        unsigned char tmp[kPage];
        unsigned char* page = whole ? out : tmp;
        if (int rc = readReal(f, page, kPage, pageStart, shortRead); rc != SQLITE_OK) return rc;
        if (!openPage(f->key, page, pgno)) return pgno == 1 ? SQLITE_NOTADB : SQLITE_IOERR_DATA;
        if (!whole) std::memcpy(out, page + (pos - pageStart), static_cast<std::size_t>(n));
        pos += n;
        out += n;
    }
    return shortRead ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
}

int writeMain(EncFile* f, const unsigned char* in, int amt, sqlite3_int64 off) {
    if (off % kPage != 0 || amt != kPage || !writablePage(in)) return SQLITE_IOERR_WRITE;
    if (off == 0 && std::memcmp(in, kMagic, sizeof kMagic) != 0) return SQLITE_IOERR_WRITE;
    unsigned char sealed[kPage];
    sealPage(f->key, in, sealed, static_cast<std::uint64_t>(off / kPage + 1));
    return f->real->pMethods->xWrite(f->real, sealed, kPage, off);
}

/** The WAL region holding `pos`: its start and end, and whether it is a page image. */
struct WalRegion {
    sqlite3_int64 start, end;
    bool content;
};
WalRegion walRegionAt(sqlite3_int64 pos) {
    if (pos < kWalHeader) return {0, kWalHeader, false};
    const sqlite3_int64 frameStart = kWalHeader + (pos - kWalHeader) / kFrame * kFrame;
    if (pos < frameStart + kFrameHeader) return {frameStart, frameStart + kFrameHeader, false};
    return {frameStart + kFrameHeader, frameStart + kFrame, true};
}

int readWal(EncFile* f, unsigned char* out, int amt, sqlite3_int64 off) {
    bool shortRead = false;
    sqlite3_int64 pos = off;
    const sqlite3_int64 end = off + amt;
    while (pos < end) {
        const WalRegion r = walRegionAt(pos);
        const sqlite3_int64 n = std::min(end, r.end) - pos;
        if (!r.content) {
            if (int rc = readReal(f, out, n, pos, shortRead); rc != SQLITE_OK) return rc;
        } else {
            const bool whole = pos == r.start && n == kPage;
            unsigned char tmp[kPage];
            unsigned char* page = whole ? out : tmp;
            if (int rc = readReal(f, page, kPage, r.start, shortRead); rc != SQLITE_OK) return rc;
            // A read that covers the frame's header is SQLite scanning frames (recovery,
            // checksums): a torn frame reads as zeros and fails SQLite's frame checksum.
            const bool scanning = off <= r.start - kFrameHeader;
            if (!openPage(f->key, page, 0) && !scanning) return SQLITE_IOERR_DATA;
            if (!whole) std::memcpy(out, page + (pos - r.start), static_cast<std::size_t>(n));
        }
        pos += n;
        out += n;
    }
    return shortRead ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
}

int writeWal(EncFile* f, const unsigned char* in, int amt, sqlite3_int64 off) {
    sqlite3_int64 pos = off;
    const sqlite3_int64 end = off + amt;
    while (pos < end) {
        const WalRegion r = walRegionAt(pos);
        const sqlite3_int64 n = std::min(end, r.end) - pos;
        int rc;
        if (!r.content) {
            if (r.start == 0 && pos <= 8 && pos + n >= 12) {  // the WAL header's page size
                const unsigned char* p = in + (8 - pos);
                const std::uint32_t size =
                    (std::uint32_t(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
                if (size != kPage) return SQLITE_IOERR_WRITE;
            }
            rc = f->real->pMethods->xWrite(f->real, in, static_cast<int>(n), pos);
        } else {
            if (pos != r.start || n != kPage || !writablePage(in)) return SQLITE_IOERR_WRITE;
            unsigned char sealed[kPage];
            sealPage(f->key, in, sealed, 0);
            rc = f->real->pMethods->xWrite(f->real, sealed, kPage, pos);
        }
        if (rc != SQLITE_OK) return rc;
        pos += n;
        in += n;
    }
    return SQLITE_OK;
}

// Rollback journal: a header at sector-aligned offsets, then records of page number (4),
// page image (4096) and checksum (4), so page images, and only they, are 4096 bytes at an
// offset that is 4 modulo 8.
bool journalImage(int amt, sqlite3_int64 off) {
    return amt == kPage && off % 8 == 4;
}

int readJournal(EncFile* f, unsigned char* out, int amt, sqlite3_int64 off) {
    if (!journalImage(amt, off)) return f->real->pMethods->xRead(f->real, out, amt, off);
    bool shortRead = false;
    if (int rc = readReal(f, out, kPage, off, shortRead); rc != SQLITE_OK) return rc;
    if (!openPage(f->key, out, 0)) return SQLITE_IOERR_DATA;
    return shortRead ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
}

int writeJournal(EncFile* f, const unsigned char* in, int amt, sqlite3_int64 off) {
    if (!journalImage(amt, off)) return f->real->pMethods->xWrite(f->real, in, amt, off);
    if (!writablePage(in)) return SQLITE_IOERR_WRITE;
    unsigned char sealed[kPage];
    sealPage(f->key, in, sealed, 0);
    return f->real->pMethods->xWrite(f->real, sealed, kPage, off);
}

int encClose(sqlite3_file* file) {
    EncFile* f = encOf(file);
    const int rc = f->real->pMethods->xClose(f->real);
    sodium_memzero(f->key, sizeof f->key);
    return rc;
}
int encRead(sqlite3_file* file, void* buf, int amt, sqlite3_int64 off) {
    EncFile* f = encOf(file);
    auto* out = static_cast<unsigned char*>(buf);
    switch (f->kind) {
        case Kind::Main:
            return readMain(f, out, amt, off);
        case Kind::Wal:
            return readWal(f, out, amt, off);
        case Kind::Journal:
            return readJournal(f, out, amt, off);
    }
    return SQLITE_IOERR_READ;
}
int encWrite(sqlite3_file* file, const void* buf, int amt, sqlite3_int64 off) {
    EncFile* f = encOf(file);
    const auto* in = static_cast<const unsigned char*>(buf);
    switch (f->kind) {
        case Kind::Main:
            return writeMain(f, in, amt, off);
        case Kind::Wal:
            return writeWal(f, in, amt, off);
        case Kind::Journal:
            return writeJournal(f, in, amt, off);
    }
    return SQLITE_IOERR_WRITE;
}
sqlite3_file* realOf(sqlite3_file* file) {
    return encOf(file)->real;
}
int encTruncate(sqlite3_file* f, sqlite3_int64 size) {
    return realOf(f)->pMethods->xTruncate(realOf(f), size);
}
int encSync(sqlite3_file* f, int flags) {
    return realOf(f)->pMethods->xSync(realOf(f), flags);
}
int encFileSize(sqlite3_file* f, sqlite3_int64* size) {
    return realOf(f)->pMethods->xFileSize(realOf(f), size);
}
int encLock(sqlite3_file* f, int level) {
    return realOf(f)->pMethods->xLock(realOf(f), level);
}
int encUnlock(sqlite3_file* f, int level) {
    return realOf(f)->pMethods->xUnlock(realOf(f), level);
}
int encCheckReservedLock(sqlite3_file* f, int* out) {
    return realOf(f)->pMethods->xCheckReservedLock(realOf(f), out);
}
int encFileControl(sqlite3_file* f, int op, void* arg) {
    return realOf(f)->pMethods->xFileControl(realOf(f), op, arg);
}
int encSectorSize(sqlite3_file* f) {
    return realOf(f)->pMethods->xSectorSize(realOf(f));
}
int encDeviceCharacteristics(sqlite3_file* f) {
    return realOf(f)->pMethods->xDeviceCharacteristics(realOf(f));
}
int encShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
    return realOf(f)->pMethods->xShmMap(realOf(f), page, size, extend, out);
}
int encShmLock(sqlite3_file* f, int offset, int n, int flags) {
    return realOf(f)->pMethods->xShmLock(realOf(f), offset, n, flags);
}
void encShmBarrier(sqlite3_file* f) {
    realOf(f)->pMethods->xShmBarrier(realOf(f));
}
int encShmUnmap(sqlite3_file* f, int deleteFlag) {
    return realOf(f)->pMethods->xShmUnmap(realOf(f), deleteFlag);
}

// Version 2: no xFetch, so SQLite never memory-maps the (encrypted) file.
const sqlite3_io_methods kIo = {2,
                                encClose,
                                encRead,
                                encWrite,
                                encTruncate,
                                encSync,
                                encFileSize,
                                encLock,
                                encUnlock,
                                encCheckReservedLock,
                                encFileControl,
                                encSectorSize,
                                encDeviceCharacteristics,
                                encShmMap,
                                encShmLock,
                                encShmBarrier,
                                encShmUnmap,
                                nullptr,
                                nullptr};

// ---- the VFS ------------------------------------------------------------------------------

int encOpen(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* outFlags) {
    EncFile* f = encOf(file);
    std::memset(f, 0, sizeof(EncFile));
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    if (flags & SQLITE_OPEN_MAIN_DB) {
        if (!t_openingKey || t_openingKey->size() != kDataKeyBytes) return SQLITE_CANTOPEN;
        f->kind = Kind::Main;
        std::memcpy(f->key, t_openingKey->data(), kDataKeyBytes);
    } else if ((flags & (SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL)) && name) {
        sqlite3_file* mainFile = sqlite3_database_file_object(name);
        if (!mainFile || mainFile->pMethods != &kIo) return SQLITE_CANTOPEN;
        f->kind = (flags & SQLITE_OPEN_WAL) ? Kind::Wal : Kind::Journal;
        std::memcpy(f->key, encOf(mainFile)->key, kDataKeyBytes);
    } else {
        return SQLITE_CANTOPEN;  // temporary files: kept in memory (temp_store=MEMORY)
    }
    const int rc = g_root->xOpen(g_root, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK) {
        if (f->real->pMethods) f->real->pMethods->xClose(f->real);
        sodium_memzero(f->key, sizeof f->key);
        return rc;
    }
    f->base.pMethods = &kIo;
    return SQLITE_OK;
}

int encDelete(sqlite3_vfs*, const char* name, int syncDir) {
    return g_root->xDelete(g_root, name, syncDir);
}
int encAccess(sqlite3_vfs*, const char* name, int flags, int* out) {
    return g_root->xAccess(g_root, name, flags, out);
}
int encFullPathname(sqlite3_vfs*, const char* name, int n, char* out) {
    return g_root->xFullPathname(g_root, name, n, out);
}
void* encDlOpen(sqlite3_vfs*, const char* name) {
    return g_root->xDlOpen(g_root, name);
}
void encDlError(sqlite3_vfs*, int n, char* out) {
    g_root->xDlError(g_root, n, out);
}
void (*encDlSym(sqlite3_vfs*, void* h, const char* sym))(void) {
    return g_root->xDlSym(g_root, h, sym);
}
void encDlClose(sqlite3_vfs*, void* h) {
    g_root->xDlClose(g_root, h);
}
int encRandomness(sqlite3_vfs*, int n, char* out) {
    return g_root->xRandomness(g_root, n, out);
}
int encSleep(sqlite3_vfs*, int us) {
    return g_root->xSleep(g_root, us);
}
int encCurrentTime(sqlite3_vfs*, double* out) {
    return g_root->xCurrentTime(g_root, out);
}
int encGetLastError(sqlite3_vfs*, int n, char* out) {
    return g_root->xGetLastError ? g_root->xGetLastError(g_root, n, out) : 0;
}
int encCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
    return g_root->xCurrentTimeInt64(g_root, out);
}

bool registerVfs() {
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] {
        if (sodium_init() < 0) return;
        g_root = sqlite3_vfs_find(nullptr);
        if (!g_root || g_root->iVersion < 2) return;
        g_vfs = sqlite3_vfs{};
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = static_cast<int>(sizeof(EncFile)) + g_root->szOsFile;
        g_vfs.mxPathname = g_root->mxPathname;
        g_vfs.zName = kEncryptedVfsName;
        g_vfs.xOpen = encOpen;
        g_vfs.xDelete = encDelete;
        g_vfs.xAccess = encAccess;
        g_vfs.xFullPathname = encFullPathname;
        g_vfs.xDlOpen = encDlOpen;
        g_vfs.xDlError = encDlError;
        g_vfs.xDlSym = encDlSym;
        g_vfs.xDlClose = encDlClose;
        g_vfs.xRandomness = encRandomness;
        g_vfs.xSleep = encSleep;
        g_vfs.xCurrentTime = encCurrentTime;
        g_vfs.xGetLastError = encGetLastError;
        g_vfs.xCurrentTimeInt64 = encCurrentTimeInt64;
        ok = sqlite3_vfs_register(&g_vfs, 0) == SQLITE_OK;
    });
    return ok;
}

}  // namespace

Result<ReplicaFileState> inspectReplicaFile(const std::string& path, const std::string& key) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return ReplicaFileState::Missing;
        return Error{"storage", "cannot read " + path + ": " + std::strerror(errno)};
    }
    unsigned char page[kPage] = {};
    ssize_t got = 0;
    while (got < kPage) {
        const ssize_t n = ::pread(fd, page + got, static_cast<std::size_t>(kPage - got), got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += n;
    }
    ::close(fd);
    if (got == 0) return ReplicaFileState::Missing;
    if (got >= 16 && std::memcmp(page, kMagic, sizeof kMagic) == 0) return ReplicaFileState::Plain;
    if (key.size() != kDataKeyBytes || got != kPage || !registerVfs())
        return ReplicaFileState::Unreadable;
    const bool opens = openPage(reinterpret_cast<const unsigned char*>(key.data()), page, 1) &&
                       std::memcmp(page, kMagic, sizeof kMagic) == 0;
    sodium_memzero(page, sizeof page);
    return opens ? ReplicaFileState::Encrypted : ReplicaFileState::Unreadable;
}

int openEncryptedSqlite(const std::string& path, const std::string& key, int flags, sqlite3** db) {
    *db = nullptr;
    if (key.size() != kDataKeyBytes || !registerVfs()) return SQLITE_CANTOPEN;
    t_openingKey = &key;
    const int rc = sqlite3_open_v2(path.c_str(), db, flags, kEncryptedVfsName);
    t_openingKey = nullptr;
    return rc;
}

}  // namespace nghedan
