#pragma once
// The tablet side of blob sync (server/API.md "Blobs: the bytes of attachments"): sends the
// bytes of the attachments recorded here and fetches those recorded elsewhere, over
// cpp-httplib, against /api/v1/blobs/{hash}.
//
// Records never wait for blobs: the app runs SyncClient::sync() first, then BlobSync as a
// separate step (on any network, or only on an unmetered one). Uploads go in pieces of
// kBlobPiece bytes from the server's Upload-Offset, so a cut connection costs at most one piece;
// downloads continue a cut one with Range. A blob is "sent" once the server answered that it
// holds all of it; that mark is kept in the replica (its meta), per server epoch, so a server
// restored from a backup is asked again. A blob the server refuses (not in the user's scope,
// too large, bytes not matching their name) is reported and the others go on.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "nghedan/blob_store.h"
#include "nghedan/replica.h"
#include "nghedan/status.h"
#include "nghedan/sync_client.h"

namespace nghedan {

/** Bytes per PUT (the server takes at most 4 MiB per request). */
inline constexpr std::size_t kBlobPiece = 1u << 20;

struct BlobSyncProgress {
    enum class Phase { Uploading, Downloading, Done, Failed };
    Phase phase = Phase::Uploading;
    std::uint64_t bytesDone = 0;   ///< of the blobs of this run, bytes the other side holds
    std::uint64_t bytesTotal = 0;
    std::uint64_t filesDone = 0;   ///< blobs finished (sent, fetched, or refused)
    std::uint64_t filesTotal = 0;
};

/** One blob that did not move, and why: the server's code ("blob_not_in_scope",
 *  "file_too_large", "size_mismatch", "hash_mismatch", "blob_not_found", "blob_pending"...)
 *  with a Vietnamese message for people. It is tried again at the next run. */
struct BlobFailure {
    std::string hash;
    Error error;
};

struct BlobSyncResult {
    std::uint64_t sent = 0;          ///< blobs this run completed on the server
    std::uint64_t alreadyThere = 0;  ///< blobs the server turned out to hold (HEAD)
    std::uint64_t fetched = 0;       ///< blobs this run stored here
    std::uint64_t bytesSent = 0;     ///< blob bytes in request bodies (resent ones included)
    std::uint64_t bytesFetched = 0;  ///< blob bytes received (refetched ones included)
    std::vector<BlobFailure> failures;
};

/** Which missing blobs fetchMissing() brings: the thumbnails of photos only, or every blob. */
enum class FetchWhich { Thumbnails, Everything };

/** Moves attachment bytes between one Replica's BlobStore and the server. Blocking; run it off
 *  the UI thread, after SyncClient::sync(). uploadPending(), fetchMissing(), fetchThumbnail()
 *  and fetchFull() read the replica: no other thread may use the replica meanwhile. fetch()
 *  touches only the store. cancel() is safe from any thread: the running call returns
 *  Error{"cancelled"} after the current piece, keeping every byte stored so far. Errors that
 *  end a whole run: "network" (retries spent), "unauthorized", "client_too_old",
 *  "update_required", "cancelled", "io" (the local store). */
class BlobSync {
public:
    BlobSync(Replica& replica, BlobStore& store, SyncClientOptions options);

    /** Sends every blob that an attachment record here names (sha256 and thumb_sha256), that
     *  the store holds and that is not yet known to be on the server: HEAD, then PUT pieces
     *  from the server's offset, again after a cut. Refused blobs are in `failures`. */
    Result<BlobSyncResult> uploadPending(
        const std::function<void(const BlobSyncProgress&)>& progress = {});
    /** Blobs waiting to be sent (held here, named by a record, not marked sent). */
    Result<std::uint64_t> pendingUploadCount();

    /** Fetches the blob `hash` into the store (nothing when it is held already), continuing an
     *  unfinished one, checked against its name (the store's finish()). `size` is the record's
     *  (0: the server's word). Errors: the server's ("blob_not_found", "blob_pending"),
     *  "hash_mismatch" (twice wrong bytes), those that end a run. */
    Status fetch(const std::string& hash, std::uint64_t size = 0,
                 const std::function<void(const BlobSyncProgress&)>& progress = {});
    /** fetch() of the thumbnail of the attachment record `attachmentId`; its hash, to open in
     *  the store. Error "not_found" (no such record), "no_thumbnail" (a document). */
    Result<std::string> fetchThumbnail(
        const std::string& attachmentId,
        const std::function<void(const BlobSyncProgress&)>& progress = {});
    /** fetch() of the whole file of the attachment record `attachmentId`; its hash. */
    Result<std::string> fetchFull(const std::string& attachmentId,
                                  const std::function<void(const BlobSyncProgress&)>& progress = {});
    /** Fetches every blob that a (not deleted) attachment record here names and the store
     *  lacks: thumbnails first, then, with Everything, the files. Failures per blob. */
    Result<BlobSyncResult> fetchMissing(
        FetchWhich which, const std::function<void(const BlobSyncProgress&)>& progress = {});

    void cancel() { m_cancel = true; }
    const SyncClientOptions& options() const { return m_options; }
    void setToken(std::string token) { m_options.token = std::move(token); }

private:
    struct Impl;
    Replica& m_replica;
    BlobStore& m_store;
    SyncClientOptions m_options;
    std::atomic<bool> m_cancel{false};
};

}  // namespace nghedan
