#pragma once
// The dashboard's files (server/web), embedded into the binary at build time by
// server/embed_web.cmake so that nghedan-server is self-contained.

#include <cstddef>

namespace nghedan::server {

struct WebAsset {
    const char* path;  ///< relative to server/web, e.g. "js/app.js"
    const unsigned char* data;
    std::size_t size;
};

extern const WebAsset kWebAssets[];
extern const std::size_t kWebAssetCount;

}  // namespace nghedan::server
