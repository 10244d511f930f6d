#pragma once
// Which app versions a server takes (server/API.md "Mixed versions"). A tablet names its
// version in a header on every request; a server answers an app older than it accepts with
// 410 client_too_old before reading anything, so that app's unsent changes stay unsent (and
// go once it is updated). An app a version behind is accepted: what it does not know it
// keeps (schema.h, Unknowns::Keep), and what it writes lacks only the newer fields.

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "nghedan/schema.h"
#include "nghedan/status.h"

namespace nghedan {

/** The version of the app this build is: its schema's. A server of this build takes apps from
 *  kMinClientVersion to kClientVersion. */
constexpr int kClientVersion = kSchemaVersion;
/** The oldest app version a server of this build accepts. Raised only when an older app's
 *  changes can no longer be taken as they are, or it cannot read what the server sends: apps
 *  before 5 do not sign their changes, apps before 7 cannot read changes with salted personal
 *  values (personal.h) nor salt their own. */
constexpr int kMinClientVersion = 7;
/** The request header carrying the app's version, a decimal number. */
inline constexpr char kClientVersionHeader[] = "X-NgheDan-Client-Version";
/** The version of an app that sends no version header: the apps from before it (5). */
constexpr int kVersionWithoutHeader = 5;

/** The app version a request names by its header value ("" when absent), or nullopt when the
 *  value is not a version (a bad request). */
inline std::optional<int> parseClientVersion(std::string_view header) {
    if (header.empty()) return kVersionWithoutHeader;
    int version = 0;
    const auto [end, ec] = std::from_chars(header.data(), header.data() + header.size(), version);
    if (ec != std::errc() || end != header.data() + header.size() || version < 1)
        return std::nullopt;
    return version;
}

/** Why a server refuses a request from an app whose version header is `header` ("" when
 *  absent), or nullopt: "invalid_request" (not a version: HTTP 400), "client_too_old" (older
 *  than `minVersion`: HTTP 410) or "server_too_old" (newer than this build, whose server would
 *  refuse for good the fields it does not know: HTTP 409; servers are updated first), with a
 *  message for people. */
inline std::optional<Error> clientVersionRefusal(std::string_view header,
                                                 int minVersion = kMinClientVersion) {
    const std::optional<int> version = parseClientVersion(header);
    if (!version)
        return Error{"invalid_request", std::string(kClientVersionHeader) +
                                            " must be the app's version, a positive number"};
    if (*version < minVersion)
        return Error{"client_too_old", "Phiên bản ứng dụng này (" + std::to_string(*version) +
                                           ") đã quá cũ, máy chủ chỉ nhận từ phiên bản " +
                                           std::to_string(minVersion) +
                                           "; vui lòng cập nhật ứng dụng. Dữ liệu chưa gửi "
                                           "vẫn được giữ trên máy."};
    if (*version > kClientVersion)
        return Error{"server_too_old", "Máy chủ chưa được cập nhật cho phiên bản ứng dụng này (" +
                                           std::to_string(*version) +
                                           "); dữ liệu chưa gửi vẫn được giữ trên máy và sẽ được "
                                           "gửi khi máy chủ được cập nhật."};
    return std::nullopt;
}

/** The HTTP status of a clientVersionRefusal code. */
inline int versionRefusalStatus(std::string_view code) {
    return code == "client_too_old" ? 410 : code == "server_too_old" ? 409 : 400;
}

}  // namespace nghedan
