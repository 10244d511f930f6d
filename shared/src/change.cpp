#include "nghedan/change.h"
#include "nghedan/personal.h"

#include <algorithm>
#include <array>
#include <optional>
#include <random>

namespace nghedan {
namespace {

std::string randomHex(std::size_t bytes) {
    static thread_local std::mt19937_64 rng = [] {
        std::random_device rd;
        std::seed_seq seq{rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
        return std::mt19937_64(seq);
    }();
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes * 2);
    for (std::size_t i = 0; i < bytes; ++i) {
        const auto b = static_cast<unsigned>(rng() & 0xff);
        out.push_back(kHex[b >> 4]);
        out.push_back(kHex[b & 15]);
    }
    return out;
}

Error shapeError(const std::string& message) { return {"malformed_change", message}; }

}  // namespace

int changeFormatVersion(const Change& c) {
    if (!c.salts.empty()) return 2;
    for (const auto& [field, value] : c.set)
        if (isWithheld(value)) return 2;
    return 1;
}

bool isValidSiteId(const std::string& site) {
    if (site.size() != 32) return false;
    for (const char c : site) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

std::string newSiteId() { return randomHex(16); }
std::string newRecordId() { return randomHex(16); }

bool isProofRefusal(const std::string& code) {
    return code == "bad_signature" || code == "unsigned_change" || code == "key_revoked" ||
           code == "unknown_site_key" || code == "dot_conflict";
}

bool isRetryableRefusal(const std::string& code) {
    return code == "seq_gap" || code == "clock_ahead" || code == "not_relayed" ||
           code == "unknown_site_key";
}

namespace {
void appendString(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    for (const char ch : s) {
        const auto u = static_cast<unsigned char>(ch);
        switch (ch) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (u < 0x20) {
                out += "\\u00";
                out.push_back(kHex[u >> 4]);
                out.push_back(kHex[u & 15]);
            } else {
                out.push_back(ch);
            }
        }
    }
    out.push_back('"');
}

void appendValue(std::string& out, const Json& value) {
    if (value.is_string()) {
        appendString(out, value.get_ref<const std::string&>());
    } else if (value.is_number_integer()) {
        out += value.is_number_unsigned() ? std::to_string(value.get<std::uint64_t>())
                                          : std::to_string(value.get<std::int64_t>());
    } else {
        out += value.dump();
    }
}
}  // namespace

std::string canonicalValueText(const Json& value) {
    std::string out;
    appendValue(out, value);
    return out;
}

std::string toJsonText(const Change& c, bool withSignature) {
    // Keys in the order nlohmann::json sorts them, so the text equals toJson(c).dump().
    std::string out;
    out.reserve(256);
    out += "{\"author\":";
    appendString(out, c.author);
    out += ",\"bases\":{";
    bool firstField = true;
    for (const auto& [field, dots] : c.bases) {
        if (!firstField) out.push_back(',');
        firstField = false;
        appendString(out, field);
        out += ":[";
        for (std::size_t i = 0; i < dots.size(); ++i) {
            if (i) out.push_back(',');
            out.push_back('[');
            appendString(out, dots[i].site);
            out.push_back(',');
            out += std::to_string(dots[i].seq);
            out.push_back(']');
        }
        out.push_back(']');
    }
    out += "},\"entity\":";
    appendString(out, c.entity);
    out += ",\"hlc\":" + std::to_string(c.hlc) + ",\"id\":";
    appendString(out, c.id);
    if (!c.salts.empty()) {
        out += ",\"salts\":{";
        firstField = true;
        for (const auto& [field, salt] : c.salts) {
            if (!firstField) out.push_back(',');
            firstField = false;
            appendString(out, field);
            out.push_back(':');
            appendString(out, salt);
        }
        out += "}";
    }
    out += ",\"seq\":" + std::to_string(c.seq) + ",\"set\":{";
    firstField = true;
    for (const auto& [field, value] : c.set) {
        if (!firstField) out.push_back(',');
        firstField = false;
        appendString(out, field);
        out.push_back(':');
        appendValue(out, value);
    }
    out += "}";
    if (withSignature && !c.sig.empty()) {
        out += ",\"sig\":";
        appendString(out, c.sig);
    }
    out += ",\"site\":";
    appendString(out, c.site);
    out += ",\"unit\":";
    appendString(out, c.unit);
    out += ",\"v\":" + std::to_string(changeFormatVersion(c)) + "}";
    return out;
}

Json toJson(const Change& c) {
    Json bases = Json::object();
    for (const auto& [field, dots] : c.bases) {
        Json list = Json::array();
        for (const Dot& d : dots) list.push_back(Json::array({d.site, d.seq}));
        bases[field] = std::move(list);
    }
    Json set = Json::object();
    for (const auto& [field, value] : c.set) set[field] = value;
    Json out{{"v", changeFormatVersion(c)}, {"site", c.site},     {"seq", c.seq},
             {"hlc", c.hlc},              {"entity", c.entity}, {"id", c.id},
             {"unit", c.unit},            {"author", c.author}, {"set", std::move(set)},
             {"bases", std::move(bases)}};
    if (!c.sig.empty()) out["sig"] = c.sig;
    if (!c.salts.empty()) out["salts"] = c.salts;
    return out;
}

Result<Change> changeFromJson(const Json& j) {
    if (!j.is_object()) return shapeError("a change must be a JSON object");
    const auto v = j.find("v");
    if (v == j.end() || !v->is_number_integer())
        return shapeError("field 'v' (format version) must be an integer");
    if (v->get<long long>() < 1 || v->get<long long>() > kChangeFormatVersion)
        return Error{"unsupported_version", "change format version " + v->dump() +
                                                " is not supported; please update the app"};
    Change c;
    auto str = [&](const char* key, std::string& out, bool allowEmpty) -> std::optional<Error> {
        const auto it = j.find(key);
        if (it == j.end() || !it->is_string())
            return shapeError(std::string("field '") + key + "' must be a string");
        out = it->get<std::string>();
        if (!allowEmpty && out.empty())
            return shapeError(std::string("field '") + key + "' must not be empty");
        if (out.size() > 200) return shapeError(std::string("field '") + key + "' is too long");
        return std::nullopt;
    };
    auto uint = [&](const char* key, std::uint64_t& out) -> std::optional<Error> {
        const auto it = j.find(key);
        if (it == j.end() || !it->is_number_unsigned())
            return shapeError(std::string("field '") + key + "' must be a non-negative integer");
        out = it->get<std::uint64_t>();
        return std::nullopt;
    };
    for (auto err : {str("site", c.site, false), str("entity", c.entity, false),
                     str("id", c.id, false), str("unit", c.unit, false),
                     str("author", c.author, false), uint("seq", c.seq), uint("hlc", c.hlc)}) {
        if (err) return *err;
    }
    if (!isValidSiteId(c.site)) return shapeError("field 'site' must be 32 lowercase hex digits");
    if (c.seq == 0) return shapeError("field 'seq' must be at least 1");
    const auto set = j.find("set");
    if (set == j.end() || !set->is_object()) return shapeError("field 'set' must be an object");
    if (set->empty()) return shapeError("field 'set' must name at least one field");
    for (auto it = set->begin(); it != set->end(); ++it) c.set.emplace(it.key(), it.value());
    const auto bases = j.find("bases");
    if (bases != j.end()) {
        if (!bases->is_object()) return shapeError("field 'bases' must be an object");
        for (auto it = bases->begin(); it != bases->end(); ++it) {
            if (!it.value().is_array())
                return shapeError("bases of '" + it.key() + "' must be an array of [site, seq]");
            std::vector<Dot> dots;
            for (const Json& d : it.value()) {
                if (!d.is_array() || d.size() != 2 || !d[0].is_string() ||
                    !d[1].is_number_unsigned() || !isValidSiteId(d[0].get<std::string>()))
                    return shapeError("bases of '" + it.key() + "' must be [site, seq] pairs");
                dots.push_back({d[0].get<std::string>(), d[1].get<std::uint64_t>()});
            }
            c.bases.emplace(it.key(), std::move(dots));
        }
    }
    if (const auto sig = j.find("sig"); sig != j.end()) {
        // 64 bytes in base64url without padding; whether it proves anything is the replica's
        // question (it knows the keys).
        if (!sig->is_string() || sig->get_ref<const std::string&>().size() != 86)
            return shapeError("field 'sig' must be a signature (86 base64url characters)");
        c.sig = sig->get<std::string>();
    }
    if (const auto salts = j.find("salts"); salts != j.end()) {
        if (!salts->is_object()) return shapeError("field 'salts' must be an object");
        for (auto it = salts->begin(); it != salts->end(); ++it) {
            if (!c.set.count(it.key()))
                return shapeError("salt of '" + it.key() + "' that is not set");
            if (!it.value().is_string() || !isValidSalt(it.value().get_ref<const std::string&>()))
                return shapeError("salt of '" + it.key() + "' must be 16 bytes in base64url");
            if (isWithheld(c.set.at(it.key())))
                return shapeError("a withheld value of '" + it.key() + "' has no salt");
            c.salts.emplace(it.key(), it.value().get<std::string>());
        }
    }
    for (const auto& [field, value] : c.set)
        if (isWithheld(value) && !isValidWithheld(value))
            return shapeError("withheld value of '" + field + "' must be {\"$h\": <32 bytes base64url>}");
    if (v->get<long long>() != changeFormatVersion(c))
        return shapeError("field 'v' must be 2 exactly when the change has salts or withheld values");
    for (auto it = j.begin(); it != j.end(); ++it) {
        static const std::array<std::string, 12> kKnown = {
            "v", "site", "seq", "hlc", "entity", "id", "unit", "author", "set", "bases", "sig", "salts"};
        if (std::find(kKnown.begin(), kKnown.end(), it.key()) == kKnown.end())
            return shapeError("unknown member '" + it.key() + "' in change");
    }
    return c;
}

}  // namespace nghedan
