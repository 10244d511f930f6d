#pragma once
// Raw protocol calls for benchmarks that simulate tablets without a replica (many-tablets)
// or seed a server quickly (first-sync): login, push of constructed changes, pull.

#include <random>
#include <string>
#include <vector>

#include <httplib.h>

#include "nghedan/change.h"
#include "nghedan/client_version.h"
#include "nghedan/proof.h"
#include "sync_bench_util.h"

namespace nghedan::bench {

/** A JSON reply or an error text. */
struct Reply {
    int status = 0;
    Json body;
    std::string error;
    bool ok() const { return status == 200 && error.empty(); }
};

inline Reply postJson(httplib::Client& http, const std::string& path, const Json& body,
                      const std::string& token = {}) {
    httplib::Headers headers{{"Accept-Encoding", "gzip"},
                             {kClientVersionHeader, std::to_string(kClientVersion)}};
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    const std::string text = body.dump();
    std::string payload = text;
    if (text.size() > 512) {
        payload = gzip(text);
        headers.emplace("Content-Encoding", "gzip");
    }
    Reply r;
    auto res = http.Post(path, headers, payload, "application/json");
    if (!res) {
        r.error = httplib::to_string(res.error());
        return r;
    }
    r.status = res->status;
    r.body = Json::parse(res->body, nullptr, false);
    if (r.body.is_discarded())
        r.error = "unparsable reply";
    else if (r.status != 200)
        r.error = r.body.dump();
    return r;
}

/** Logs in with `device` as the device id, registering its key; the token or empty. */
inline std::string login(httplib::Client& http, const std::string& user,
                         const std::string& password, const std::string& device,
                         const KeyPair& key, std::string* error = nullptr) {
    auto r = postJson(http, "/api/v1/auth/login",
                      {{"username", user},
                       {"password", password},
                       {"device", device},
                       {"publicKey", key.publicKey},
                       {"keyProof", signMessage(keyProofMessage(device, user, key.publicKey),
                                                key.secretKey)}});
    if (!r.ok()) {
        if (error) *error = r.error;
        return {};
    }
    return r.body.value("token", "");
}

/** A new petition as a change of `site` (seq given), stamped with the current time and signed
 *  with the site's secret key. */
inline Change petitionCreate(const std::string& site, std::uint64_t seq, const std::string& unit,
                             const std::string& author, std::mt19937_64& rng, std::int64_t n,
                             const std::string& secretKey) {
    static const std::vector<std::string> categories = {
        "security_order", "social_welfare",   "environment_sanitation", "urban_transport",
        "civil_records",  "health_insurance", "land_construction",      "other"};
    static const std::vector<std::string> words = {
        "người dân", "phản ánh",  "đường hẻm", "ngập nước",     "chiếu sáng",
        "rác thải",  "khu phố",   "căn cước",  "bảo hiểm y tế", "xe khách",
        "dừng đỗ",   "tiếng ồn",  "trật tự",   "vỉa hè",        "giải quyết",
        "đề nghị",   "kiến nghị", "cán bộ",    "phường",        "hộ nghèo"};
    std::string description;
    while (description.size() < 220) description += words[rng() % words.size()] + " ";
    Change c;
    c.site = site;
    c.seq = seq;
    c.hlc = hlcPack(systemMillis(), static_cast<std::uint32_t>(seq & 0xffff));
    c.entity = "petition";
    c.id = newRecordId();
    c.unit = unit;
    c.author = author;
    c.set = {{"title", "Kiến nghị số " + std::to_string(n) + ": " + words[rng() % words.size()]},
             {"description", description},
             {"received_at", systemMillis() - static_cast<std::int64_t>(rng() % 10'000'000'000ULL)},
             {"category", categories[rng() % categories.size()]},
             {"status", "received"},
             {"petitioner_name", "Nguyễn Văn " + std::to_string(n % 997)},
             {"channel", "meeting"}};
    c.sig = signatureOf(c, secretKey);
    return c;
}

/** A status step on a petition of `site`, superseding the status value `base` holds. */
inline Change statusStep(const std::string& site, std::uint64_t seq, const std::string& id,
                         const std::string& unit, const std::string& author,
                         const std::string& status, const Dot& base, const std::string& secretKey) {
    Change c;
    c.site = site;
    c.seq = seq;
    c.hlc = hlcPack(systemMillis(), static_cast<std::uint32_t>(seq & 0xffff));
    c.entity = "petition";
    c.id = id;
    c.unit = unit;
    c.author = author;
    c.set = {{"status", status}};
    c.bases = {{"status", {base}}};
    c.sig = signatureOf(c, secretKey);
    return c;
}

inline Json pushBody(const std::vector<Change>& changes) {
    Json list = Json::array();
    for (const Change& c : changes) list.push_back(toJson(c));
    return Json{{"changes", std::move(list)}};
}

}  // namespace nghedan::bench
