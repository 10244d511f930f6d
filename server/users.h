#pragma once
// The server-only tables (users, sessions, devices, audit log), kept in the same SQLite file
// as the server's replica. Passwords are stored only as Argon2id hashes, session tokens only
// as BLAKE2b hashes.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nghedan/sqlite.h"
#include "nghedan/status.h"

namespace nghedan::server {

/** Roles, in the order of the API ("official", "supervisor", "admin"). */
bool isValidRole(const std::string& role);

/** A stored account (never the password hash outside UserStore). */
struct Account {
    std::string username;
    std::string displayName;
    std::string role;
    std::string scopeUnit;
    bool disabled = false;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
};

/** A session found by its token. kind: "bearer" (tablet) or "cookie" (dashboard). */
struct Session {
    Account account;
    std::string tokenHash;
    std::string kind;
    std::string deviceSite;
    std::int64_t createdAt = 0;
    std::int64_t expiresAt = 0;
};

/** Argon2id hash of a password (libsodium crypto_pwhash_str, interactive limits). Slow on
 *  purpose (tens of ms, 64 MiB); never call it while holding the replica mutex. */
Result<std::string> hashPassword(const std::string& password);
/** True when the password matches the stored hash. Slow like hashPassword. */
bool verifyPassword(const std::string& hash, const std::string& password);
/** A new random session token: 32 bytes, base64url without padding. */
std::string newSessionToken();
/** Hex BLAKE2b-256 of a token: what the database stores. */
std::string tokenHash(const std::string& token);
/** The CSRF token of a cookie session, derived from its session token (keyed BLAKE2b), so
 *  it needs no storage and cannot be computed from the stored token hash. */
std::string csrfTokenFor(const std::string& sessionToken);
/** A random id (hex) of `bytes` random bytes. */
std::string randomHexId(std::size_t bytes);

/** Access to the server tables over a Database owned by someone else (the replica's).
 *  Not thread-safe: callers hold the same lock as for the replica. Every method is a small
 *  transaction or a single statement. */
class UserStore {
public:
    explicit UserStore(Database& db) : m_db(db) {}

    /** Creates the tables when missing (idempotent). */
    Status ensureSchema();

    /** Adds an account ("user_exists" when the name is taken). The hash comes from
     *  hashPassword (computed by the caller outside any lock). */
    Status addUser(const Account& account, const std::string& passwordHash);
    /** Changes the fields given (empty optional = keep); "user_not_found". Changing the
     *  password, role or scope, or disabling, ends the user's sessions. */
    Status updateUser(const std::string& username, const std::optional<std::string>& displayName,
                      const std::optional<std::string>& role,
                      const std::optional<std::string>& scopeUnit,
                      const std::optional<std::string>& passwordHash,
                      const std::optional<bool>& disabled);
    Result<std::optional<Account>> findUser(const std::string& username);
    /** The stored password hash of an enabled user, or nullopt. */
    Result<std::optional<std::string>> passwordHashOf(const std::string& username);
    Result<std::vector<Account>> listUsers();

    /** Stores a session under the hash of `token`; records the device for the user. */
    Status createSession(const std::string& token, const std::string& username,
                         const std::string& kind, const std::string& deviceSite, std::int64_t nowMs,
                         std::int64_t expiresAtMs, const std::string& ip);
    /** The session of a token with its (enabled) account; nullopt when unknown or the user is
     *  disabled. An expired session is returned as is (the caller checks expiresAt). */
    Result<std::optional<Session>> findSession(const std::string& token);
    Status deleteSession(const std::string& token);
    /** Removes expired sessions; returns how many. */
    Result<int> purgeExpiredSessions(std::int64_t nowMs);

    /** True when `username` has ever logged in on the device `site` (a tablet handed over
     *  from one official to another still pushes the first one's changes). */
    Result<bool> userUsedDevice(const std::string& username, const std::string& site);

    /** A change pushed with the dot of a stored one and other content: kept for the dot's
     *  device (never the change's content, which may hold personal data). */
    Status recordDotConflict(const std::string& site, std::uint64_t seq, std::int64_t nowMs,
                             const std::string& pushedBy, const std::string& pushedFrom,
                             const std::string& ip);
    struct DotConflict {
        std::uint64_t seq = 0;
        std::int64_t at = 0;
        std::string pushedBy;
    };
    /** The dot conflicts of `site` not yet told to its device, marked told now. */
    Result<std::vector<DotConflict>> takeDotConflicts(const std::string& site, std::int64_t nowMs);

    struct DeviceUse {
        std::string site;
        std::string username;
        std::int64_t firstSeenAt = 0, lastSeenAt = 0;
        std::string lastIp;
    };
    /** Every (device, user) that ever signed in, newest first. */
    Result<std::vector<DeviceUse>> listDevices();
    /** Ends every session bound to the device. */
    Status endDeviceSessions(const std::string& site);

    /** Appends to the audit log. Never pass a password or token. */
    Status audit(std::int64_t nowMs, const std::string& actor, const std::string& action,
                 const std::string& detail, const std::string& ip = {});

    struct Counts {
        std::int64_t users = 0, activeUsers = 0, sessions = 0, devices = 0, auditEntries = 0;
    };
    Result<Counts> counts(std::int64_t nowMs);

private:
    Database& m_db;
};

}  // namespace nghedan::server
