#pragma once
// The sign-in request (POST /api/v1/auth/login), which also tells the app who the user is.

#include <string>

#include "nghedan/status.h"

namespace nghedan::client {

struct LoginInfo {
    std::string token;
    std::string username, displayName, role, scopeUnit;
    std::int64_t serverTimeMs = 0;
};

/** Blocking; run it off the UI thread. Error codes: the server's ("invalid_credentials",
 *  "too_many_attempts", "unsupported_version", ...), "network" when it cannot be reached,
 *  "tls" when its certificate is not trusted. `caFile`: PEM of the CAs to trust over https
 *  (empty: the system's), as SyncClientOptions::caFile. */
Result<LoginInfo> loginToServer(const std::string& baseUrl, const std::string& username,
                                const std::string& password, const std::string& device,
                                const std::string& publicKey, const std::string& keyProof,
                                const std::string& caFile = {});

}  // namespace nghedan::client
