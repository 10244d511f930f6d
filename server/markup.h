#pragma once
// Text put into the public HTML page, the Atom feed and Open311's XML: escaped once, here.

#include <string>
#include <string_view>

namespace nghedan::server {

/** `text` safe inside HTML element content and double-quoted attribute values. */
std::string htmlEscape(std::string_view text);
/** `text` safe inside XML 1.0 content and double-quoted attributes: the five special
 *  characters escaped, and control characters XML 1.0 cannot carry (and invalid UTF-8
 *  bytes) replaced by U+FFFD, so that a stray byte in a title never breaks a whole feed. */
std::string xmlEscape(std::string_view text);

}  // namespace nghedan::server
