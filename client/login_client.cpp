#include "login_client.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

namespace nghedan::client {

Result<LoginInfo> loginToServer(const std::string& baseUrl, const std::string& username,
                                const std::string& password, const std::string& device,
                                const std::string& publicKey, const std::string& keyProof,
                                const std::string& caFile) {
    try {
        httplib::Client client(baseUrl);
        client.set_connection_timeout(10);
        client.set_read_timeout(30);
        client.enable_server_certificate_verification(true);
        if (!caFile.empty()) client.set_ca_cert_path(caFile.c_str());
        const nlohmann::json body = {{"username", username},
                                     {"password", password},
                                     {"device", device},
                                     {"publicKey", publicKey},
                                     {"keyProof", keyProof}};
        auto res = client.Post("/api/v1/auth/login", body.dump(), "application/json");
        if (!res && (res.error() == httplib::Error::SSLServerVerification ||
                     res.error() == httplib::Error::SSLLoadingCerts))
            return Error{"tls", "Không tin được chứng chỉ của máy chủ: kiểm tra địa chỉ máy chủ và "
                                "chứng chỉ gốc (CA) đã cài (" + httplib::to_string(res.error()) + ")"};
        if (!res) return Error{"network", "cannot reach " + baseUrl + ": " + httplib::to_string(res.error())};
        const auto json = nlohmann::json::parse(res->body, nullptr, false);
        if (json.is_discarded())
            return Error{"bad_response", "the server answered " + std::to_string(res->status) + " without JSON"};
        if (res->status != 200) {
            const auto& err = json.value("error", nlohmann::json::object());
            return Error{err.value("code", std::string("http_") + std::to_string(res->status)),
                         err.value("message", std::string())};
        }
        LoginInfo info;
        info.token = json.value("token", std::string());
        const auto user = json.value("user", nlohmann::json::object());
        info.username = user.value("username", username);
        info.displayName = user.value("displayName", info.username);
        info.role = user.value("role", std::string());
        info.scopeUnit = user.value("scopeUnit", std::string());
        info.serverTimeMs = json.value("serverTime", std::int64_t{0});
        if (info.token.empty()) return Error{"bad_response", "the server sent no token"};
        return info;
    } catch (const std::exception& e) {
        return Error{"network", e.what()};
    }
}

}  // namespace nghedan::client
