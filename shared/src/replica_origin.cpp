// Proof of origin: which stored or arriving change its site's device signed (see replica_impl.h).
#include "replica_impl.h"

namespace nghedan {

const std::optional<SiteKey>& Replica::Impl::keyOf(const std::string& site) {
    auto it = keyCache.find(site);
    if (it != keyCache.end()) return it->second;
    auto sel = db.cached(
        "SELECT public_key, unsigned_through, valid_through FROM site_keys WHERE site=?");
    sel->bind(1, site);
    std::optional<SiteKey> key;
    if (sel->step()) {
        key = SiteKey{site, sel->text(0), static_cast<std::uint64_t>(sel->int64(1)),
                      std::nullopt};
        if (!sel->isNull(2)) key->validThrough = static_cast<std::uint64_t>(sel->int64(2));
    }
    return keyCache.emplace(site, std::move(key)).first->second;
}

std::vector<char> Replica::Impl::verifySignatures(const std::vector<Change>& changes,
                                   const std::vector<std::string>& checkedWith) {
    std::vector<const std::string*> keys(changes.size(), nullptr);
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const Change& c = changes[i];
        if (c.sig.empty()) continue;
        if (auto idx = siteIdx.find(c.site); idx != siteIdx.end() && changeKnown(idx->second, c.seq))
            continue;  // a duplicate (or a dot conflict): never applied
        const std::optional<SiteKey>& key = keyOf(c.site);
        if (key && !key->publicKey.empty()) keys[i] = &key->publicKey;
    }
    std::vector<char> valid(changes.size(), 0);
    if (checkedWith.size() == changes.size()) {
        for (std::size_t i = 0; i < changes.size(); ++i) {
            if (keys[i] && !checkedWith[i].empty() && checkedWith[i] == *keys[i]) {
                valid[i] = 1;
                keys[i] = nullptr;  // done
            }
        }
    }
    auto work = [&](std::size_t first, std::size_t step) {
        for (std::size_t i = first; i < changes.size(); i += step)
            if (keys[i]) valid[i] = signatureValid(changes[i], *keys[i]) ? 1 : 0;
    };
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threads = changes.size() < 64 ? 1 : std::min<std::size_t>(cores, 8);
    std::vector<std::thread> helpers;
    try {
        for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work, t, threads);
    } catch (const std::system_error&) {
        // No thread to be had: the changes the helpers would have checked are checked here.
        for (std::size_t t = helpers.size() + 1; t < threads; ++t) work(t, threads);
    }
    work(0, threads);
    for (std::thread& h : helpers) h.join();
    return valid;
}

std::optional<Error> Replica::Impl::originRefusal(const Change& c, bool signatureChecked) {
    const std::string dot = c.site + ":" + std::to_string(c.seq);
    const std::optional<SiteKey>& key = keyOf(c.site);
    if (key && c.sig.empty()) {
        if (c.seq <= key->unsignedThrough) return std::nullopt;  // stored before keys
        return Error{"unsigned_change", "change " + dot +
                                            " carries no signature of its device; please "
                                            "update the app"};
    }
    if (!key || key->publicKey.empty())
        return Error{"unknown_site_key", "no key is known for site " + c.site +
                                             ": its device has never signed in here"};
    if (key->validThrough && c.seq > *key->validThrough)
        return Error{"key_revoked", "the key of site " + c.site + " was revoked after seq " +
                                        std::to_string(*key->validThrough)};
    if (!signatureChecked)
        return Error{"bad_signature", "change " + dot +
                                          " does not match its device's signature: it was "
                                          "altered or made elsewhere"};
    return std::nullopt;
}

std::optional<bool> Replica::Impl::sameAsStored(std::int64_t site, const Change& c) {
    auto sel = db.cached("SELECT body FROM changes WHERE site_idx=? AND seq=?");
    sel->bind(1, site).bind(2, c.seq);
    if (!sel->step()) return std::nullopt;
    auto stored = changeFromJson(Json::parse(sel->textView(0), nullptr, false));
    sel->reset();
    // A copy with personal values withheld (personal.h) is the same change.
    return stored && toJsonText(withheldForm(*stored), false) == toJsonText(withheldForm(c), false);
}

Status Replica::Impl::signOwnChanges() {
    for (const char* table : {"changes", "refused"}) {
        const bool log = std::string_view(table) == "changes";
        Stmt sel = db.prepare(log ? "SELECT rowid, body FROM changes WHERE site_idx=?"
                                  : "SELECT rowid, body FROM refused WHERE site=?");
        if (log)
            sel.bind(1, ownIdx);
        else
            sel.bind(1, r.m_site);
        std::vector<std::pair<std::int64_t, std::string>> signedBodies;
        while (sel.step()) {
            auto c = changeFromJson(Json::parse(sel.textView(1), nullptr, false));
            if (!c) return c.error();
            c->sig = signatureOf(*c, r.m_secretKey);
            signedBodies.emplace_back(sel.int64(0), toJsonText(*c));
        }
        if (sel.error()) return *sel.error();
        Stmt up = db.prepare(std::string("UPDATE ") + table + " SET body=? WHERE rowid=?");
        for (const auto& [rowid, body] : signedBodies) {
            if (Status s = up.bind(1, body).bind(2, rowid).run(); !s) return s;
            up.reset();
        }
    }
    return {};
}

Error Replica::Impl::conflictOrForgery(const Change& c) {
    const std::optional<SiteKey>& key = keyOf(c.site);
    const bool signedBySite = key && !key->publicKey.empty() && !c.sig.empty() &&
                              signatureValid(c, key->publicKey);
    if (auto err = originRefusal(c, signedBySite)) return *err;
    return {"dot_conflict", "a different change " + c.site + ":" + std::to_string(c.seq) +
                                " is already stored: one dot never names two changes"};
}

bool Replica::Impl::changeKnown(std::int64_t site, std::uint64_t seq) {
    auto sel = db.cached("SELECT 1 FROM changes WHERE site_idx=? AND seq=?");
    sel->bind(1, site).bind(2, seq);
    return sel->step();
}

bool Replica::Impl::arrivedBefore(std::int64_t site, std::uint64_t seq, std::int64_t lseq) {
    auto sel = db.cached("SELECT 1 FROM changes WHERE site_idx=? AND seq=? AND lseq<?");
    sel->bind(1, site).bind(2, seq).bind(3, lseq);
    return sel->step();
}

}  // namespace nghedan
