#pragma once
// Small POSIX file helpers of the blob stores (blob_store.cpp, encrypted_blob_store.cpp).

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>

#include "nghedan/status.h"

namespace nghedan::fileio {

/** Error{"io"} naming what failed on `path`, with errno's text. */
inline Error ioError(const std::string& what, const std::filesystem::path& path) {
    return Error{"io", what + " " + path.string() + ": " + std::strerror(errno)};
}

/** fsync of a directory: a file created or renamed in it survives a crash. */
inline Status syncDirectory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return ioError("cannot open", dir);
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) return ioError("cannot sync", dir);
    return {};
}

/** The file's last modification, in wall-clock milliseconds (0 when it cannot be read). */
inline std::int64_t modifiedMs(const std::filesystem::path& p) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return 0;
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1'000'000;
}

}  // namespace nghedan::fileio
