#include "compression.h"

#include "nghedan/compression.h"

namespace nghedan::server {
namespace {

enum class Coding { None, Gzip, Brotli };

// Set by the pre-routing handler; httplib runs a request's routing, handler and reply on one
// thread, and the next request on that thread sets it again.
thread_local Coding t_accepted = Coding::None;

constexpr std::size_t kCompressFrom = 1024;

/** True when the token list `header` (e.g. "gzip, deflate, br;q=0.9") names `coding` with a
 *  non-zero quality. */
bool accepts(const std::string& header, std::string_view coding) {
    std::size_t at = 0;
    while (at < header.size()) {
        std::size_t end = header.find(',', at);
        if (end == std::string::npos) end = header.size();
        std::string_view item(header.data() + at, end - at);
        at = end + 1;
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        const std::size_t semi = item.find(';');
        std::string_view name = item.substr(0, semi);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        if (name != coding) continue;
        if (semi == std::string_view::npos) return true;
        const std::string_view params = item.substr(semi + 1);
        const std::size_t q = params.find("q=");
        if (q == std::string_view::npos) return true;
        return params.substr(q + 2).find_first_of("123456789") != std::string_view::npos;
    }
    return false;
}

bool compressible(const std::string& type) {
    return type.rfind("text/", 0) == 0 || type.rfind("application/json", 0) == 0 ||
           type.rfind("application/javascript", 0) == 0 || type.rfind("image/svg+xml", 0) == 0;
}

}  // namespace

void takeAcceptEncoding(const httplib::Request& req) {
    const std::string header = req.get_header_value("Accept-Encoding");
    t_accepted = accepts(header, "br")     ? Coding::Brotli
                 : accepts(header, "gzip") ? Coding::Gzip
                                           : Coding::None;
    // The request object is httplib's own non-const local, handed to handlers as const.
    const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
}

void compressReply(httplib::Response& res) {
    const Coding coding = t_accepted;
    t_accepted = Coding::None;
    if (coding == Coding::None || res.status == 206 || res.body.size() < kCompressFrom ||
        res.has_header("Content-Encoding") || !compressible(res.get_header_value("Content-Type")))
        return;
    std::optional<std::string> packed =
        coding == Coding::Brotli ? brotliCompress(res.body, 5) : gzipCompress(res.body, 6);
    if (!packed) return;  // sent as is
    res.body = std::move(*packed);
    // httplib set Content-Length before the post-routing handler runs.
    res.headers.erase("Content-Length");
    res.set_header("Content-Length", std::to_string(res.body.size()));
    res.set_header("Content-Encoding", coding == Coding::Brotli ? "br" : "gzip");
    res.set_header("Vary", "Accept-Encoding");
}

std::unique_ptr<StreamCompressor> streamCompressor(httplib::Response& res,
                                                   const std::string& contentType) {
    const Coding coding = t_accepted;
    if (coding == Coding::None || !compressible(contentType)) return nullptr;
    auto coder = coding == Coding::Brotli ? StreamCompressor::brotli(5) : StreamCompressor::gzip(6);
    if (!coder) return nullptr;  // sent as is
    res.set_header("Content-Encoding", coding == Coding::Brotli ? "br" : "gzip");
    res.set_header("Vary", "Accept-Encoding");
    return coder;
}

}  // namespace nghedan::server
