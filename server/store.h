#pragma once
// The server's one way to storage (DESIGN.md, "Storage and scale"): the change log and
// records, what the dashboard reads, the accounts, sessions and audit log, backup and
// maintenance. Routes, admin commands and the demo loader ask for what they need by name;
// only an implementation (server/store/sqlite_store.cpp) knows tables, SQL and positions.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nghedan/blob_store.h"
#include "nghedan/replica.h"
#include "users.h"

namespace nghedan::server {

/** What the overview index keeps of one petition; the views live only during the callback. */
struct PetitionFacts {
    std::string_view id, unit, category, status, leadAgency;
    std::string_view dueDate;          ///< as written ("" when none)
    std::string_view supportAgencies;  ///< JSON array text ("" when none)
    std::optional<std::int64_t> receivedAt, resolvedAt;
    bool deleted = false;
};
struct MeetingFacts {
    std::string_view id, unit;
    std::optional<std::int64_t> heldAt;
    bool deleted = false;
};
struct DirectiveFacts {
    std::string_view id, unit, status, dueDate;
    bool deleted = false;
};
struct ReportBackFacts {
    std::string_view id, unit, petition, verdict;
    std::int64_t recordedAt = 0;  ///< when it was first written (ms)
    bool deleted = false;
};

/** What the dashboard shows of an overdue petition. Empty strings for missing values. */
struct PetitionSummary {
    std::string title, unit, leadAgency, dueDate;
};

/** A unit or an agency of the directory (display values; empty strings for missing ones). */
struct UnitEntry {
    std::string id, parent, level, code, name;
};
struct AgencyEntry {
    std::string id, unit, level, name;
};

/** Live (not deleted) records of an entity and how many of them hold a conflict. */
struct RecordCounts {
    std::int64_t records = 0;
    std::int64_t withConflicts = 0;
};

/** A record whose personal values someone was shown. */
struct RecordRef {
    std::string entity, id;
};

/** One entry of the access log of personal data: who was shown which records' personal values,
 *  when, where and why. Entries are only ever added (Store::logPersonalAccess). */
struct AccessEntry {
    std::int64_t id = 0;  ///< set by the store
    std::int64_t at = 0;  ///< ms since epoch
    std::string username, role;
    std::string scopeUnit;  ///< the viewer's scope unit when they looked (admins' filter)
    std::string device;     ///< the tablet's site id, or "dashboard"
    std::string action;     ///< e.g. "petition_detail", "petition_list", "export", "print_minutes", "sync_pull"
    std::string reason;
    std::string ip;
    std::vector<RecordRef> records;  ///< read back: at most the reader's limit of them
    std::int64_t recordCount = 0;    ///< read back: how many records the entry names
};

/** Which entries to read: all filters are optional; `scopeUnits` (when not empty) keeps only
 *  entries whose viewer's scope unit is among them. Newest first. */
struct AccessQuery {
    std::vector<std::string> scopeUnits;
    std::int64_t id = 0;  ///< only this entry when not 0
    std::string user;    ///< exact username
    std::string record;  ///< a record id (any entity)
    std::optional<std::int64_t> fromMs, toMs;  ///< [fromMs, toMs)
    std::int64_t offset = 0, limit = 100;
};
struct AccessPage {
    std::vector<AccessEntry> entries;
    std::int64_t total = 0;
};

/** An attachment record that names a blob, as its file or its thumbnail (server/API.md "Blobs"). */
struct BlobNaming {
    std::string attachment;  ///< the attachment record's id
    std::string unit;        ///< the record's unit (its parent's)
    std::uint64_t size = 0;  ///< the size the record declares for this blob (size or thumb_size)
    std::string mime;        ///< what the blob is served as ("image/jpeg" for a thumbnail)
    std::string fileName;
    bool thumbnail = false;
    bool live = true;  ///< neither the record nor its parent is deleted
};

/** One attachment of a record, for the limits per record. */
struct AttachmentSize {
    std::string id;
    std::int64_t size = 0;
};

/** Storage of one server. Not thread-safe: callers serialise every call (ctx.mutex), except
 *  that a snapshot, once made, is read anywhere (ReplicaSnapshot). Every write commits durably
 *  before it returns unless bulk-load mode is on. */
class Store {
public:
    virtual ~Store() = default;

    // ---- the change log and records (Replica's contracts, replica.h) --------------------
    /** The server's own replica site id. */
    virtual const std::string& siteId() = 0;
    /** The clock that stamps the server's own changes. */
    virtual Hlc& clock() = 0;
    /** Validates and records a write of the server's own; returns the stored change. */
    virtual Result<Change> write(const WriteRequest& request) = 0;
    /** Applies pushed changes in one transaction (Replica::apply). */
    virtual Result<ApplyReport> apply(const std::vector<Change>& changes,
                                      const ApplyOptions& options = {}) = 0;
    /** A record's display values and conflicts; nullopt when unknown. */
    virtual Result<std::optional<RecordView>> get(const std::string& entity,
                                                  const std::string& id) = 0;
    /** Every value every field of the record ever had, oldest first. */
    virtual Result<std::vector<VersionView>> history(const std::string& entity,
                                                     const std::string& id) = 0;
    /** One page of a list query and its total (Replica::list). */
    virtual Result<Page> list(const ListQuery& query) = 0;
    /** Records whose text matches every typed word (diacritics ignored), newest first. */
    virtual Result<std::vector<SearchHit>> search(const std::string& typed,
                                                  const std::string& entity = {},
                                                  int limit = 50) = 0;
    /** The unit and all units below it (ids). */
    virtual Result<std::vector<std::string>> unitSubtree(const std::string& root) = 0;
    /** A read-only view as of now for long reads off the lock (Replica::snapshot): make it
     *  under the lock, use it anywhere. */
    virtual Result<std::unique_ptr<ReplicaSnapshot>> snapshot() = 0;
    /** How many changes are stored. */
    virtual std::uint64_t changeCount() = 0;
    /** The log position of the newest stored change (0 when empty); opaque to tablets. */
    virtual std::uint64_t lastCursor() = 0;
    /** Changes after a log position, in log order, for the scope (Replica::changesAfter). */
    virtual Result<ChangePage> changesAfter(std::uint64_t cursor, const std::string& scopeRoot,
                                            std::size_t limit) = 0;
    /** The same as stored text, bounded in bytes, `held` left out (pull). */
    virtual Result<ChangeTextPage> changeTextsAfter(std::uint64_t cursor,
                                                    const std::string& scopeRoot, PageSize size,
                                                    const HeldChanges& held = {}) = 0;
    /** Whole records of the scope after a record position (first sync's snapshot pages). */
    virtual Result<ChangeTextPage> recordTextsAfter(std::uint64_t afterRid,
                                                    const std::string& scopeRoot,
                                                    PageSize size) = 0;
    /** Highest seq processed contiguously per site. */
    virtual Result<std::map<std::string, std::uint64_t>> siteVector() = 0;
    /** The key that proves a site's changes; nullopt when none is known. */
    virtual Result<std::optional<SiteKey>> siteKey(const std::string& site) = 0;
    /** Takes what is known of a site's key (Replica::learnSiteKey). */
    virtual Status learnSiteKey(const SiteKey& key) = 0;
    /** A stored meta value (epoch, lineage); nullopt when unset. */
    virtual std::optional<std::string> meta(const std::string& key) = 0;
    virtual Status setMeta(const std::string& key, const std::string& value) = 0;
    /** A new site id for the server's own later writes (after a restore). */
    virtual Status renewSite() = 0;

    // ---- what the dashboard and the sync checks read -----------------------------------
    /** Calls `each` for every petition, deleted ones too, or only for the one with `id`
     *  (not at all when it does not exist). An Error means the read stopped (I/O). */
    virtual Status petitionFacts(const std::optional<std::string>& id,
                                 const std::function<void(const PetitionFacts&)>& each) = 0;
    /** As petitionFacts, for meetings. */
    virtual Status meetingFacts(const std::optional<std::string>& id,
                                const std::function<void(const MeetingFacts&)>& each) = 0;
    /** As petitionFacts, for directives. */
    virtual Status directiveFacts(const std::optional<std::string>& id,
                                  const std::function<void(const DirectiveFacts&)>& each) = 0;
    /** As petitionFacts, for residents' verdicts at report-backs. */
    virtual Status reportBackFacts(const std::optional<std::string>& id,
                                   const std::function<void(const ReportBackFacts&)>& each) = 0;
    /** Title, unit, lead agency and due date of a petition (deleted or not); nullopt when none. */
    virtual Result<std::optional<PetitionSummary>> petitionSummary(const std::string& id) = 0;
    /** Every unit that is not deleted, in no particular order. */
    virtual Result<std::vector<UnitEntry>> liveUnits() = 0;
    /** Every agency that is not deleted, in no particular order. */
    virtual Result<std::vector<AgencyEntry>> liveAgencies() = 0;
    /** The parent of a unit (deleted or not): "" for a root, nullopt when no such unit. */
    virtual Result<std::optional<std::string>> unitParent(const std::string& unit) = 0;
    /** Ids of the records of `entity` whose `field` ("id" or a schema field) equals `value`,
     *  deleted ones only with `includeDeleted`; "invalid_field" for an unknown field. */
    virtual Result<std::vector<std::string>> recordIdsWhere(const std::string& entity,
                                                            const std::string& field,
                                                            const std::string& value,
                                                            bool includeDeleted) = 0;
    /** Per entity: live records and how many of them hold a conflict. */
    virtual Result<std::map<std::string, RecordCounts>> recordCounts() = 0;

    // ---- accounts, sessions, devices, audit (contracts as in users.h) -------------------
    /** Adds an account ("user_exists" when the name is taken); the hash from hashPassword. */
    virtual Status addUser(const Account& account, const std::string& passwordHash) = 0;
    /** Changes the fields given (empty = keep); "user_not_found". Changing the password, role
     *  or scope, or disabling, ends the user's sessions. */
    virtual Status updateUser(const std::string& username,
                              const std::optional<std::string>& displayName,
                              const std::optional<std::string>& role,
                              const std::optional<std::string>& scopeUnit,
                              const std::optional<std::string>& passwordHash,
                              const std::optional<bool>& disabled) = 0;
    /** An account by name (disabled ones too); nullopt when unknown. */
    virtual Result<std::optional<Account>> findUser(const std::string& username) = 0;
    /** The stored password hash of an enabled user, or nullopt. */
    virtual Result<std::optional<std::string>> passwordHashOf(const std::string& username) = 0;
    /** Every account, by name. */
    virtual Result<std::vector<Account>> listUsers() = 0;
    /** Stores a session under the hash of `token`; records the device for the user. */
    virtual Status createSession(const std::string& token, const std::string& username,
                                 const std::string& kind, const std::string& deviceSite,
                                 std::int64_t nowMs, std::int64_t expiresAtMs,
                                 const std::string& ip) = 0;
    /** The session of a token with its enabled account; expired ones are returned as is. */
    virtual Result<std::optional<Session>> findSession(const std::string& token) = 0;
    virtual Status deleteSession(const std::string& token) = 0;
    /** Removes expired sessions; returns how many. */
    virtual Result<int> purgeExpiredSessions(std::int64_t nowMs) = 0;
    /** True when `username` has ever logged in on the device `site`. */
    virtual Result<bool> userUsedDevice(const std::string& username, const std::string& site) = 0;
    /** Keeps, for the dot's device, that its dot was pushed with other content (no content). */
    virtual Status recordDotConflict(const std::string& site, std::uint64_t seq, std::int64_t nowMs,
                                     const std::string& pushedBy, const std::string& pushedFrom,
                                     const std::string& ip) = 0;
    /** The dot conflicts of `site` not yet told to its device, marked told now. */
    virtual Result<std::vector<DotConflict>> takeDotConflicts(const std::string& site,
                                                              std::int64_t nowMs) = 0;
    /** Every (device, user) that ever signed in, newest first. */
    virtual Result<std::vector<DeviceUse>> listDevices() = 0;
    /** In one transaction: the device's changes up to the highest seq held stay valid, its key
     *  proves nothing after that, its sessions end, and the audit log says so (by `actor`).
     *  Returns that seq. */
    virtual Result<std::uint64_t> revokeDevice(const std::string& site, std::int64_t nowMs,
                                               const std::string& actor) = 0;
    /** Appends to the audit log. Never pass a password or token. */
    virtual Status audit(std::int64_t nowMs, const std::string& actor, const std::string& action,
                         const std::string& detail, const std::string& ip = {}) = 0;
    /** Users, enabled users, live sessions, devices and audit entries. */
    virtual Result<AccountCounts> accountCounts(std::int64_t nowMs) = 0;

    // ---- maintenance --------------------------------------------------------------------
    /** A consistent copy of everything (records, log, accounts) into a new file at `path`. */
    virtual Status backupTo(const std::string& path) = 0;
    /** Bulk-load mode on or off. On: writes commit without waiting for the disk (a crash may
     *  lose them: only for loading a data set that can be loaded again). Off: durable again,
     *  and everything written meanwhile is on disk before it returns. */
    virtual Status setBulkLoad(bool on) = 0;
    /** Moves the write-ahead log into the database file and empties it: after an erasure
     *  (redaction), so that no old page image in the log keeps an erased value. */
    virtual Status truncateJournal() = 0;
    /** Replica::deferSearchCompaction: around a batch of redactions. */
    virtual Status deferSearchCompaction(bool on) = 0;

    // ---- access log of personal data (append-only: no operation changes an entry) ------
    /** Appends an entry with its records in one transaction; returns its id. An Error means
     *  nothing was stored: the caller must then not show the personal values. */
    virtual Result<std::int64_t> logPersonalAccess(const AccessEntry& entry) = 0;
    /** One page of entries matching the query, newest first, with their records, and the
     *  total that match. */
    virtual Result<AccessPage> accessLog(const AccessQuery& query) = 0;

    // ---- remote wipe (a lost tablet, a disabled user) ------------------------------------
    /** Orders a device that signed in to wipe its data at its next sync (audit by `actor`);
     *  "device_not_found", "already_wiped". Its token keeps working for push and "wiped". */
    virtual Status orderDeviceWipe(const std::string& site, std::int64_t nowMs,
                                   const std::string& actor) = 0;
    /** Withdraws a wipe not yet done; "already_wiped" once the tablet has wiped. */
    virtual Status cancelDeviceWipe(const std::string& site, std::int64_t nowMs,
                                    const std::string& actor) = 0;
    /** Orders every device the user signed in on to wipe; returns how many were new. */
    virtual Result<int> orderUserDeviceWipes(const std::string& username, std::int64_t nowMs,
                                             const std::string& actor) = 0;
    /** "pending", "wiped" or "" (no order). */
    virtual Result<std::string> deviceWipeState(const std::string& site) = 0;
    /** The tablet says it wiped: in one transaction its key proves nothing after the highest
     *  seq held, the order is marked done and the audit log says so. Returns that seq;
     *  "not_ordered" when no wipe was ordered. */
    virtual Result<std::uint64_t> confirmDeviceWipe(const std::string& site, std::int64_t nowMs,
                                                    const std::string& actor,
                                                    const std::string& ip) = 0;
    /** The bearer session of a token whose device has a wipe order (pending or done), also
     *  for a disabled account; nullopt otherwise. */
    virtual Result<std::optional<Session>> findWipeSession(const std::string& token) = 0;

    // ---- blobs: the bytes of attachments (server/API.md "Blobs") -------------------------
    /** The blob store of the data directory. The one exception to the lock: the reference and
     *  the store are thread-safe and used WITHOUT ctx.mutex (blob I/O never runs under it). */
    virtual BlobStore& blobs() = 0;
    /** Every attachment record naming `hash` (file or thumbnail), deleted ones too. */
    virtual Result<std::vector<BlobNaming>> blobNamings(const std::string& hash) = 0;
    /** The units that proved they hold the bytes of `hash` (proof of possession). */
    virtual Result<std::vector<std::string>> blobClaimUnits(const std::string& hash) = 0;
    /** Records that an uploader writing for `unit` sent every byte of `hash` and they checked
     *  out: the unit's readers may now get the blob. Idempotent. */
    virtual Status claimBlob(const std::string& hash, const std::string& unit) = 0;
    /** Forgets every claim of `hash` (after its bytes were removed). */
    virtual Status forgetBlobClaims(const std::string& hash) = 0;
    /** The attachments of record `parent` that are not deleted (the limits per record). */
    virtual Result<std::vector<AttachmentSize>> liveAttachmentsOf(const std::string& parent) = 0;
};

/** Opens or creates the SQLite store in the file at `path` (migrating an older file), with the
 *  server tables ready (server/store/sqlite_store.cpp), and its blobs under `blobDir` (empty:
 *  "blobs" beside the file). */
Result<std::unique_ptr<Store>> openSqliteStore(const std::string& path,
                                               ReplicaOptions options = {},
                                               const std::string& blobDir = {});

}  // namespace nghedan::server
