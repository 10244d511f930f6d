#pragma once
// The access log of personal data: what routes call when they show personal values, and the
// admins' read-only API over it (GET /api/v1/access-log, /api/v1/access-log.csv,
// /api/v1/access-log/<id>). Storage is the Store's (Store::logPersonalAccess).

#include <string>
#include <vector>

#include <httplib.h>

#include "../context.h"

namespace nghedan::server {

/** Appends to the access log that `user` (from the request's device, or "dashboard", and its
 *  client address) was shown personal values of `records`, for `action`, with `reason`. Call
 *  under ctx.mutex, before the values leave. An Error means nothing was logged: then answer 500
 *  and do not send the values. */
Status logPersonalAccess(Context& ctx, const User& user, const httplib::Request& req,
                         const std::string& action, std::vector<RecordRef> records,
                         const std::string& reason);

/** The reason the client gives for looking: the `reason` query parameter, else the
 *  "X-Access-Reason" header (percent-encoded UTF-8), else `fallback`; trimmed, at most 500
 *  bytes (cut at a character boundary). */
std::string accessReason(const httplib::Request& req, const std::string& fallback);

/** How many characters (UTF-8 code points) `text` has. */
std::size_t characterCount(const std::string& text);

/** The admins' read-only routes over the access log; every other method on them is 405. */
void registerAccessLogRoutes(httplib::Server& server, Context& ctx);

}  // namespace nghedan::server
