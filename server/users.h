#pragma once
// Accounts, sessions and devices as the server sees them, and the secrets around them
// (password hashing, session tokens). Stored by the Store (store.h): passwords only as
// Argon2id hashes, session tokens only as BLAKE2b hashes.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nghedan/status.h"

namespace nghedan::server {

/** Roles, in the order of the API ("official", "supervisor", "admin"). */
bool isValidRole(const std::string& role);

/** A stored account (never the password hash outside the store). */
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

/** A change pushed with the dot of a stored one and other content, as told to its device. */
struct DotConflict {
    std::uint64_t seq = 0;
    std::int64_t at = 0;
    std::string pushedBy;
};

/** A (device, user) that signed in. */
struct DeviceUse {
    std::string site;
    std::string username;
    std::int64_t firstSeenAt = 0, lastSeenAt = 0;
    std::string lastIp;
};

/** Sizes of the account tables. */
struct AccountCounts {
    std::int64_t users = 0, activeUsers = 0, sessions = 0, devices = 0, auditEntries = 0;
};

}  // namespace nghedan::server
