// Bad input of every kind gets a clear 4xx JSON error; the server keeps serving and nothing
// stored changes. Also gzip both ways, versions, health and metrics.

#include <catch2/catch.hpp>

#include "nghedan/compression.h"

#include "http_util.h"
#include "test_server.h"

using namespace nghedan;
using namespace nghedan::testing;

namespace {

const std::string kTablet = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1";

std::string gzip(const std::string& data) { return gzipCompress(data, 9).value(); }

struct Served {
    InProcessServer server;
    std::string token;
    Served() {
        seedTestTree(server.context());
        token = login(server.baseUrl(), "canbo.q3", kTestPassword, kTablet);
        REQUIRE(!token.empty());
    }
    std::uint64_t changeCount() {
        std::lock_guard lock(server.context().mutex);
        return server.context().store->changeCount();
    }
    httplib::Headers auth() const { return authHeaders(token); }
    void stillServes() {
        CHECK(jsonGet(server.baseUrl(), "/healthz").status == 200);
        const std::uint64_t seq = nextSeq++;
        const Change c = makeChange(kTablet, seq, "petition", numbered("ok", seq), "q3-p4",
                                    "canbo.q3", petitionFields("Vẫn chạy"));
        CHECK(jsonPost(server.baseUrl(), "/api/v1/sync/push", pushBody({c}), token)
                  .body["accepted"] == 1);
    }
    std::uint64_t nextSeq = 1;
};

void checkError(const Reply& r, int status, const std::string& code) {
    CHECK(r.status == status);
    REQUIRE(r.body.is_object());
    CHECK(r.body["error"]["code"] == code);
    CHECK(r.body["error"]["message"].is_string());
}

}  // namespace

TEST_CASE("malformed JSON and wrong types get 400 JSON errors and the server keeps serving",
          "[limits]") {
    Served s;
    const std::string base = s.server.baseUrl();
    const std::uint64_t before = s.changeCount();
    checkError(rawPost(base, "/api/v1/sync/push", "{\"changes\": [", s.auth()), 400,
               "malformed_json");
    checkError(rawPost(base, "/api/v1/sync/push", "", s.auth()), 400, "malformed_json");
    checkError(rawPost(base, "/api/v1/sync/push", "\xff\xfe garbage", s.auth()), 400,
               "malformed_json");
    checkError(rawPost(base, "/api/v1/sync/push", "[1,2,3]", s.auth()), 400, "invalid_request");
    checkError(rawPost(base, "/api/v1/sync/push", "{\"changes\": 5}", s.auth()), 400,
               "invalid_request");
    checkError(rawPost(base, "/api/v1/sync/push", "{\"changes\": [42]}", s.auth()), 400,
               "malformed_change");
    checkError(rawPost(base, "/api/v1/sync/push",
                       std::string(100000, '[') + std::string(100000, ']'), s.auth()),
               400, "malformed_json");
    checkError(rawPost(base, "/api/v1/sync/pull", "{\"cursor\": {}}", s.auth()), 400,
               "invalid_request");
    checkError(rawPost(base, "/api/v1/auth/login", "{\"username\": [\"x\"]}"), 400,
               "invalid_request");
    CHECK(s.changeCount() == before);
    s.stillServes();
}

TEST_CASE("a body over the limit gets 413 and nothing is stored", "[limits]") {
    Served s;
    const std::string base = s.server.baseUrl();
    const std::uint64_t before = s.changeCount();
    // A push whose JSON is valid but 9 MiB long.
    Json body = pushBody({makeChange(kTablet, 1, "petition", "big", "q3-p4", "canbo.q3",
                                     petitionFields(std::string(9u << 20, 'x')))});
    checkError(rawPost(base, "/api/v1/sync/push", body.dump(), s.auth()), 413, "body_too_large");
    CHECK(s.changeCount() == before);
    s.stillServes();
}

TEST_CASE("a chunked body over the limit gets 413 and the server keeps serving", "[limits]") {
    Served s;
    const std::uint64_t before = s.changeCount();
    httplib::Client cli(s.server.baseUrl());
    cli.set_read_timeout(60, 0);
    const std::size_t total = 12u << 20;
    auto res = cli.Post(
        "/api/v1/sync/push", s.auth(),
        [total, sent = std::size_t(0)](std::size_t, httplib::DataSink& sink) mutable {
            if (sent == 0) {
                const std::string head = "{\"changes\":[],\"pad\":\"";
                sink.write(head.data(), head.size());
                sent += head.size();
                return true;
            }
            if (sent >= total) {
                sink.write("\"}", 2);
                sink.done();
                return true;
            }
            const std::string chunk(64 * 1024, 'a');
            sink.write(chunk.data(), chunk.size());
            sent += chunk.size();
            return true;
        },
        "application/json");
    REQUIRE(res);
    CHECK(res->status == 413);
    CHECK(Json::parse(res->body)["error"]["code"] == "body_too_large");
    CHECK(s.changeCount() == before);
    s.stillServes();

    SECTION("a small chunked body is read normally") {
        const std::string small =
            pushBody({makeChange(kTablet, 2, "petition", "chunked", "q3-p4", "canbo.q3",
                                 petitionFields("Gửi từng khúc"))})
                .dump();
        auto ok = cli.Post(
            "/api/v1/sync/push", s.auth(),
            [small, done = false](std::size_t, httplib::DataSink& sink) mutable {
                if (!done)
                    sink.write(small.data(), small.size());
                else
                    sink.done();
                done = true;
                return true;
            },
            "application/json");
        REQUIRE(ok);
        CHECK(ok->status == 200);
        CHECK(Json::parse(ok->body)["accepted"] == 1);
    }
}

TEST_CASE("a gzip body that inflates beyond the limit gets 413", "[limits]") {
    Served s;
    const std::string bomb =
        gzip("{\"changes\":[],\"pad\":\"" + std::string(40u << 20, ' ') + "\"}");
    REQUIRE(bomb.size() < (1u << 20));
    httplib::Headers headers = s.auth();
    headers.emplace("Content-Encoding", "gzip");
    checkError(rawPost(s.server.baseUrl(), "/api/v1/sync/push", bomb, headers), 413,
               "body_too_large");
    s.stillServes();
}

TEST_CASE("bodies are compressed both ways: gzip up, Brotli or gzip down, small replies plain",
          "[limits][gzip]") {
    Served s;
    std::vector<Change> batch;
    for (std::uint64_t i = 1; i <= 8; ++i)
        batch.push_back(makeChange(kTablet, i, "petition", numbered("gz", i), "q3-p4", "canbo.q3",
                                   petitionFields("Nén dữ liệu đường truyền")));
    httplib::Headers up = s.auth();
    up.emplace("Content-Encoding", "gzip");
    httplib::Client cli(s.server.baseUrl());
    cli.set_read_timeout(60, 0);  // as the other helpers: CI machines can be slow
    cli.set_decompress(false);
    auto pushed = cli.Post("/api/v1/sync/push", up, gzip(pushBody(batch).dump()), "application/json");
    REQUIRE(pushed);
    CHECK(pushed->status == 200);
    // The push reply is small: not worth a coding.
    CHECK_FALSE(pushed->has_header("Content-Encoding"));
    CHECK(Json::parse(pushed->body)["accepted"] == 8);

    const std::string pull = Json{{"cursor", 0}, {"limit", 100}}.dump();
    auto pullWith = [&](const std::string& accept) {
        httplib::Headers h = s.auth();
        if (!accept.empty()) h.emplace("Accept-Encoding", accept);
        auto res = cli.Post("/api/v1/sync/pull", h, pull, "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 200);
        return *res;
    };
    const httplib::Response plain = pullWith("");
    CHECK_FALSE(plain.has_header("Content-Encoding"));
    REQUIRE(plain.body.size() > 1024);
    const Json expected = Json::parse(plain.body)["changes"];
    CHECK(expected.size() >= 8);

    const httplib::Response gz = pullWith("gzip");
    CHECK(gz.get_header_value("Content-Encoding") == "gzip");
    CHECK(gz.get_header_value("Vary") == "Accept-Encoding");
    CHECK(gz.body.size() < plain.body.size());
    CHECK(Json::parse(gzipDecompress(gz.body).value())["changes"] == expected);

    // What browsers send: Brotli is chosen (at a fast quality, not httplib's 11).
    const httplib::Response br = pullWith("gzip, deflate, br");
    CHECK(br.get_header_value("Content-Encoding") == "br");
    CHECK(br.body.size() < gz.body.size());
    httplib::Client decoding(s.server.baseUrl());
    decoding.set_read_timeout(60, 0);
    httplib::Headers h = s.auth();
    h.emplace("Accept-Encoding", "br");
    auto decoded = decoding.Post("/api/v1/sync/pull", h, pull, "application/json");
    REQUIRE(decoded);
    CHECK(Json::parse(decoded->body)["changes"] == expected);

    // A coding refused with q=0 is not used.
    CHECK(pullWith("br;q=0, gzip").get_header_value("Content-Encoding") == "gzip");

    // Broken gzip data is a 400, not a crash.
    checkError(rawPost(s.server.baseUrl(), "/api/v1/sync/push", "not gzip at all", up), 400,
               "bad_body");
}

TEST_CASE("more than 2000 changes in one push get 413 too_many_changes", "[limits]") {
    Served s;
    std::vector<Change> batch;
    for (std::uint64_t i = 1; i <= 2001; ++i)
        batch.push_back(makeChange(kTablet, i, "petition", numbered("p", i), "q3-p4", "canbo.q3",
                                   petitionFields("x")));
    const std::uint64_t before = s.changeCount();
    checkError(jsonPost(s.server.baseUrl(), "/api/v1/sync/push", pushBody(batch), s.token), 413,
               "too_many_changes");
    CHECK(s.changeCount() == before);
    batch.pop_back();
    const Reply ok = jsonPost(s.server.baseUrl(), "/api/v1/sync/push", pushBody(batch), s.token);
    CHECK(ok.status == 200);
    CHECK(ok.body["accepted"] == 2000);
}

TEST_CASE("another API version gets 410 unsupported_version — unknown paths 404 JSON", "[limits]") {
    Served s;
    for (const char* path : {"/api/v0/sync/push", "/api/v2/sync/pull", "/api/v2/auth/login"})
        checkError(rawPost(s.server.baseUrl(), path, "{}", s.auth()), 410, "unsupported_version");
    checkError(jsonGet(s.server.baseUrl(), "/api/v0/sync/state", s.token), 410,
               "unsupported_version");
    checkError(jsonGet(s.server.baseUrl(), "/api/v1/no-such-thing", s.token), 404, "not_found");
    s.stillServes();
}

TEST_CASE("every response carries the server time", "[limits]") {
    Served s;
    for (const Reply& r : {jsonGet(s.server.baseUrl(), "/healthz"),
                           jsonGet(s.server.baseUrl(), "/api/v1/sync/state", s.token),
                           jsonGet(s.server.baseUrl(), "/api/v1/sync/state"),
                           rawPost(s.server.baseUrl(), "/api/v1/sync/pull", "{", s.auth())}) {
        CHECK(r.body["serverTime"].is_number_integer());
        CHECK(r.headers.count("X-Server-Time") == 1);
    }
}

TEST_CASE("healthz answers ok and metrics count requests, changes and latency",
          "[limits][metrics]") {
    Served s;
    const Reply health = jsonGet(s.server.baseUrl(), "/healthz");
    CHECK(health.status == 200);
    CHECK(health.body["status"] == "ok");
    s.stillServes();
    jsonPost(s.server.baseUrl(), "/api/v1/sync/push",
             pushBody({makeChange(kTablet, 5, "petition", "x", "q3-p4", "canbo.q3",
                                  petitionFields("gap"))}),
             s.token);
    jsonPost(s.server.baseUrl(), "/api/v1/sync/pull", Json{{"cursor", 0}}, s.token);
    httplib::Client cli(s.server.baseUrl());
    auto m = cli.Get("/metrics");
    REQUIRE(m);
    CHECK(m->status == 200);
    const std::string text = m->body;
    CHECK(text.find("nghedan_http_requests_total{route=\"/api/v1/sync/"
                    "push\",method=\"POST\",status=\"200\"} 2") != std::string::npos);
    CHECK(text.find("nghedan_changes_applied_total 1") != std::string::npos);
    CHECK(text.find("nghedan_changes_refused_total{code=\"seq_gap\"} 1") != std::string::npos);
    CHECK(text.find("nghedan_request_duration_seconds_count{route=\"/api/v1/sync/pull\"} 1") !=
          std::string::npos);
    CHECK(
        text.find(
            "nghedan_request_duration_seconds_bucket{route=\"/api/v1/sync/push\",le=\"+Inf\"} 2") !=
        std::string::npos);
}

TEST_CASE("an exception in a handler becomes a 500 JSON error", "[limits]") {
    InProcessServer server;
    // The exception handler is installed for every route; exercise it through a route added
    // for the test on a second server built the same way.
    httplib::Server http;
    server::installCommonHandlers(http, server.context());
    http.Get("/boom",
             [](const httplib::Request&, httplib::Response&) { throw std::runtime_error("boom"); });
    const int port = http.bind_to_any_port("127.0.0.1");
    std::thread t([&] { http.listen_after_bind(); });
    while (!http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const Reply r = jsonGet("http://127.0.0.1:" + std::to_string(port), "/boom");
    http.stop();
    t.join();
    checkError(r, 500, "internal");
}
