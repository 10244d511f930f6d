#include "nghedan/sealed.h"

#include <sodium.h>

#include <vector>

namespace nghedan {
namespace {

constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

bool ready() {
    static const bool ok = sodium_init() >= 0;
    return ok;
}

std::string toBase64(const unsigned char* data, std::size_t size) {
    std::string out(sodium_base64_ENCODED_LEN(size, kVariant), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, kVariant);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

bool fromBase64(const std::string& text, std::vector<unsigned char>& out) {
    out.assign(text.size() * 3 / 4 + 3, 0);
    std::size_t size = 0;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &size, nullptr,
                          kVariant) != 0)
        return false;
    out.resize(size);
    return true;
}

bool keyBytes(const std::string& text, std::vector<unsigned char>& out) {
    return fromBase64(text, out) && out.size() == crypto_box_PUBLICKEYBYTES;
}

}  // namespace

SealKeyPair newSealKeyPair() {
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    if (!ready()) return {};
    crypto_box_keypair(pk, sk);
    SealKeyPair out{toBase64(pk, sizeof pk), toBase64(sk, sizeof sk)};
    sodium_memzero(sk, sizeof sk);
    return out;
}

bool isValidSealKey(const std::string& publicKey) {
    std::vector<unsigned char> pk;
    return ready() && keyBytes(publicKey, pk);
}

Result<std::string> sealTo(const std::string& publicKey, const std::string& plaintext) {
    std::vector<unsigned char> pk;
    if (!ready() || !keyBytes(publicKey, pk))
        return Error{"invalid_value", "the server's seal key is not an X25519 public key"};
    std::vector<unsigned char> box(plaintext.size() + crypto_box_SEALBYTES);
    if (crypto_box_seal(box.data(), reinterpret_cast<const unsigned char*>(plaintext.data()),
                        plaintext.size(), pk.data()) != 0)
        return Error{"internal", "could not seal"};
    return toBase64(box.data(), box.size());
}

Result<std::string> openSealed(const SealKeyPair& keys, const std::string& box) {
    std::vector<unsigned char> pk, sk, bytes;
    if (!ready() || !keyBytes(keys.publicKey, pk) || !fromBase64(keys.secretKey, sk) ||
        sk.size() != crypto_box_SECRETKEYBYTES)
        return Error{"internal", "the seal key pair is not valid"};
    if (!fromBase64(box, bytes) || bytes.size() < crypto_box_SEALBYTES)
        return Error{"invalid_sealed", "not a sealed box (base64url)"};
    std::string out(bytes.size() - crypto_box_SEALBYTES, '\0');
    const int rc = crypto_box_seal_open(reinterpret_cast<unsigned char*>(out.data()), bytes.data(),
                                        bytes.size(), pk.data(), sk.data());
    sodium_memzero(sk.data(), sk.size());
    if (rc != 0)
        return Error{"invalid_sealed",
                     "the box was not sealed to this server's key or was altered"};
    return out;
}

}  // namespace nghedan
