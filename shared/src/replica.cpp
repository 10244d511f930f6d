// The replica file: opening and migrating it, site and field ids, the device key, meta (see replica_impl.h).
#include "replica_impl.h"

#include <sodium.h>

namespace nghedan {

namespace {

constexpr int kStorageVersion = kSchemaVersion;

const char* kCoreSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sites(idx INTEGER PRIMARY KEY, site TEXT NOT NULL UNIQUE,
                                 max_seq INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS fields(idx INTEGER PRIMARY KEY, entity TEXT NOT NULL,
                                  name TEXT NOT NULL, UNIQUE(entity, name));
CREATE TABLE IF NOT EXISTS records(rid INTEGER PRIMARY KEY, entity TEXT NOT NULL,
                                   id TEXT NOT NULL, unit TEXT NOT NULL,
                                   state TEXT NOT NULL DEFAULT '', UNIQUE(entity, id));
CREATE TABLE IF NOT EXISTS changes(lseq INTEGER PRIMARY KEY, site_idx INTEGER NOT NULL,
                                   seq INTEGER NOT NULL, hlc INTEGER NOT NULL,
                                   rid INTEGER NOT NULL, author TEXT NOT NULL,
                                   body TEXT NOT NULL, UNIQUE(site_idx, seq));
CREATE INDEX IF NOT EXISTS changes_rid ON changes(rid);
CREATE TABLE IF NOT EXISTS refused(site TEXT NOT NULL, seq INTEGER NOT NULL, code TEXT NOT NULL,
                                   message TEXT NOT NULL, body TEXT NOT NULL,
                                   PRIMARY KEY(site, seq));
CREATE TABLE IF NOT EXISTS site_keys(site TEXT PRIMARY KEY, public_key TEXT NOT NULL DEFAULT '',
                                     unsigned_through INTEGER NOT NULL DEFAULT 0,
                                     valid_through INTEGER);
CREATE TABLE IF NOT EXISTS redacted(entity TEXT NOT NULL, id TEXT NOT NULL, field TEXT NOT NULL,
                                    PRIMARY KEY(entity, id, field)) WITHOUT ROWID;
)SQL";

/** The storage version that introduced signed changes and site keys. */
constexpr int kSignedChangesVersion = 5;

const std::string kMetaSchemaFields = "schema_fields";

/** What the materialised tables and the search index are made of: every entity, its title
 *  field, and each field's name, type and whether it is searched. */
std::string schemaFingerprint(const std::vector<EntityDef>& schema) {
    std::string out;
    for (const EntityDef& e : schema) {
        out += e.name + "(" + e.titleField + "):";
        for (const FieldDef& f : e.fields)
            out += f.name + "/" + std::to_string(static_cast<int>(f.type)) +
                   (f.searchable ? "s" : "") + ",";
        out += ";";
    }
    return out + "receipt_code;";  // the derived columns (replica_materialise.cpp)
}

}  // namespace

Result<std::int64_t> Replica::Impl::siteIndex(const std::string& site) {
    if (auto it = siteIdx.find(site); it != siteIdx.end()) return it->second;
    auto ins = db.cached("INSERT OR IGNORE INTO sites(site) VALUES(?)");
    if (Status s = ins->bind(1, site).run(); !s) return s.error();
    auto sel = db.cached("SELECT idx FROM sites WHERE site=?");
    sel->bind(1, site);
    if (!sel->step()) return Error{"storage", "site index lost"};
    const std::int64_t idx = sel->int64(0);
    siteIdx[site] = idx;
    siteById[idx] = site;
    return idx;
}

const std::string& Replica::Impl::siteName(std::int64_t idx) {
    if (auto it = siteById.find(idx); it != siteById.end()) return it->second;
    auto sel = db.cached("SELECT site FROM sites WHERE idx=?");
    sel->bind(1, idx);
    std::string site = sel->step() ? sel->text(0) : std::string();
    siteIdx[site] = idx;
    return siteById[idx] = site;
}

Result<int> Replica::Impl::fieldIndex(const std::string& entity, const std::string& name) {
    const auto key = std::make_pair(entity, name);
    if (auto it = fieldIdx.find(key); it != fieldIdx.end()) return it->second;
    auto ins = db.cached("INSERT OR IGNORE INTO fields(entity, name) VALUES(?, ?)");
    if (Status s = ins->bind(1, entity).bind(2, name).run(); !s) return s.error();
    auto sel = db.cached("SELECT idx FROM fields WHERE entity=? AND name=?");
    sel->bind(1, entity).bind(2, name);
    if (!sel->step()) return Error{"storage", "field index lost"};
    const int idx = static_cast<int>(sel->int64(0));
    fieldIdx[key] = idx;
    fieldById[idx] = key;
    return idx;
}

const std::pair<std::string, std::string>& Replica::Impl::fieldName(int idx) {
    if (auto it = fieldById.find(idx); it != fieldById.end()) return it->second;
    auto sel = db.cached("SELECT entity, name FROM fields WHERE idx=?");
    sel->bind(1, static_cast<std::int64_t>(idx));
    std::pair<std::string, std::string> key;
    if (sel->step()) key = {sel->text(0), sel->text(1)};
    fieldIdx[key] = idx;
    return fieldById[idx] = key;
}

std::optional<Replica::Impl::RecordRef> Replica::Impl::findRecord(const std::string& entity, const std::string& id) {
    auto sel = db.cached("SELECT rid, unit FROM records WHERE entity=? AND id=?");
    sel->bind(1, entity).bind(2, id);
    if (!sel->step()) return std::nullopt;
    return RecordRef{sel->int64(0), sel->text(1)};
}

std::int64_t Replica::Impl::maxSeq(std::int64_t site) {
    auto sel = db.cached("SELECT max_seq FROM sites WHERE idx=?");
    sel->bind(1, site);
    return sel->step() ? sel->int64(0) : 0;
}

Status Replica::Impl::setMaxSeq(std::int64_t site, std::int64_t seq) {
    return db.cached("UPDATE sites SET max_seq=? WHERE idx=?")->bind(1, seq).bind(2, site).run();
}

Status Replica::Impl::advanceMaxSeq(std::int64_t site) {
    std::int64_t seq = maxSeq(site);
    for (;;) {
        auto sel = db.cached("SELECT 1 FROM changes WHERE site_idx=? AND seq=?");
        sel->bind(1, site).bind(2, seq + 1);
        if (!sel->step()) break;
        ++seq;
    }
    return setMaxSeq(site, seq);
}

// ---- open and migrate ---------------------------------------------------------------

Result<std::unique_ptr<Replica>> Replica::open(const std::string& path, ReplicaOptions options) {
    auto db = Database::open(path, false, options.encryptionKey);
    sodium_memzero(options.encryptionKey.data(), options.encryptionKey.size());
    if (!db) return db.error();
    std::unique_ptr<Replica> r(new Replica);
    r->m_db = std::move(*db);
    // What a redaction erases must not linger in free pages of the file.
    if (Status s = r->m_db.exec("PRAGMA secure_delete=ON"); !s) return s.error();
    r->m_schema = options.schema ? options.schema : &entities();
    r->m_clock = Hlc(options.clockSource);
    r->m_impl = std::make_unique<Impl>(*r);
    Impl& impl = *r->m_impl;

    {
        Transaction tx(r->m_db);
        if (!tx.begun()) return tx.begun().error();
        if (Status s = r->m_db.exec(kCoreSchema); !s) return s.error();
        auto version = r->meta("schema_version");
        const int stored = version ? std::stoi(*version) : 0;
        if (stored > kStorageVersion)
            return Error{"newer_schema", "the data file " + path + " was written by a newer "
                                         "version (schema " + *version + "); please update"};
        // Materialised with other entities or fields (an older app's, which kept what it did
        // not know): rebuilt, like a migration, so that all of it shows. A file without the
        // mark was materialised by this build's schema.
        const std::string fingerprint = schemaFingerprint(*r->m_schema);
        const std::string builtWith =
            r->meta(kMetaSchemaFields).value_or(schemaFingerprint(entities()));
        const bool migrate = stored != 0 && (stored < kStorageVersion || builtWith != fingerprint);
        if (migrate) {
            // Derived tables are rebuilt from the changes: every change is kept.
            if (Status s = impl.dropDerivedTables(); !s) return s.error();
            if (stored < 3) {  // versions were rows; now each record keeps a merge state
                if (Status s = r->m_db.exec(
                        "ALTER TABLE records ADD COLUMN state TEXT NOT NULL DEFAULT ''; "
                        "DROP TABLE IF EXISTS versions; DROP TABLE IF EXISTS supersessions;");
                    !s)
                    return s.error();
            }
        }
        if (Status s = impl.createDerivedTables(); !s) return s.error();
        if (!r->meta("site")) {
            if (Status s = r->setMeta("site", newSiteId()); !s) return s.error();
        }
        r->m_site = *r->meta("site");
        auto own = impl.siteIndex(r->m_site);
        if (!own) return own.error();
        impl.ownIdx = *own;
        if (stored != 0 && stored < kSignedChangesVersion) {
            // Other sites' changes stored before keys existed stay valid unsigned.
            if (Status s = r->m_db.exec(
                    "INSERT OR IGNORE INTO site_keys(site, unsigned_through) SELECT s.site, "
                    "max(c.seq) FROM changes c JOIN sites s ON s.idx=c.site_idx GROUP BY s.site");
                !s)
                return s.error();
        }
        if (Status s = r->loadOrMakeKey(); !s) return s.error();
        if (stored != 0 && stored < kSignedChangesVersion) {
            // This replica's own changes, all still here, are signed now by its new key.
            if (Status s = impl.signOwnChanges(); !s) return s.error();
        }
        if (Status s = r->setMeta("schema_version", std::to_string(kStorageVersion)); !s)
            return s.error();
        if (r->meta(kMetaSchemaFields) != fingerprint)
            if (Status s = r->setMeta(kMetaSchemaFields, fingerprint); !s) return s.error();
        if (migrate) {
            if (Status s = impl.rederiveAll(); !s) return s.error();
        }
        if (Status s = tx.commit(); !s) return s.error();
    }
    if (auto offset = r->meta("clock_offset")) r->m_clock.setOffsetMs(std::stoll(*offset));
    Stmt st = r->m_db.prepare("SELECT max(hlc) FROM changes");
    if (st.step()) r->m_clock.observe(static_cast<HlcTime>(st.int64(0)));
    return r;
}

Replica::~Replica() {
    m_impl.reset();
}

Status Replica::loadOrMakeKey() {
    auto secret = meta("signing_key");
    if (!secret || secret->empty()) {
        const KeyPair pair = newKeyPair();
        if (Status s = setMeta("signing_key", pair.secretKey); !s) return s;
        secret = pair.secretKey;
    }
    auto publicKey = publicKeyOf(*secret);
    if (!publicKey) return Error{"bad_key", "the replica's signing key is damaged"};
    m_secretKey = *secret;
    m_publicKey = *publicKey;
    // This replica's own key proves its own changes, here as everywhere.
    if (Status s = m_db.cached("INSERT INTO site_keys(site, public_key) VALUES(?, ?) ON "
                               "CONFLICT(site) DO UPDATE SET public_key=excluded.public_key")
                       ->bind(1, m_site).bind(2, m_publicKey).run();
        !s)
        return s;
    m_impl->keyCache.erase(m_site);
    return {};
}

// ---- site keys ----------------------------------------------------------------------

std::string Replica::keyProof(const std::string& username) const {
    return signMessage(keyProofMessage(m_site, username, m_publicKey), m_secretKey);
}

Result<std::optional<SiteKey>> Replica::siteKey(const std::string& site) {
    m_impl->keyCache.erase(site);
    return m_impl->keyOf(site);
}

Result<std::map<std::string, SiteKey>> Replica::siteKeys() {
    std::map<std::string, SiteKey> out;
    Stmt st = m_db.prepare(
        "SELECT site, public_key, unsigned_through, valid_through FROM site_keys");
    while (st.step()) {
        SiteKey k{st.text(0), st.text(1), static_cast<std::uint64_t>(st.int64(2)), std::nullopt};
        if (!st.isNull(3)) k.validThrough = static_cast<std::uint64_t>(st.int64(3));
        out.emplace(k.site, std::move(k));
    }
    if (st.error()) return *st.error();
    return out;
}

Status Replica::learnSiteKey(const SiteKey& key) {
    if (!isValidSiteId(key.site)) return Error{"invalid_value", "not a site id: " + key.site};
    if (!key.publicKey.empty() && !isValidPublicKey(key.publicKey))
        return Error{"invalid_value", "not a public key for site " + key.site};
    const std::optional<SiteKey> known = m_impl->keyOf(key.site);
    SiteKey next = known.value_or(SiteKey{key.site, "", 0, std::nullopt});
    if (!key.publicKey.empty()) {
        if (!next.publicKey.empty() && next.publicKey != key.publicKey)
            return Error{"key_mismatch", "site " + key.site + " is known with another key"};
        if (next.publicKey.empty()) {
            // First sight of the key: the record of changes made before keys comes with it.
            next.publicKey = key.publicKey;
            next.unsignedThrough = std::max(next.unsignedThrough, key.unsignedThrough);
        }
    } else if (next.publicKey.empty()) {
        next.unsignedThrough = std::max(next.unsignedThrough, key.unsignedThrough);
    }
    if (key.validThrough && (!next.validThrough || *key.validThrough < *next.validThrough))
        next.validThrough = key.validThrough;
    if (known && known->publicKey == next.publicKey &&
        known->unsignedThrough == next.unsignedThrough && known->validThrough == next.validThrough)
        return {};
    auto st = m_db.cached(
        "INSERT OR REPLACE INTO site_keys(site, public_key, unsigned_through, valid_through) "
        "VALUES(?, ?, ?, ?)");
    st->bind(1, next.site).bind(2, next.publicKey).bind(3, next.unsignedThrough);
    if (next.validThrough)
        st->bind(4, *next.validThrough);
    else
        st->bindNull(4);
    m_impl->keyCache.erase(key.site);
    return st->run();
}

Status Replica::revokeSiteKey(const std::string& site, std::uint64_t validThrough) {
    if (!m_impl->keyOf(site)) return Error{"not_found", "no key is known for site " + site};
    SiteKey revoked{site, "", 0, validThrough};
    return learnSiteKey(revoked);
}

std::optional<std::string> Replica::meta(const std::string& key) {
    auto st = m_db.cached("SELECT value FROM meta WHERE key=?");
    st->bind(1, key);
    if (!st->step()) return std::nullopt;
    return st->text(0);
}

Status Replica::setMeta(const std::string& key, const std::string& value) {
    return m_db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)")->bind(1, key)
        .bind(2, value)
        .run();
}

}  // namespace nghedan
