#include "users.h"

#include <algorithm>
#include <array>

#include <sodium.h>

#include "nghedan/clock.h"

namespace nghedan::server {
namespace {

std::string hex(const unsigned char* data, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

bool initSodium() {
    static const bool ok = sodium_init() >= 0;
    return ok;
}

}  // namespace

bool isValidRole(const std::string& role) {
    return role == "official" || role == "supervisor" || role == "admin";
}

Result<std::string> hashPassword(const std::string& password) {
    if (!initSodium()) return Error{"crypto", "libsodium failed to initialise"};
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(out.data(), password.data(), password.size(),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error{"crypto", "out of memory while hashing the password"};
    return std::string(out.data());
}

bool verifyPassword(const std::string& hash, const std::string& password) {
    if (!initSodium() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    std::array<char, crypto_pwhash_STRBYTES> stored{};
    std::copy(hash.begin(), hash.end(), stored.begin());
    return crypto_pwhash_str_verify(stored.data(), password.data(), password.size()) == 0;
}

std::string newSessionToken() {
    initSodium();
    std::array<unsigned char, 32> raw{};
    randombytes_buf(raw.data(), raw.size());
    std::string out(sodium_base64_ENCODED_LEN(raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                    '\0');
    sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

std::string tokenHash(const std::string& token) {
    initSodium();
    std::array<unsigned char, 32> digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                       0);
    return hex(digest.data(), digest.size());
}

std::string csrfTokenFor(const std::string& sessionToken) {
    initSodium();
    static constexpr unsigned char kKey[] = "nghedan csrf token derivation v1";
    std::array<unsigned char, 24> digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(sessionToken.data()),
                       sessionToken.size(), kKey, sizeof kKey - 1);
    return hex(digest.data(), digest.size());
}

std::string randomHexId(std::size_t bytes) {
    initSodium();
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    return hex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

}  // namespace nghedan::server
