#pragma once
// The Store over one SQLite file: the server's replica (change log, records, search) and, in
// the same file, the server tables (account_tables.h). The only server code that runs SQL;
// it reaches the replica's connection through DatabaseAccess (replica.h).

#include <memory>
#include <string>

#include "store.h"

namespace nghedan::server {

/** A Store backed by a Replica it owns. Not thread-safe, like the Store. */
class SqliteStore final : public Store {
public:
    /** Opens or creates the file, migrating it, with the server tables ready. */
    static Result<std::unique_ptr<SqliteStore>> open(const std::string& path,
                                                     ReplicaOptions options = {},
                                                     const std::string& blobDir = {});
    ~SqliteStore() override;

    const std::string& siteId() override;
    Hlc& clock() override;
    Result<Change> write(const WriteRequest& request) override;
    Result<ApplyReport> apply(const std::vector<Change>& changes,
                              const ApplyOptions& options) override;
    Result<std::optional<RecordView>> get(const std::string& entity,
                                          const std::string& id) override;
    Result<std::vector<VersionView>> history(const std::string& entity,
                                             const std::string& id) override;
    Result<Page> list(const ListQuery& query) override;
    Result<std::vector<SearchHit>> search(const std::string& typed, const std::string& entity,
                                          int limit) override;
    Result<std::vector<std::string>> unitSubtree(const std::string& root) override;
    Result<std::unique_ptr<ReplicaSnapshot>> snapshot() override;
    std::uint64_t changeCount() override;
    std::uint64_t lastCursor() override;
    Result<ChangePage> changesAfter(std::uint64_t cursor, const std::string& scopeRoot,
                                    std::size_t limit) override;
    Result<ChangeTextPage> changeTextsAfter(std::uint64_t cursor, const std::string& scopeRoot,
                                            PageSize size, const HeldChanges& held) override;
    Result<ChangeTextPage> recordTextsAfter(std::uint64_t afterRid, const std::string& scopeRoot,
                                            PageSize size) override;
    Result<std::map<std::string, std::uint64_t>> siteVector() override;
    Result<std::optional<SiteKey>> siteKey(const std::string& site) override;
    Status learnSiteKey(const SiteKey& key) override;
    std::optional<std::string> meta(const std::string& key) override;
    Status setMeta(const std::string& key, const std::string& value) override;
    Status renewSite() override;

    Status petitionFacts(const std::optional<std::string>& id,
                         const std::function<void(const PetitionFacts&)>& each) override;
    Status meetingFacts(const std::optional<std::string>& id,
                        const std::function<void(const MeetingFacts&)>& each) override;
    Status directiveFacts(const std::optional<std::string>& id,
                          const std::function<void(const DirectiveFacts&)>& each) override;
    Status reportBackFacts(const std::optional<std::string>& id,
                           const std::function<void(const ReportBackFacts&)>& each) override;
    Result<std::optional<PetitionSummary>> petitionSummary(const std::string& id) override;
    Result<std::vector<UnitEntry>> liveUnits() override;
    Result<std::vector<AgencyEntry>> liveAgencies() override;
    Result<std::optional<std::string>> unitParent(const std::string& unit) override;
    Result<std::vector<std::string>> recordIdsWhere(const std::string& entity,
                                                    const std::string& field,
                                                    const std::string& value,
                                                    bool includeDeleted) override;
    Result<std::map<std::string, RecordCounts>> recordCounts() override;

    Status addUser(const Account& account, const std::string& passwordHash) override;
    Status updateUser(const std::string& username, const std::optional<std::string>& displayName,
                      const std::optional<std::string>& role,
                      const std::optional<std::string>& scopeUnit,
                      const std::optional<std::string>& passwordHash,
                      const std::optional<bool>& disabled) override;
    Result<std::optional<Account>> findUser(const std::string& username) override;
    Result<std::optional<std::string>> passwordHashOf(const std::string& username) override;
    Result<std::vector<Account>> listUsers() override;
    Status createSession(const std::string& token, const std::string& username,
                         const std::string& kind, const std::string& deviceSite, std::int64_t nowMs,
                         std::int64_t expiresAtMs, const std::string& ip) override;
    Result<std::optional<Session>> findSession(const std::string& token) override;
    Status deleteSession(const std::string& token) override;
    Result<int> purgeExpiredSessions(std::int64_t nowMs) override;
    Result<bool> userUsedDevice(const std::string& username, const std::string& site) override;
    Status recordDotConflict(const std::string& site, std::uint64_t seq, std::int64_t nowMs,
                             const std::string& pushedBy, const std::string& pushedFrom,
                             const std::string& ip) override;
    Result<std::vector<DotConflict>> takeDotConflicts(const std::string& site,
                                                      std::int64_t nowMs) override;
    Result<std::vector<DeviceUse>> listDevices() override;
    Result<std::uint64_t> revokeDevice(const std::string& site, std::int64_t nowMs,
                                       const std::string& actor) override;
    Status audit(std::int64_t nowMs, const std::string& actor, const std::string& action,
                 const std::string& detail, const std::string& ip) override;
    Result<AccountCounts> accountCounts(std::int64_t nowMs) override;

    Status backupTo(const std::string& path) override;
    Status setBulkLoad(bool on) override;
    Status truncateJournal() override;
    Status deferSearchCompaction(bool on) override;

    Result<std::int64_t> logPersonalAccess(const AccessEntry& entry) override;
    Result<AccessPage> accessLog(const AccessQuery& query) override;
    Status orderDeviceWipe(const std::string& site, std::int64_t nowMs,
                           const std::string& actor) override;
    Status cancelDeviceWipe(const std::string& site, std::int64_t nowMs,
                            const std::string& actor) override;
    Result<int> orderUserDeviceWipes(const std::string& username, std::int64_t nowMs,
                                     const std::string& actor) override;
    Result<std::string> deviceWipeState(const std::string& site) override;
    Result<std::uint64_t> confirmDeviceWipe(const std::string& site, std::int64_t nowMs,
                                            const std::string& actor,
                                            const std::string& ip) override;
    Result<std::optional<Session>> findWipeSession(const std::string& token) override;

    BlobStore& blobs() override;
    Result<std::vector<BlobNaming>> blobNamings(const std::string& hash) override;
    Result<std::vector<std::string>> blobClaimUnits(const std::string& hash) override;
    Status claimBlob(const std::string& hash, const std::string& unit) override;
    Status forgetBlobClaims(const std::string& hash) override;
    Result<std::vector<AttachmentSize>> liveAttachmentsOf(const std::string& parent) override;

private:
    SqliteStore(std::unique_ptr<Replica> replica, std::unique_ptr<BlobStore> blobs);
    Database& db();
    std::unique_ptr<Replica> m_replica;
    std::unique_ptr<BlobStore> m_blobs;
};

}  // namespace nghedan::server
