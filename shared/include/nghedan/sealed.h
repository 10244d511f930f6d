#pragma once
// Unsent changes that outlive a wipe of the tablet: sealed (libsodium crypto_box_seal) to the
// server's X25519 public key, so that only the server can open them. Keys and boxes travel as
// base64url without padding.

#include <string>

#include "nghedan/status.h"

namespace nghedan {

/** An X25519 key pair, base64url: the server keeps it; tablets learn the public half. */
struct SealKeyPair {
    std::string publicKey;
    std::string secretKey;
};

/** A new random key pair. */
SealKeyPair newSealKeyPair();
/** True when `publicKey` is a base64url X25519 public key. */
bool isValidSealKey(const std::string& publicKey);
/** `plaintext` sealed to `publicKey` (anonymous sender), base64url; "invalid_value" for a bad
 *  key. */
Result<std::string> sealTo(const std::string& publicKey, const std::string& plaintext);
/** Opens a box sealTo made for `keys.publicKey`; "invalid_sealed" when it is not one (wrong
 *  key, altered, not base64url). */
Result<std::string> openSealed(const SealKeyPair& keys, const std::string& box);

}  // namespace nghedan
