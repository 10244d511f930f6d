#pragma once
// Compression of HTTP bodies, for both ends of the sync protocol.

#include <optional>
#include <string>
#include <string_view>

namespace nghedan {

/** The gzip (RFC 1952) form of `data`; empty optional when zlib fails. */
std::optional<std::string> gzipCompress(std::string_view data, int level = 6);
/** Inflates a gzip or zlib stream; empty optional when it is corrupt or cut short. */
std::optional<std::string> gzipDecompress(std::string_view data);
/** True when `data` starts with the gzip magic bytes. */
bool looksGzipped(std::string_view data);

/** The Brotli (RFC 7932) form of `data` at `quality` (0–11; 5 compresses about as fast as gzip
 *  level 6 and a quarter smaller on sync pages), text mode, 4 MiB window. */
std::optional<std::string> brotliCompress(std::string_view data, int quality = 5);

}  // namespace nghedan
