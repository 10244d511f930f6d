#include "nghedan/proof.h"

#include <array>

#include <sodium.h>

#include "nghedan/personal.h"

namespace nghedan {
namespace {

constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
constexpr std::string_view kDomain = "nghedan change v1\n";
/** Format 2 (personal.h): the signature covers personal values as their salted hashes. */
constexpr std::string_view kDomainSalted = "nghedan change v2\n";

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

/** Decodes exactly N bytes, or nothing. */
template <std::size_t N>
std::optional<std::array<unsigned char, N>> decode(const std::string& text) {
    std::array<unsigned char, N> out{};
    std::size_t size = 0;
    if (!ready() || text.size() != sodium_base64_ENCODED_LEN(N, kVariant) - 1 ||
        sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &size,
                          nullptr, kVariant) != 0 ||
        size != N)
        return std::nullopt;
    return out;
}

}  // namespace

KeyPair newKeyPair() {
    ready();
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> pk{};
    std::array<unsigned char, crypto_sign_SECRETKEYBYTES> sk{};
    crypto_sign_keypair(pk.data(), sk.data());
    KeyPair pair{encode(pk.data(), pk.size()), encode(sk.data(), sk.size())};
    sodium_memzero(sk.data(), sk.size());
    return pair;
}

KeyPair keyPairFromSeed(const std::string& seed) {
    ready();
    std::array<unsigned char, crypto_sign_SEEDBYTES> bytes{};
    crypto_generichash(bytes.data(), bytes.size(), reinterpret_cast<const unsigned char*>(seed.data()),
                       seed.size(), nullptr, 0);
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> pk{};
    std::array<unsigned char, crypto_sign_SECRETKEYBYTES> sk{};
    crypto_sign_seed_keypair(pk.data(), sk.data(), bytes.data());
    KeyPair pair{encode(pk.data(), pk.size()), encode(sk.data(), sk.size())};
    sodium_memzero(sk.data(), sk.size());
    return pair;
}

std::optional<std::string> publicKeyOf(const std::string& secretKey) {
    auto sk = decode<crypto_sign_SECRETKEYBYTES>(secretKey);
    if (!sk) return std::nullopt;
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> pk{};
    crypto_sign_ed25519_sk_to_pk(pk.data(), sk->data());
    sodium_memzero(sk->data(), sk->size());
    return encode(pk.data(), pk.size());
}

bool isValidPublicKey(const std::string& publicKey) {
    return decode<crypto_sign_PUBLICKEYBYTES>(publicKey).has_value();
}

std::string signedMessage(const Change& change) {
    if (changeFormatVersion(change) == 1) {
        std::string message(kDomain);
        message += toJsonText(change, /*withSignature=*/false);
        return message;
    }
    std::string message(kDomainSalted);
    message += toJsonText(withheldForm(change), /*withSignature=*/false);
    return message;
}

std::string signMessage(const std::string& message, const std::string& secretKey) {
    auto sk = decode<crypto_sign_SECRETKEYBYTES>(secretKey);
    if (!sk) return {};
    std::array<unsigned char, crypto_sign_BYTES> sig{};
    crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                         message.size(), sk->data());
    sodium_memzero(sk->data(), sk->size());
    return encode(sig.data(), sig.size());
}

bool messageSignatureValid(const std::string& message, const std::string& signature,
                           const std::string& publicKey) {
    const auto pk = decode<crypto_sign_PUBLICKEYBYTES>(publicKey);
    const auto sig = decode<crypto_sign_BYTES>(signature);
    if (!pk || !sig) return false;
    return crypto_sign_verify_detached(sig->data(),
                                       reinterpret_cast<const unsigned char*>(message.data()),
                                       message.size(), pk->data()) == 0;
}

std::string signatureOf(const Change& change, const std::string& secretKey) {
    return signMessage(signedMessage(change), secretKey);
}

bool signatureValid(const Change& change, const std::string& publicKey) {
    return messageSignatureValid(signedMessage(change), change.sig, publicKey);
}

std::string keyProofMessage(const std::string& site, const std::string& username,
                            const std::string& publicKey) {
    return "nghedan device key v1\n" + site + "\n" + username + "\n" + publicKey;
}

}  // namespace nghedan
