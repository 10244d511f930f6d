// The dashboard's web files at "/" (embedded at build time; NGHEDAN_WEB_DIR serves them from
// a folder instead, for editing without rebuilding) and the export routes.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "read_model.h"
#include "web_assets.h"

namespace nghedan::server {

namespace {

std::string contentTypeOf(const std::string& path) {
    auto ends = [&](const char* ext) {
        const std::string e(ext);
        return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
    };
    if (ends(".html")) return "text/html; charset=utf-8";
    if (ends(".js")) return "text/javascript; charset=utf-8";
    if (ends(".css")) return "text/css; charset=utf-8";
    if (ends(".svg")) return "image/svg+xml";
    if (ends(".png")) return "image/png";
    return "application/octet-stream";
}

std::string regexEscape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (std::string(".^$|()[]{}*+?\\").find(c) != std::string::npos) out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

void setPageHeaders(httplib::Response& res) {
    // Scripts and styles only from this server; no framing; no referrer leaves the page.
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                   "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-cache");
}

}  // namespace

void registerDashboardRoutes(httplib::Server& server, Context& ctx) {
    const char* override = std::getenv("NGHEDAN_WEB_DIR");
    const std::string webDir = override ? override : "";
    for (std::size_t i = 0; i < kWebAssetCount; ++i) {
        const WebAsset& asset = kWebAssets[i];
        const std::string path = asset.path;
        auto handler = [path, webDir, &asset](const httplib::Request&, httplib::Response& res) {
            setPageHeaders(res);
            if (!webDir.empty()) {
                std::ifstream in(webDir + "/" + path, std::ios::binary);
                std::stringstream buf;
                buf << in.rdbuf();
                res.set_content(buf.str(), contentTypeOf(path));
                return;
            }
            res.set_content(reinterpret_cast<const char*>(asset.data), asset.size,
                            contentTypeOf(path));
        };
        std::string pattern = "/";
        pattern += regexEscape(path);
        server.Get(pattern, handler);
        if (path == "index.html") server.Get("/", handler);
    }
    registerExportRoutes(server, ctx);
}

}  // namespace nghedan::server
