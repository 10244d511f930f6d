#pragma once
// Compression of HTTP bodies, for both ends of the sync protocol.

#include <memory>
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

/** Compresses a stream piece by piece, for bodies written as they are made (the same codings
 *  and settings as gzipCompress and brotliCompress). One owner at a time. */
class StreamCompressor {
public:
    /** gzip (RFC 1952) at `level`; nullptr when zlib cannot start. */
    static std::unique_ptr<StreamCompressor> gzip(int level = 6);
    /** Brotli (RFC 7932) at `quality`, text mode, 4 MiB window; nullptr when it cannot start. */
    static std::unique_ptr<StreamCompressor> brotli(int quality = 5);
    virtual ~StreamCompressor() = default;
    /** The compressed bytes ready after taking `data` (often none: the coder buffers); empty
     *  optional when the coder fails. */
    virtual std::optional<std::string> push(std::string_view data) = 0;
    /** The rest of the stream, ending it; empty optional when the coder fails. */
    virtual std::optional<std::string> finish() = 0;
};

}  // namespace nghedan
