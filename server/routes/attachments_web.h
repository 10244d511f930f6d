#pragma once
// Attachments as the dashboard reads them, and the one upload the dashboard makes: a result
// document or photo of a directive (server/API.md "Attachments on the dashboard").

#include <string>

#include <httplib.h>

#include "read_model.h"

namespace nghedan::server {

/** The live attachments of one record (`parentEntity` petition, meeting or directive) in the
 *  reader's scope, oldest first, as the read API shows them: {id, kind, caption, mime,
 *  file_name, size, width, height, taken_at, sha256, thumb_sha256, available, created_by, url,
 *  thumb_url}. `available` is true when the server holds the whole blob. Under ctx.mutex. */
Json attachmentsJson(Context& ctx, const Scope& scope, const std::string& parentEntity,
                     const std::string& parentId);

/** POST /api/v1/directives/{id}/attachments: the raw file as the body (see API.md). */
void registerAttachmentWebRoutes(httplib::Server& server, Context& ctx);

}  // namespace nghedan::server
