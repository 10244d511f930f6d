#pragma once
// The tablet side of the sync protocol (DESIGN.md "Sync protocol"): push then pull until
// caught up, over cpp-httplib, against /api/v1.

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "nghedan/client_version.h"
#include "nghedan/policy.h"
#include "nghedan/replica.h"
#include "nghedan/status.h"

namespace nghedan {

struct SyncProgress {
    enum class Phase { Idle, Connecting, Pushing, Pulling, Done, Failed };
    Phase phase = Phase::Idle;
    std::uint64_t done = 0;   ///< changes sent (push) / received (pull) so far
    std::uint64_t total = 0;  ///< best estimate, 0 when unknown
};

struct SyncResult {
    std::uint64_t pushed = 0;
    std::uint64_t pulled = 0;
    std::uint64_t refused = 0;
    /** Pulled changes this replica would not take: not proven by their device's key (altered
     *  on the way or on the server), or another change under a dot it holds. */
    std::uint64_t rejected = 0;
    std::string rejectedReason;  ///< the first such refusal, "code: message"
    /** Changes the server received in this device's name with other content than this
     *  device's own (its key was copied, or its file restored elsewhere): told once. */
    std::vector<std::uint64_t> impersonatedSeqs;
    std::int64_t serverTimeMs = 0;
    /** The server ordered this device to wipe its data (a push reply said "wipe", or a pull
     *  was refused "device_wipe"): push what is unsent, wipe, then reportWiped(). */
    bool wipeOrdered = false;
};

/** Who signed in, as the server says (login()). */
struct LoginResult {
    std::string token;
    std::string username, displayName, role, scopeUnit;
    std::int64_t serverTimeMs = 0;  ///< the server's clock when it answered
    std::string sealKey;            ///< the server's X25519 key for sealed outboxes (sealed.h)
    int maxOfflineDays = 0;         ///< unsynced longer than this, the data stays locked (0: none)
    /** The server's attachment limits (its `attachment_limits`; policy.h's defaults when the
     *  server names none): what the tablet checks before it stores a file. */
    AttachmentLimits attachmentLimits;
};

/** What the server made of a sealed outbox (uploadSealedOutbox). */
struct SealedUploadResult {
    std::uint64_t accepted = 0;
    std::uint64_t duplicates = 0;
    std::uint64_t refused = 0;
};

struct SyncClientOptions {
    std::string baseUrl;       ///< "http://127.0.0.1:8080"
    std::string token;         ///< from login()
    std::size_t pushBatch = 500;
    std::size_t pullPage = 5000;
    int maxAttempts = 5;       ///< per request, with exponential backoff
    int timeoutSeconds = 30;
    /** For an https:// server: a PEM file of the certificate authorities to trust (the
     *  city's own CA, say); empty trusts the system's. The server's certificate is always
     *  verified, its name included. */
    std::string caFile;
    /** The app version every request names (client_version.h). A server that no longer takes
     *  it answers "client_too_old" (one not yet updated for it, "server_too_old"), and login or
     *  sync stops there with nothing sent. Tests pose as other versions with it. */
    int clientVersion = kClientVersion;
};

/** Syncs one Replica with the server. Blocking; run it off the UI thread. The replica must not
 *  be used by another thread during sync(). cancel() is safe from any thread: sync() then
 *  returns Error{"cancelled"} after the current request, with everything applied so far kept. */
class SyncClient {
public:
    SyncClient(Replica& replica, SyncClientOptions options);

    /** Logs in (username, password, this replica's site as device id and its public key,
     *  which the server binds to the device), with the retries and clock learning of every
     *  request; stores the token and returns who signed in. Error codes: the server's
     *  ("invalid_credentials", "too_many_attempts", ...), "network", "tls", "bad_response". */
    Result<LoginResult> login(const std::string& username, const std::string& password);
    /** Push all unsent changes, then pull until caught up. Resumes where an interrupted
     *  sync stopped; handles clock refusals (re-stamp) and a changed server epoch (re-push). */
    Result<SyncResult> sync(const std::function<void(const SyncProgress&)>& progress = {});
    /** Only the first half of sync(): push all unsent changes (say on a slow or metered
     *  connection); what others wrote comes with the next sync(). */
    Result<SyncResult> push(const std::function<void(const SyncProgress&)>& progress = {});
    void cancel() { m_cancel = true; }
    const SyncClientOptions& options() const { return m_options; }
    void setToken(std::string token) { m_options.token = std::move(token); }

private:
    struct Impl;
    Result<SyncResult> runSession(bool withPull,
                                  const std::function<void(const SyncProgress&)>& progress);
    Replica& m_replica;
    SyncClientOptions m_options;
    std::atomic<bool> m_cancel{false};
};

/** The replica's unsent changes as a push sends them, with its site ({"site", "changes"}),
 *  sealed to the server's `sealKey` (sealed.h); nullopt when nothing is unsent. */
Result<std::optional<std::string>> sealUnsentChanges(Replica& replica, const std::string& sealKey);
/** POST /api/v1/sync/sealed with a box from sealUnsentChanges, under `options.token` (any
 *  device of the same user). Error codes as the server's ("not_your_device",
 *  "invalid_sealed", ...), "network". */
Result<SealedUploadResult> uploadSealedOutbox(const SyncClientOptions& options,
                                              const std::string& box);
/** POST /api/v1/sync/wiped: this device has pushed everything and wiped its data. */
Status reportWiped(const SyncClientOptions& options);

}  // namespace nghedan
