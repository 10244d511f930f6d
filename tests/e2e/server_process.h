#pragma once
// The real nghedan-server as a child process, for end-to-end tests and benchmarks: start it
// on a free loopback port, kill -9 it, restart it on the same data directory and port, run
// its admin subcommands. The binary path comes from the build (NGHEDAN_SERVER_BINARY).

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace nghedan::test {

/** A fresh directory under the system temp dir, removed (recursively) on destruction unless
 *  NGHEDAN_KEEP_TMP is set. */
class TempDir {
public:
    explicit TempDir(const std::string& prefix = "nghedan-e2e") {
        std::string templ =
            (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (::mkdtemp(templ.data())) m_path = templ;
    }
    ~TempDir() {
        if (!m_path.empty() && !std::getenv("NGHEDAN_KEEP_TMP")) {
            std::error_code ec;
            std::filesystem::remove_all(m_path, ec);
        }
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return m_path; }
    std::string file(const std::string& name) const { return m_path + "/" + name; }

private:
    std::string m_path;
};

/** Output and exit status of a finished command. */
struct CommandResult {
    int exitCode = -1;
    std::string output;  ///< stdout and stderr together
};

/** Runs `argv` to completion with `input` on its stdin; never throws. */
inline CommandResult runCommand(const std::vector<std::string>& argv, const std::string& input = {},
                                const std::string& workDir = {}) {
    CommandResult result;
    char outTemplate[] = "/tmp/nghedan-cmd-XXXXXX";
    const int outFd = ::mkstemp(outTemplate);
    int inPipe[2];
    if (outFd < 0 || ::pipe(inPipe) != 0) return result;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(inPipe[0], 0);
        ::dup2(outFd, 1);
        ::dup2(outFd, 2);
        ::close(inPipe[0]);
        ::close(inPipe[1]);
        ::close(outFd);
        if (!workDir.empty() && ::chdir(workDir.c_str()) != 0) ::_exit(126);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(inPipe[0]);
    std::size_t off = 0;
    while (off < input.size()) {
        const ssize_t n = ::write(inPipe[1], input.data() + off, input.size() - off);
        if (n <= 0) break;
        off += static_cast<std::size_t>(n);
    }
    ::close(inPipe[1]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::ifstream in(outTemplate);
    std::stringstream ss;
    ss << in.rdbuf();
    result.output = ss.str();
    ::close(outFd);
    ::unlink(outTemplate);
    return result;
}

/** nghedan-server as a child process. Not thread-safe. */
class ServerProcess {
public:
    ServerProcess(std::string binary, std::string dataDir, std::vector<std::string> extraArgs = {})
        : m_binary(std::move(binary)),
          m_dataDir(std::move(dataDir)),
          m_extra(std::move(extraArgs)) {
        m_logPath = m_dataDir + ".log";
    }
    ~ServerProcess() { kill9(); }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    /** Starts `serve --address 127.0.0.1 --port P --data DIR` (P = the last port, or 0 for a
     *  free one the first time) and waits for its "listening on" line. False on failure; see
     *  lastError(). A port still held by a dying process is retried for a while. */
    bool start() {
        if (m_pid > 0) return true;
        for (int attempt = 0; attempt < 50; ++attempt) {
            if (startOnce()) return true;
            if (m_port == 0) return false;  // a free port failed: not a port clash
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return false;
    }

    /** SIGKILL and reap: no clean shutdown, like a power cut of the process. */
    void kill9() {
        if (m_pid <= 0) return;
        ::kill(m_pid, SIGKILL);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
    }

    /** SIGTERM and wait for a clean exit; true when it exited with status 0. */
    bool stop() {
        if (m_pid <= 0) return true;
        ::kill(m_pid, SIGTERM);
        int status = 0;
        for (int i = 0; i < 1000; ++i) {  // up to 20 s
            const pid_t r = ::waitpid(m_pid, &status, WNOHANG);
            if (r == m_pid) {
                m_pid = -1;
                return WIFEXITED(status) && WEXITSTATUS(status) == 0;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        kill9();
        return false;
    }

    bool running() const { return m_pid > 0; }
    pid_t pid() const { return m_pid; }
    int port() const { return m_port; }
    std::string url() const { return m_scheme + "://127.0.0.1:" + std::to_string(m_port); }
    const std::string& dataDir() const { return m_dataDir; }
    const std::string& binary() const { return m_binary; }
    const std::string& lastError() const { return m_error; }
    std::string log() const {
        std::ifstream in(m_logPath);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }

    /** Runs an admin subcommand against this data directory: `binary args... --data DIR`. */
    CommandResult admin(std::vector<std::string> args, const std::string& input = {}) const {
        std::vector<std::string> argv{m_binary};
        argv.insert(argv.end(), args.begin(), args.end());
        argv.push_back("--data");
        argv.push_back(m_dataDir);
        return runCommand(argv, input);
    }

    /** Peak resident set size of the server in KiB (VmHWM), 0 when unknown. */
    long peakRssKb() const {
        if (m_pid <= 0) return 0;
        std::ifstream in("/proc/" + std::to_string(m_pid) + "/status");
        std::string line;
        while (std::getline(in, line)) {
            if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
        }
        return 0;
    }

private:
    bool startOnce() {
        std::ofstream(m_logPath, std::ios::app) << "";
        const int logFd = ::open(m_logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (logFd < 0) {
            m_error = "cannot open " + m_logPath;
            return false;
        }
        const auto startOffset = static_cast<std::size_t>(::lseek(logFd, 0, SEEK_END));
        std::vector<std::string> argv{m_binary,    "serve",  "--address",
                                      "127.0.0.1", "--port", std::to_string(m_port),
                                      "--data",    m_dataDir};
        argv.insert(argv.end(), m_extra.begin(), m_extra.end());
        const pid_t pid = ::fork();
        if (pid == 0) {
            const int devnull = ::open("/dev/null", O_RDONLY);
            ::dup2(devnull, 0);
            ::dup2(logFd, 1);
            ::dup2(logFd, 2);
            std::vector<char*> args;
            for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
            args.push_back(nullptr);
            ::execv(args[0], args.data());
            ::_exit(127);
        }
        ::close(logFd);
        if (pid < 0) {
            m_error = "fork failed";
            return false;
        }
        m_pid = pid;
        // Wait for "listening on HOST:PORT" in what this start wrote to the log.
        for (int i = 0; i < 3000; ++i) {  // up to 30 s (first start may hash passwords)
            std::ifstream in(m_logPath);
            in.seekg(static_cast<std::streamoff>(startOffset));
            std::string line;
            while (std::getline(in, line)) {
                const auto at = line.find("listening on ");
                if (at == std::string::npos) continue;
                const auto colon = line.rfind(':');
                if (colon == std::string::npos || colon < at) continue;
                const int port = std::atoi(line.c_str() + colon + 1);
                if (port > 0) {
                    m_port = port;
                    m_scheme = line.find("https://", at) != std::string::npos ? "https" : "http";
                    return true;
                }
            }
            int status = 0;
            if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = -1;
                m_error = "the server exited before listening:\n" + log().substr(startOffset);
                return false;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        m_error = "the server did not report listening in time";
        kill9();
        return false;
    }

    std::string m_binary;
    std::string m_dataDir;
    std::vector<std::string> m_extra;
    std::string m_logPath;
    std::string m_error;
    pid_t m_pid = -1;
    int m_port = 0;
    std::string m_scheme = "http";
};

/** Writes, into `dir`, a test CA (ca.pem, ca.key) and a certificate it signed for 127.0.0.1
 *  and localhost (server.pem, server.key), with the openssl tool; empty on success, else
 *  what openssl said. */
inline std::string makeTestCa(const std::string& dir) {
    const std::string ext = dir + "/ext.cnf";
    std::ofstream(ext) << "subjectAltName=IP:127.0.0.1,DNS:localhost\n";
    const std::string ec = "ec_paramgen_curve:P-256";
    const std::vector<std::vector<std::string>> steps = {
        {"/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", ec, "-nodes", "-keyout",
         dir + "/ca.key", "-out", dir + "/ca.pem", "-days", "2", "-subj", "/CN=NgheDan test CA"},
        {"/usr/bin/openssl", "req", "-newkey", "ec", "-pkeyopt", ec, "-nodes", "-keyout",
         dir + "/server.key", "-out", dir + "/server.csr", "-subj", "/CN=127.0.0.1"},
        {"/usr/bin/openssl", "x509", "-req", "-in", dir + "/server.csr", "-CA", dir + "/ca.pem",
         "-CAkey", dir + "/ca.key", "-CAcreateserial", "-out", dir + "/server.pem", "-days", "2",
         "-extfile", ext}};
    for (const auto& step : steps) {
        const CommandResult r = runCommand(step);
        if (r.exitCode != 0) return r.output.empty() ? std::string("openssl failed") : r.output;
    }
    return {};
}

}  // namespace nghedan::test
