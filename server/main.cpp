// nghedan-server: `serve` runs the sync server; the other subcommands administer a data
// directory (admin.cpp). Wiring only.

#include <csignal>
#include <cstdio>
#include <iostream>
#include <thread>

#include <pthread.h>

#include "admin.h"
#include "app.h"
#include "http_util.h"

namespace {

int serve(const std::vector<std::string>& args) {
    using namespace nghedan::server;
    auto options = parseServeOptions(args);
    if (!options) {
        std::cerr << options.error().message << "\n\n" << serveUsage();
        return 2;
    }
    // SIGINT/SIGTERM are taken by a dedicated thread (blocked everywhere else), which stops
    // the server cleanly: in-flight requests finish, the database closes.
    // A shell starts background jobs with SIGINT ignored; an ignored signal is discarded even
    // while blocked, so restore the default first.
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    ServerApp app(*options);
    if (auto s = app.open(); !s) {
        std::cerr << "cannot open " << options->dataDir << ": " << s.error().message << "\n";
        return 1;
    }
    auto port = app.bind();
    if (!port) {
        std::cerr << port.error().message << "\n";
        return 1;
    }
    std::thread signalThread([&app, signals] {
        int sig = 0;
        sigwait(&signals, &sig);
        logLine(LogLevel::Info,
                std::string("signal ") + (sig == SIGINT ? "SIGINT" : "SIGTERM") + ": stopping");
        while (!app.finished()) {
            app.stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    std::cout << "listening on " << (options->tlsCert.empty() ? "http" : "https") << "://"
              << options->address << ":" << *port << std::endl;
    logLine(LogLevel::Info, "serving " + options->dataDir + " on " + app.baseUrl() + " (epoch " +
                                app.context().epoch + ")");
    const bool ok = app.run();
    if (!ok && !app.finished()) logLine(LogLevel::Error, "the server stopped unexpectedly");
    // Wake the signal thread if the server ended by itself.
    pthread_kill(signalThread.native_handle(), SIGTERM);
    signalThread.join();
    logLine(LogLevel::Info, "stopped");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << "usage: nghedan-server serve [options] | user ... | import ... | backup DEST "
                     "| stats\n\n"
                  << nghedan::server::serveUsage() << "\n"
                  << nghedan::server::adminUsage();
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "serve") return serve({args.begin() + 1, args.end()});
    return nghedan::server::runAdminCommand(args);
}
