#pragma once
// The change: one author's write to one record at one moment, and its JSON form.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "nghedan/clock.h"
#include "nghedan/status.h"

namespace nghedan {

using Json = nlohmann::json;

/** Newest version of the change JSON form; a reader refuses newer versions with
 *  "unsupported_version". 1: plain; 2: personal values salted (personal.h), written only by a
 *  change that sets a personal field, so other changes stay readable by older apps. */
constexpr int kChangeFormatVersion = 2;

/** Identifies a change (and each field value it wrote) forever: (site, seq). */
struct Dot {
    std::string site;  ///< 32 lowercase hex characters (128-bit random id of a replica)
    std::uint64_t seq = 0;
    auto operator<=>(const Dot&) const = default;
};

/** One write. `set` holds field values (JSON typed as the schema says); `bases[field]` lists
 *  the dots of the values of that field the author saw and replaced (empty for a new record). */
struct Change {
    std::string site;
    std::uint64_t seq = 0;
    HlcTime hlc = 0;
    std::string entity;
    std::string id;
    std::string unit;
    std::string author;
    std::map<std::string, Json> set;
    std::map<std::string, std::vector<Dot>> bases;
    /** For each personal field set with its value in full: the random salt (16 bytes,
     *  base64url) its proof hashes it with (personal.h). A withheld value has none. */
    std::map<std::string, std::string> salts;
    /** Proof of origin (proof.h): the site's device's signature of everything above; empty
     *  only in changes stored before devices had keys. */
    std::string sig;

    Dot dot() const { return {site, seq}; }
};

/** {"v":1,"site":..,"seq":..,"hlc":..,"entity":..,"id":..,"unit":..,"author":..,
 *   "set":{field:value},"bases":{field:[[site,seq],...]},"sig":..}; "sig" only when signed;
 *  "v":2 and "salts":{field:salt} when it has salts or withheld values (personal.h). */
Json toJson(const Change& change);
/** The same text as toJson(change).dump(), built without the intermediate JSON tree: the form
 *  stored in the replica and sent on the wire. Without the signature it is what the
 *  signature covers, and what two changes with one dot must agree on. */
std::string toJsonText(const Change& change, bool withSignature = true);
/** A value's text as toJsonText writes it (what a personal value's salted hash covers). */
std::string canonicalValueText(const Json& value);
/** 2 when the change has salts or withheld values (personal.h), else 1: the "v" it is written
 *  with, which a withholding never changes. */
int changeFormatVersion(const Change& change);
/** Parses and checks the shape (types, version, site format); not the schema. */
Result<Change> changeFromJson(const Json& json);

/** A refusal that is not the change's last word ("seq_gap": resend from the server's highest
 *  seq; "clock_ahead": re-stamp and resend; "not_relayed": another device relayed it and may
 *  not, its author's device sends it; "unknown_site_key": no key of its device is known yet,
 *  its device registers one when it signs in). Other refusals are final for that change. A change
 *  relayed for another site is never refused for good, whatever the code: only its own
 *  device's sending settles its dot (ApplyOptions::sender). */
bool isRetryableRefusal(const std::string& code);
/** A refusal saying the change does not prove its device wrote it, or that its dot already
 *  names another change (proof.h): someone altered or forged it. */
bool isProofRefusal(const std::string& code);

bool isValidSiteId(const std::string& site);
/** A new random 128-bit site id as 32 hex characters. */
std::string newSiteId();
/** A new random record id (UUID-like, 32 hex characters). */
std::string newRecordId();

}  // namespace nghedan
