#include "nghedan/personal.h"

#include <array>

#include <sodium.h>

namespace nghedan {
namespace {

constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
constexpr std::size_t kSaltBytes = 16;

bool ready() {
    static const bool ok = sodium_init() >= 0;
    return ok;
}

std::string encode(const unsigned char* data, std::size_t size) {
    std::string out(sodium_base64_ENCODED_LEN(size, kVariant), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, kVariant);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

bool isBase64Of(std::string_view text, std::size_t bytes) {
    if (!ready() || text.size() != sodium_base64_ENCODED_LEN(bytes, kVariant) - 1) return false;
    std::array<unsigned char, 64> out{};
    std::size_t size = 0;
    return sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &size,
                             nullptr, kVariant) == 0 &&
           size == bytes;
}

}  // namespace

bool isWithheld(const Json& value) {
    return value.is_object() && value.size() == 1 && value.contains("$h");
}

bool isValidWithheld(const Json& value) {
    if (!isWithheld(value)) return false;
    const Json& h = value["$h"];
    return h.is_string() && isBase64Of(h.get_ref<const std::string&>(), crypto_hash_sha256_BYTES);
}

std::string newSalt() {
    ready();
    std::array<unsigned char, kSaltBytes> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return encode(bytes.data(), bytes.size());
}

bool isValidSalt(std::string_view salt) {
    return isBase64Of(salt, kSaltBytes);
}

Json withheldMarker(const std::string& salt, const Json& value) {
    ready();
    std::array<unsigned char, kSaltBytes> saltBytes{};
    std::size_t size = 0;
    sodium_base642bin(saltBytes.data(), saltBytes.size(), salt.data(), salt.size(), nullptr, &size,
                      nullptr, kVariant);
    const std::string text = canonicalValueText(value);
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    crypto_hash_sha256_update(&state, saltBytes.data(), size);
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()),
                              text.size());
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&state, digest.data());
    return Json{{"$h", encode(digest.data(), digest.size())}};
}

void saltPersonalValues(Change& change, const std::vector<EntityDef>& schema) {
    const EntityDef* e = findEntity(schema, change.entity);
    if (!e) return;
    for (const auto& [name, value] : change.set)
        if (const FieldDef* f = e->field(name);
            f && f->personal && !isWithheld(value) && !change.salts.count(name))
            change.salts[name] = newSalt();
}

bool withhold(Change& change, const WithholdRule& hide) {
    bool changed = false;
    for (auto it = change.salts.begin(); it != change.salts.end();) {
        auto value = change.set.find(it->first);
        if (value == change.set.end() || !hide(change.entity, it->first)) {
            ++it;
            continue;
        }
        value->second = withheldMarker(it->second, value->second);
        it = change.salts.erase(it);
        changed = true;
    }
    return changed;
}

bool erase(Change& change, const std::set<std::string>& fields) {
    bool changed = withhold(
        change, [&](const std::string&, const std::string& f) { return fields.count(f) > 0; });
    static const Json kNothing = [] {
        std::array<unsigned char, crypto_hash_sha256_BYTES> zero{};
        return Json{{"$h", encode(zero.data(), zero.size())}};
    }();
    for (const std::string& field : fields) {
        auto it = change.set.find(field);
        if (it == change.set.end() || isWithheld(it->second)) continue;
        it->second = kNothing;
        changed = true;
    }
    return changed;
}

Change withheldForm(const Change& change) {
    Change out = change;
    withhold(out, [](const std::string&, const std::string&) { return true; });
    return out;
}

bool hasSalts(std::string_view text) {
    return text.find("\"salts\":{") != std::string_view::npos;
}

std::string withholdChangeText(const std::string& text, const WithholdRule& hide) {
    if (!hasSalts(text)) return text;
    auto change = changeFromJson(Json::parse(text, nullptr, false));
    if (!change || !withhold(*change, hide)) return text;
    return toJsonText(*change);
}

}  // namespace nghedan
