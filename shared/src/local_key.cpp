#include "nghedan/local_key.h"

#include <sodium.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace nghedan {
namespace {

constexpr const char* kFormat = "nghedan-local-key";
constexpr int kVersion = 1;
constexpr std::size_t kKeyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;  // 32
constexpr std::size_t kSaltBytes = crypto_pwhash_SALTBYTES;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;

/** Memory for a secret: locked (not swapped), wiped when freed. */
class Secret {
public:
    explicit Secret(std::size_t size)
        : m_p(static_cast<unsigned char*>(sodium_malloc(size))), m_size(size) {}
    ~Secret() { sodium_free(m_p); }
    Secret(const Secret&) = delete;
    Secret& operator=(const Secret&) = delete;
    bool ok() const { return m_p != nullptr; }
    unsigned char* data() { return m_p; }
    std::size_t size() const { return m_size; }

private:
    unsigned char* m_p;
    std::size_t m_size;
};

std::string toBase64(const unsigned char* p, std::size_t n) {
    std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), p, n, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

bool fromBase64(const std::string& text, unsigned char* out, std::size_t n) {
    std::size_t got = 0;
    return sodium_base642bin(out, n, text.data(), text.size(), nullptr, &got, nullptr,
                             sodium_base64_VARIANT_ORIGINAL) == 0 &&
           got == n;
}

// The wrapped key is bound to the file's format and cost: editing them fails the unwrap.
std::string associatedData(unsigned long long ops, std::size_t mem) {
    return std::string(kFormat) + "/" + std::to_string(kVersion) + "/argon2id13/" +
           std::to_string(ops) + "/" + std::to_string(mem);
}

bool deriveWrappingKey(Secret& out, const std::string& pin, const unsigned char* salt,
                       unsigned long long ops, std::size_t mem) {
    return crypto_pwhash(out.data(), out.size(), pin.data(), pin.size(), salt, ops, mem,
                         crypto_pwhash_ALG_ARGON2ID13) == 0;
}

Status writeAtomically(const std::string& path, const std::string& text) {
    const std::string temp = path + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return Error{"storage", "cannot write " + temp + ": " + std::strerror(errno)};
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ::close(fd);
            ::unlink(temp.c_str());
            return Error{"storage", "cannot write " + temp + ": " + std::strerror(errno)};
        }
        done += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced || std::rename(temp.c_str(), path.c_str()) != 0) {
        ::unlink(temp.c_str());
        return Error{"storage", "cannot replace " + path + ": " + std::strerror(errno)};
    }
    const auto slash = path.find_last_of('/');
    const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash ? slash : 1);
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        (void)::fsync(dfd);  // the rename itself durable
        ::close(dfd);
    }
    return {};
}

/** Wraps `dataKey` under `pin` (fresh salt and nonce) and stores it at `path`. */
Status storeWrapped(const std::string& path, const unsigned char* dataKey, const std::string& pin) {
    unsigned char salt[kSaltBytes];
    unsigned char nonce[kNonceBytes];
    randombytes_buf(salt, sizeof salt);
    randombytes_buf(nonce, sizeof nonce);
    Secret wrapping(kKeyBytes);
    if (!wrapping.ok()) return Error{"storage", "no memory for the key"};
    if (!deriveWrappingKey(wrapping, pin, salt, kPinOpsLimit, kPinMemLimit))
        return Error{"storage", "Argon2id failed (out of memory?)"};
    unsigned char wrapped[kKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES];
    const std::string ad = associatedData(kPinOpsLimit, kPinMemLimit);
    crypto_aead_xchacha20poly1305_ietf_encrypt(wrapped, nullptr, dataKey, kKeyBytes,
                                               reinterpret_cast<const unsigned char*>(ad.data()),
                                               ad.size(), nullptr, nonce, wrapping.data());
    const nlohmann::json file = {{"format", kFormat},
                                 {"version", kVersion},
                                 {"kdf", "argon2id13"},
                                 {"opslimit", kPinOpsLimit},
                                 {"memlimit", kPinMemLimit},
                                 {"salt", toBase64(salt, sizeof salt)},
                                 {"nonce", toBase64(nonce, sizeof nonce)},
                                 {"wrapped_key", toBase64(wrapped, sizeof wrapped)}};
    return writeAtomically(path, file.dump(2) + "\n");
}

Status unwrap(const std::string& path, const std::string& pin, Secret& dataKey) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"no_key", "no key file at " + path};
    std::stringstream text;
    text << in.rdbuf();
    const nlohmann::json file = nlohmann::json::parse(text.str(), nullptr, false);
    const Error bad{"bad_key_file", path + " is not a key file of this app"};
    if (file.is_discarded() || !file.is_object() || file.value("format", "") != kFormat ||
        file.value("version", 0) != kVersion || file.value("kdf", "") != "argon2id13" ||
        !file.contains("opslimit") || !file["opslimit"].is_number_unsigned() ||
        !file.contains("memlimit") || !file["memlimit"].is_number_unsigned())
        return bad;
    const auto ops = file["opslimit"].get<unsigned long long>();
    const auto mem = file["memlimit"].get<std::size_t>();
    if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > 64 || mem < crypto_pwhash_MEMLIMIT_MIN ||
        mem > (std::size_t{1} << 31))
        return bad;
    unsigned char salt[kSaltBytes];
    unsigned char nonce[kNonceBytes];
    unsigned char wrapped[kKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES];
    if (!fromBase64(file.value("salt", ""), salt, sizeof salt) ||
        !fromBase64(file.value("nonce", ""), nonce, sizeof nonce) ||
        !fromBase64(file.value("wrapped_key", ""), wrapped, sizeof wrapped))
        return bad;
    Secret wrapping(kKeyBytes);
    if (!wrapping.ok()) return Error{"storage", "no memory for the key"};
    if (!deriveWrappingKey(wrapping, pin, salt, ops, mem))
        return Error{"storage", "Argon2id failed (out of memory?)"};
    const std::string ad = associatedData(ops, mem);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            dataKey.data(), nullptr, nullptr, wrapped, sizeof wrapped,
            reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nonce,
            wrapping.data()) != 0)
        return Error{"wrong_pin", "the PIN does not open the key file"};
    return {};
}

Error weakPin() {
    return {"weak_pin", "a PIN has 6 to 12 digits"};
}

}  // namespace

std::string keyFilePath(const std::string& replicaPath) {
    return replicaPath + ".key";
}

std::string blobDirPath(const std::string& replicaPath) {
    return replicaPath + ".blobs";
}

bool pinAcceptable(const std::string& pin) {
    if (pin.size() < 6 || pin.size() > 12) return false;
    for (char c : pin)
        if (c < '0' || c > '9') return false;
    return true;
}

Result<std::string> createKeyFile(const std::string& path, const std::string& pin) {
    if (!pinAcceptable(pin)) return weakPin();
    if (sodium_init() < 0) return Error{"storage", "libsodium failed to initialise"};
    Secret dataKey(kKeyBytes);
    if (!dataKey.ok()) return Error{"storage", "no memory for the key"};
    randombytes_buf(dataKey.data(), kKeyBytes);
    if (Status s = storeWrapped(path, dataKey.data(), pin); !s) return s.error();
    return std::string(reinterpret_cast<const char*>(dataKey.data()), kKeyBytes);
}

Result<std::string> unlockKeyFile(const std::string& path, const std::string& pin) {
    if (sodium_init() < 0) return Error{"storage", "libsodium failed to initialise"};
    Secret dataKey(kKeyBytes);
    if (!dataKey.ok()) return Error{"storage", "no memory for the key"};
    if (Status s = unwrap(path, pin, dataKey); !s) return s.error();
    return std::string(reinterpret_cast<const char*>(dataKey.data()), kKeyBytes);
}

Status changePin(const std::string& path, const std::string& oldPin, const std::string& newPin) {
    if (sodium_init() < 0) return Error{"storage", "libsodium failed to initialise"};
    Secret dataKey(kKeyBytes);
    if (!dataKey.ok()) return Error{"storage", "no memory for the key"};
    if (Status s = unwrap(path, oldPin, dataKey); !s) return s;
    if (!pinAcceptable(newPin)) return weakPin();
    return storeWrapped(path, dataKey.data(), newPin);
}

bool keyFileExists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

Status wipeLocalFiles(const std::string& replicaPath) {
    Status result;
    for (const std::string& p :
         {replicaPath, replicaPath + "-wal", replicaPath + "-shm", replicaPath + "-journal",
          keyFilePath(replicaPath), keyFilePath(replicaPath) + ".tmp"}) {
        if (::unlink(p.c_str()) != 0 && errno != ENOENT && result)
            result = Error{"storage", "cannot remove " + p + ": " + std::strerror(errno)};
    }
    std::error_code ec;
    std::filesystem::remove_all(blobDirPath(replicaPath), ec);
    if (ec && result)
        result = Error{"storage", "cannot remove " + blobDirPath(replicaPath) + ": " + ec.message()};
    return result;
}

}  // namespace nghedan
