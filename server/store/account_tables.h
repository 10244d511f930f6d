#pragma once
// The SQL of the server-only tables (users, sessions, devices, dot conflicts, audit log), kept
// in the same SQLite file as the server's replica. Internal to the SQLite store.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nghedan/sqlite.h"
#include "nghedan/status.h"
#include "users.h"

namespace nghedan::server {

/** The server tables (srv_users, srv_sessions, srv_devices, srv_dot_conflicts, srv_audit) over
 *  a Database owned by someone else (the replica's): part of SqliteStore, used by nothing else.
 *  Not thread-safe: callers hold the same lock as for the replica. Every method is a small
 *  transaction or a single statement. */
class AccountTables {
public:
    explicit AccountTables(Database& db) : m_db(db) {}

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
    /** The dot conflicts of `site` not yet told to its device, marked told now. */
    Result<std::vector<DotConflict>> takeDotConflicts(const std::string& site, std::int64_t nowMs);

    /** Every (device, user) that ever signed in, newest first. */
    Result<std::vector<DeviceUse>> listDevices();
    /** Ends every session bound to the device. */
    Status endDeviceSessions(const std::string& site);

    /** Appends to the audit log. Never pass a password or token. */
    Status audit(std::int64_t nowMs, const std::string& actor, const std::string& action,
                 const std::string& detail, const std::string& ip = {});

    Result<AccountCounts> counts(std::int64_t nowMs);

    // ---- remote wipe (srv_device_wipes): "pending" until the tablet says it wiped ----------
    /** Marks a device that signed in for wipe (audit by `actor`); "device_not_found",
     *  "already_wiped". Ordering again is harmless. */
    Status orderDeviceWipe(const std::string& site, std::int64_t nowMs, const std::string& actor);
    /** Withdraws a pending wipe; "already_wiped" once the tablet has wiped. */
    Status cancelDeviceWipe(const std::string& site, std::int64_t nowMs, const std::string& actor);
    /** Marks every device the user ever signed in on for wipe; returns how many were new. */
    Result<int> orderUserDeviceWipes(const std::string& username, std::int64_t nowMs,
                                     const std::string& actor);
    /** "pending", "wiped" or "" (never ordered). */
    Result<std::string> deviceWipeState(const std::string& site);
    /** pending → wiped (no audit: the caller writes it with the key revocation). */
    Status markDeviceWiped(const std::string& site, std::int64_t nowMs);
    /** The bearer session of a token whose device has a wipe order, whatever the account's
     *  state (a disabled user's tablet still makes its last push). */
    Result<std::optional<Session>> findWipeSession(const std::string& token);

private:
    Result<std::optional<Session>> sessionWhere(const std::string& token,
                                                const std::string& joinAndWhere);
    Database& m_db;
};

}  // namespace nghedan::server
