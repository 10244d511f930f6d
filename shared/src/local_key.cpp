// Temporary key file (HB2's branch): salt | nonce | secretbox(data key) under a key derived
// from the PIN with Argon2id. Replaced whole by the real implementation.
#include "nghedan/local_key.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace nghedan {
namespace {

constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kFileBytes =
    crypto_pwhash_SALTBYTES + crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + kKeyBytes;

bool pinAcceptable(const std::string& pin) {
    return pin.size() >= 6 && pin.size() <= 12 &&
           std::all_of(pin.begin(), pin.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool deriveKey(const std::string& pin, const unsigned char* salt, unsigned char* out) {
    return crypto_pwhash(out, crypto_secretbox_KEYBYTES, pin.data(), pin.size(), salt,
                         crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                         crypto_pwhash_ALG_ARGON2ID13) == 0;
}

Status writeWrapped(const std::string& path, const std::string& pin, const std::string& dataKey) {
    std::string file(kFileBytes, '\0');
    auto* bytes = reinterpret_cast<unsigned char*>(file.data());
    unsigned char* salt = bytes;
    unsigned char* nonce = salt + crypto_pwhash_SALTBYTES;
    unsigned char* box = nonce + crypto_secretbox_NONCEBYTES;
    randombytes_buf(salt, crypto_pwhash_SALTBYTES);
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    unsigned char wrap[crypto_secretbox_KEYBYTES];
    if (!deriveKey(pin, salt, wrap)) return Error{"internal", "out of memory deriving the PIN key"};
    crypto_secretbox_easy(box, reinterpret_cast<const unsigned char*>(dataKey.data()), kKeyBytes,
                          nonce, wrap);
    sodium_memzero(wrap, sizeof wrap);
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(file.data(), static_cast<std::streamsize>(file.size()));
        out.flush();
        if (!out) return Error{"io", "cannot write the key file " + path};
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) return Error{"io", "cannot write the key file " + path + ": " + ec.message()};
    return {};
}

}  // namespace

Result<std::string> createKeyFile(const std::string& path, const std::string& pin) {
    if (sodium_init() < 0) return Error{"internal", "libsodium unavailable"};
    if (!pinAcceptable(pin)) return Error{"weak_pin", "Mã PIN phải gồm 6 đến 12 chữ số."};
    std::string key(kKeyBytes, '\0');
    randombytes_buf(key.data(), key.size());
    if (Status s = writeWrapped(path, pin, key); !s) return s.error();
    return key;
}

Result<std::string> unlockKeyFile(const std::string& path, const std::string& pin) {
    if (sodium_init() < 0) return Error{"internal", "libsodium unavailable"};
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"no_key", "no key file at " + path};
    std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (file.size() != kFileBytes) return Error{"no_key", "the key file is damaged"};
    const auto* bytes = reinterpret_cast<const unsigned char*>(file.data());
    const unsigned char* salt = bytes;
    const unsigned char* nonce = salt + crypto_pwhash_SALTBYTES;
    const unsigned char* box = nonce + crypto_secretbox_NONCEBYTES;
    unsigned char wrap[crypto_secretbox_KEYBYTES];
    if (!deriveKey(pin, salt, wrap)) return Error{"internal", "out of memory deriving the PIN key"};
    std::string key(kKeyBytes, '\0');
    const int rc = crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(key.data()), box,
                                              crypto_secretbox_MACBYTES + kKeyBytes, nonce, wrap);
    sodium_memzero(wrap, sizeof wrap);
    if (rc != 0) return Error{"wrong_pin", "Mã PIN không đúng."};
    return key;
}

Status changePin(const std::string& path, const std::string& oldPin, const std::string& newPin) {
    auto key = unlockKeyFile(path, oldPin);
    if (!key) return key.error();
    if (!pinAcceptable(newPin)) return Error{"weak_pin", "Mã PIN phải gồm 6 đến 12 chữ số."};
    return writeWrapped(path, newPin, *key);
}

bool keyFileExists(const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
}

Status wipeLocalFiles(const std::string& replicaPath) {
    std::string failed;
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".key"}) {
        std::error_code ec;
        std::filesystem::remove(replicaPath + suffix, ec);
        if (ec) failed += " " + replicaPath + suffix;
    }
    if (!failed.empty()) return Error{"io", "could not remove:" + failed};
    return {};
}

}  // namespace nghedan
