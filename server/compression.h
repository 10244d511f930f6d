#pragma once
// How the server compresses its replies: one policy for every route.
//
// cpp-httplib, left to itself, answers "Accept-Encoding: br" with Brotli at quality 11, which
// runs at about 1 MB/s: seconds for a sync page, minutes for a large export. So the server takes
// the header away from httplib before routing (httplib then never compresses) and compresses
// each reply itself after the handler ran: Brotli at quality 5 when the client accepts it
// (about 25% smaller than gzip on sync pages, at gzip's speed), otherwise gzip level 6.

#include <memory>
#include <string>

#include <httplib.h>

#include "nghedan/compression.h"

namespace nghedan::server {

/** Pre-routing: remembers (for this request's thread) which codings the client accepts and
 *  removes Accept-Encoding from the request, so httplib does not compress on its own. */
void takeAcceptEncoding(const httplib::Request& req);

/** Post-routing: compresses a text or JSON body of at least 1 KiB with the best coding the
 *  client accepts, and sets Content-Encoding and Vary. */
void compressReply(httplib::Response& res);

/** For a reply a content provider streams (compressReply leaves those alone): the coder of the
 *  best coding the client accepts, with Content-Encoding and Vary set on `res`, or nullptr when
 *  the reply goes as is (no coding accepted, or `contentType` does not compress). Call it from
 *  the handler, on the request's thread, before the post-routing handler runs. */
std::unique_ptr<StreamCompressor> streamCompressor(httplib::Response& res,
                                                   const std::string& contentType);

}  // namespace nghedan::server
