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
            logCursor = ctx.replica->lastCursor();
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
        res.status = 200;
        res.set_content(ctx.metrics ? ctx.metrics->render(extra) : extra,
                        "text/plain; version=0.0.4; charset=utf-8");
    });
}

}  // namespace nghedan::server
