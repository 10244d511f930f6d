// GET /tra-cuu: residents look up their petition by the receipt code on their slip, with no
// login. Server-rendered HTML that works without JavaScript on a 360 px phone, loads nothing
// from elsewhere, sets no cookie and keeps nothing of the visitor.
#include <sodium.h>

#include "context.h"
#include "http_util.h"
#include "markup.h"
#include "nghedan/calendar.h"
#include "nghedan/labels.h"
#include "public_petitions.h"
#include "rate_limit.h"

namespace nghedan::server {
namespace {

/** Longest input echoed back: a code is 17 characters; more is never one. */
constexpr std::size_t kMaxEcho = 40;

constexpr std::string_view kStyle =
    "body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#f6f6f4}"
    "main{max-width:40rem;margin:0 auto;padding:1rem}"
    "h1{font-size:1.3rem;margin:.5rem 0 1rem}h2{font-size:1.15rem;margin:0 0 .25rem}"
    "h3{font-size:1rem;margin:1rem 0 .25rem}"
    "form{display:flex;flex-wrap:wrap;gap:.5rem;margin-bottom:1rem}"
    "label{width:100%}input{flex:1 1 12rem;min-width:0;font:inherit;padding:.5rem;"
    "border:1px solid #888;border-radius:4px;text-transform:uppercase}"
    "button{font:inherit;padding:.5rem 1rem;border:0;border-radius:4px;background:#a50e0e;"
    "color:#fff}"
    "section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1rem}"
    "dl{margin:.5rem 0}dt{font-weight:600;margin-top:.5rem}dd{margin:0;overflow-wrap:anywhere}"
    "ol{padding-left:1.25rem;margin:.25rem 0}.code{color:#555;margin:0}"
    ".note{color:#555;font-size:.9rem}";

/** The Content-Security-Policy: nothing but this page's own style block (by its hash) and the
 *  form posting back here. */
const std::string& contentSecurityPolicy() {
    static const std::string csp = [] {
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(kStyle.data()),
                           kStyle.size());
        char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES,
                                           sodium_base64_VARIANT_ORIGINAL)];
        sodium_bin2base64(b64, sizeof b64, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
        return std::string("default-src 'none'; style-src 'sha256-") + b64 +
               "'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }();
    return csp;
}

void setPublicHeaders(httplib::Response& res) {
    res.set_header("Content-Security-Policy", contentSecurityPolicy());
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Robots-Tag", "noindex");
}

std::string page(const std::string& echo, const std::string& body) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta name=\"robots\" content=\"noindex\">"
        "<title>Tra cứu kiến nghị</title><style>";
    out += kStyle;
    out +=
        "</style></head><body><main><h1>Tra cứu kết quả giải quyết kiến nghị</h1>"
        "<form method=\"get\" action=\"/tra-cuu\"><label for=\"ma\">Mã tra cứu in trên "
        "phiếu tiếp nhận</label><input id=\"ma\" name=\"ma\" value=\"";
    out += htmlEscape(echo);
    out +=
        "\" placeholder=\"KN-XXXX-XXXX-XXXX\" maxlength=\"40\" autocomplete=\"off\" "
        "spellcheck=\"false\" required><button type=\"submit\">Tra cứu</button></form>";
    out += body;
    out +=
        "<p class=\"note\">Chỉ tra cứu được các kiến nghị đã được công khai. Trang này không "
        "lưu thông tin của người tra cứu.</p></main></body></html>\n";
    return out;
}

std::string field(const char* name, const std::string& value) {
    if (value.empty()) return {};
    return "<dt>" + htmlEscape(fieldLabel("petition", name, Lang::Vi)) + "</dt><dd>" +
           htmlEscape(value) + "</dd>";
}

std::string found(const PublicPetition& p) {
    const Json& v = p.view;
    std::string received;
    if (const auto it = v.find("received_at"); it != v.end() && it->is_number_integer())
        received = viDay(it->get<std::int64_t>());
    std::string out = "<section><h2>" + htmlEscape(textOf(v, "title")) + "</h2><p class=\"code\">" +
                      htmlEscape(fieldLabel("petition", "receipt_code", Lang::Vi)) + ": " +
                      htmlEscape(textOf(v, "receipt_code")) + "</p><dl>";
    out += field("category", enumLabel("petition", "category", textOf(v, "category"), Lang::Vi));
    out += field("unit", p.unitName);
    out += field("received_at", received);
    out += field("status", enumLabel("petition", "status", textOf(v, "status"), Lang::Vi));
    out += field("lead_agency", p.agencyName);
    out += field("due_date", viDay(textOf(v, "due_date")));
    out += field("resolution", textOf(v, "resolution"));
    out += field("public_note", textOf(v, "public_note"));
    out += "</dl>";
    if (!p.steps.empty()) {
        out += "<h3>Quá trình giải quyết</h3><ol>";
        for (const Json& step : p.steps) {
            const std::int64_t at = step.value("at", std::int64_t{0});
            out += "<li><time datetime=\"" + vietnamDate(at) + "\">" + viDay(at) + "</time>: " +
                   htmlEscape(enumLabel("petition", "status", step.value("status", std::string()),
                                        Lang::Vi)) +
                   "</li>";
        }
        out += "</ol>";
    }
    return out + "</section>";
}

std::string notFound(const std::string& echo) {
    return "<section><h2>Không tìm thấy kiến nghị</h2><p>Không có kiến nghị công khai nào mang "
           "mã <strong>" +
           htmlEscape(echo) +
           "</strong>. Xin kiểm tra lại mã trên phiếu tiếp nhận (dạng KN-XXXX-XXXX-XXXX); nếu "
           "kiến nghị chưa được công khai, xin hỏi cán bộ khu phố.</p></section>";
}

/** What is echoed of the typed code: its canonical form, or the typed text cut short. */
std::string echoOf(const std::string& typed) {
    if (auto code = normaliseReceiptCode(typed)) return *code;
    std::string cut = typed.substr(0, kMaxEcho);
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80)
        cut.pop_back();  // never half a character
    if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) cut.pop_back();
    return cut;
}

}  // namespace

void registerPublicLookupRoutes(httplib::Server& server, Context& ctx) {
    server.Get("/tra-cuu", [&ctx](const httplib::Request& req, httplib::Response& res) {
        setPublicHeaders(res);
        if (auto wait = ctx.publicLimiter->take(clientAddress(ctx, req))) {
            res.set_header("Retry-After", std::to_string(*wait));
            res.status = 429;
            res.set_content(page("",
                                 "<section><h2>Quá nhiều yêu cầu</h2><p>Bạn đã tra cứu quá "
                                 "nhiều lần trong thời gian ngắn. Xin thử lại sau " +
                                     std::to_string(*wait) + " giây.</p></section>"),
                            "text/html; charset=utf-8");
            return;
        }
        const std::string typed = req.get_param_value("ma");
        if (typed.empty()) {
            res.set_content(page("", ""), "text/html; charset=utf-8");
            return;
        }
        std::optional<PublicPetition> petition;
        {
            std::lock_guard lock(ctx.mutex);
            auto result = findPublicPetition(*ctx.store, *ctx.publicNames, typed);
            if (!result) {
                logLine(LogLevel::Error, "public lookup: " + result.error().message);
                res.status = 500;
                res.set_content(page(echoOf(typed),
                                     "<section><h2>Lỗi máy chủ</h2><p>Xin thử lại sau.</p>"
                                     "</section>"),
                                "text/html; charset=utf-8");
                return;
            }
            petition = std::move(*result);
        }
        const std::string echo = echoOf(typed);
        res.status = petition ? 200 : 404;
        res.set_content(page(echo, petition ? found(*petition) : notFound(echo)),
                        "text/html; charset=utf-8");
    });
}

}  // namespace nghedan::server
