#pragma once
// Proof of origin: every replica (site) makes an Ed25519 key pair on its own device; each
// change it writes carries a signature over the change's canonical text (without the
// signature). Whoever knows the site's public key can check that the site's device wrote
// exactly this change. Keys and signatures travel as base64url without padding.

#include <optional>
#include <string>

#include "nghedan/change.h"

namespace nghedan {

struct KeyPair {
    std::string publicKey;  ///< 43 characters (32 bytes)
    std::string secretKey;  ///< 86 characters (64 bytes); never leaves the device
};

/** A new random key pair (libsodium crypto_sign, Ed25519). */
KeyPair newKeyPair();
/** The key pair that 32 bytes of `seed` determine (other lengths are hashed to 32 bytes first):
 *  for tests that need a device's key without passing it around. */
KeyPair keyPairFromSeed(const std::string& seed);
/** The public half of a secret key; nullopt when it is not one. */
std::optional<std::string> publicKeyOf(const std::string& secretKey);
bool isValidPublicKey(const std::string& publicKey);
/** The bytes a change's signature covers: a fixed prefix and toJsonText without "sig"; for a
 *  format-2 change (salted personal values) the text of its withheldForm (personal.h), so the
 *  same signature proves the change with its personal values in full or withheld. */
std::string signedMessage(const Change& change);
/** The signature of `change` by `secretKey` (empty when the key is not a secret key). */
std::string signatureOf(const Change& change, const std::string& secretKey);
/** True when change.sig is `publicKey`'s signature of this exact change. */
bool signatureValid(const Change& change, const std::string& publicKey);

/** What a device signs when it signs in, to show that it holds the secret half of the key it
 *  registers for its site and that user (a public key alone proves nothing). */
std::string keyProofMessage(const std::string& site, const std::string& username,
                            const std::string& publicKey);
/** The signature of any message (empty when the key is not a secret key). */
std::string signMessage(const std::string& message, const std::string& secretKey);
bool messageSignatureValid(const std::string& message, const std::string& signature,
                           const std::string& publicKey);

}  // namespace nghedan
