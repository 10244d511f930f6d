#include "nghedan/compression.h"

#include <brotli/encode.h>
#include <zlib.h>

#include <cstdint>

namespace nghedan {

std::optional<std::string> gzipCompress(std::string_view data, int level) {
    z_stream zs{};
    // 15 window bits + 16: gzip header and trailer instead of zlib's.
    if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        return std::nullopt;
    }
    std::string out;
    out.resize(deflateBound(&zs, static_cast<uLong>(data.size())) + 32);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    const auto written = zs.total_out;
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) return std::nullopt;
    out.resize(written);
    return out;
}

std::optional<std::string> gzipDecompress(std::string_view data) {
    z_stream zs{};
    // 15 + 32: detect gzip or zlib headers automatically.
    if (inflateInit2(&zs, 15 + 32) != Z_OK) return std::nullopt;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    std::string out;
    char buffer[64 * 1024];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        zs.next_out = reinterpret_cast<Bytef*>(buffer);
        zs.avail_out = sizeof buffer;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&zs);
            return std::nullopt;
        }
        out.append(buffer, sizeof buffer - zs.avail_out);
        if (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0) {  // truncated stream
            inflateEnd(&zs);
            return std::nullopt;
        }
    }
    inflateEnd(&zs);
    return out;
}

bool looksGzipped(std::string_view data) {
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
           static_cast<unsigned char>(data[1]) == 0x8b;
}

std::optional<std::string> brotliCompress(std::string_view data, int quality) {
    std::string out(BrotliEncoderMaxCompressedSize(data.size()), '\0');
    if (out.empty()) return std::nullopt;  // too large to bound
    std::size_t size = out.size();
    if (!BrotliEncoderCompress(quality, 22, BROTLI_MODE_TEXT, data.size(),
                               reinterpret_cast<const std::uint8_t*>(data.data()), &size,
                               reinterpret_cast<std::uint8_t*>(out.data())))
        return std::nullopt;
    out.resize(size);
    return out;
}

namespace {

class GzipStream final : public StreamCompressor {
public:
    bool start(int level) {
        m_started = deflateInit2(&m_zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
        return m_started;
    }
    ~GzipStream() override {
        if (m_started) deflateEnd(&m_zs);
    }
    std::optional<std::string> push(std::string_view data) override {
        return run(data, Z_NO_FLUSH);
    }
    std::optional<std::string> finish() override { return run({}, Z_FINISH); }

private:
    std::optional<std::string> run(std::string_view data, int flush) {
        std::string out;
        m_zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
        m_zs.avail_in = static_cast<uInt>(data.size());
        char buffer[64 * 1024];
        for (;;) {
            m_zs.next_out = reinterpret_cast<Bytef*>(buffer);
            m_zs.avail_out = sizeof buffer;
            const int rc = deflate(&m_zs, flush);
            if (rc == Z_STREAM_ERROR) return std::nullopt;
            out.append(buffer, sizeof buffer - m_zs.avail_out);
            if (flush == Z_FINISH ? rc == Z_STREAM_END : m_zs.avail_out != 0) break;
        }
        return out;
    }

    z_stream m_zs{};
    bool m_started = false;
};

class BrotliStream final : public StreamCompressor {
public:
    bool start(int quality) {
        m_state = BrotliEncoderCreateInstance(nullptr, nullptr, nullptr);
        return m_state &&
               BrotliEncoderSetParameter(m_state, BROTLI_PARAM_QUALITY,
                                         static_cast<std::uint32_t>(quality)) &&
               BrotliEncoderSetParameter(m_state, BROTLI_PARAM_LGWIN, 22) &&
               BrotliEncoderSetParameter(m_state, BROTLI_PARAM_MODE, BROTLI_MODE_TEXT);
    }
    ~BrotliStream() override {
        if (m_state) BrotliEncoderDestroyInstance(m_state);
    }
    std::optional<std::string> push(std::string_view data) override {
        return run(data, BROTLI_OPERATION_PROCESS);
    }
    std::optional<std::string> finish() override { return run({}, BROTLI_OPERATION_FINISH); }

private:
    std::optional<std::string> run(std::string_view data, BrotliEncoderOperation op) {
        std::string out;
        std::size_t availIn = data.size();
        const auto* nextIn = reinterpret_cast<const std::uint8_t*>(data.data());
        for (;;) {
            std::size_t availOut = 0;
            if (!BrotliEncoderCompressStream(m_state, op, &availIn, &nextIn, &availOut, nullptr,
                                             nullptr))
                return std::nullopt;
            std::size_t size = 0;
            const std::uint8_t* bytes = BrotliEncoderTakeOutput(m_state, &size);
            out.append(reinterpret_cast<const char*>(bytes), size);
            const bool more = availIn > 0 || BrotliEncoderHasMoreOutput(m_state);
            if (!more && (op != BROTLI_OPERATION_FINISH || BrotliEncoderIsFinished(m_state))) break;
        }
        return out;
    }

    BrotliEncoderState* m_state = nullptr;
};

}  // namespace

std::unique_ptr<StreamCompressor> StreamCompressor::gzip(int level) {
    auto coder = std::make_unique<GzipStream>();
    if (!coder->start(level)) return nullptr;
    return coder;
}

std::unique_ptr<StreamCompressor> StreamCompressor::brotli(int quality) {
    auto coder = std::make_unique<BrotliStream>();
    if (!coder->start(quality)) return nullptr;
    return coder;
}

}  // namespace nghedan
