// /healthz (liveness) and /metrics (Prometheus text); neither needs a token.

#include "../context.h"
#include "../http_util.h"

namespace nghedan::server {

void registerHealthRoutes(httplib::Server& server, Context& ctx) {
    server.Get("/healthz", [&ctx](const httplib::Request&, httplib::Response& res) {
        sendJson(res, Json{{"status", "ok"}, {"epoch", ctx.epoch}, {"serverTime", serverNowMs()}});
    });

    const std::int64_t startedAt = serverNowMs();
    server.Get("/metrics", [&ctx, startedAt](const httplib::Request&, httplib::Response& res) {
        std::uint64_t logCursor = 0;
        {
            std::lock_guard lock(ctx.mutex);
            logCursor = ctx.store->lastCursor();
        }
        std::string extra =
            "# HELP nghedan_log_cursor Arrival position of the newest stored change.\n"
            "# TYPE nghedan_log_cursor gauge\n"
            "nghedan_log_cursor " +
            std::to_string(logCursor) +
            "\n# HELP nghedan_start_time_seconds Start time of the server process.\n"
            "# TYPE nghedan_start_time_seconds gauge\n"
            "nghedan_start_time_seconds " +
            std::to_string(startedAt / 1000) + "\n";
        if (ctx.connectionStats) {
            const ConnectionStats c = ctx.connectionStats();
            struct Line {
                const char *type, *name, *help;
                std::uint64_t value;
            };
            const Line lines[] = {
                {"gauge", "connections_open", "Connections held (waiting or served).", c.open},
                {"gauge", "connections_in_workers", "Connections a worker serves now.", c.inWorkers},
                {"counter", "connections_refused_total", "Connections closed at accept: over a limit.",
                 c.refused},
                {"counter", "connections_timed_out_total", "Connections closed for a missed deadline.",
                 c.timedOut},
                {"counter", "requests_busy_total", "Requests answered 503 after waiting for their turn.",
                 c.busy}};
            for (const Line& l : lines) {
                const std::string name = std::string("nghedan_") + l.name;
                extra += "# HELP " + name + " " + l.help + "\n# TYPE " + name + " " + l.type + "\n" +
                         name + " " + std::to_string(l.value) + "\n";
            }
        }
        res.status = 200;
        res.set_content(ctx.metrics ? ctx.metrics->render(extra) : extra,
                        "text/plain; version=0.0.4; charset=utf-8");
    });
}

}  // namespace nghedan::server
