// What residents hear back (public_view.h, policy.h publicPetitionFields, workflow.h
// reportBackStep): receipt codes that tablets make offline without colliding, the public view
// that carries no personal field, and the report-back verdict that reopens a petition.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <thread>
#include <unordered_set>

#include "nghedan/policy.h"
#include "nghedan/public_view.h"
#include "nghedan/schema.h"
#include "nghedan/workflow.h"
#include "test_support.h"

using namespace nghedan;
using namespace nghedan::test;

TEST_CASE("a million receipt codes made on 50 tablets never collide and are unambiguous",
          "[public]") {
    // Each simulated tablet makes its record ids the way a tablet does (newRecordId, random)
    // and derives codes from them; no tablet asks anyone.
    constexpr int kTablets = 50, kPerTablet = 20'000;
    std::vector<std::vector<std::string>> codes(kTablets);
    std::vector<std::thread> tablets;
    for (int t = 0; t < kTablets; ++t)
        tablets.emplace_back([&codes, t] {
            codes[t].reserve(kPerTablet);
            for (int i = 0; i < kPerTablet; ++i) codes[t].push_back(receiptCode(newRecordId()));
        });
    for (std::thread& t : tablets) t.join();

    std::unordered_set<std::string> seen;
    seen.reserve(kTablets * kPerTablet);
    std::size_t bad = 0;
    for (const auto& list : codes)
        for (const std::string& code : list) {
            seen.insert(code);
            // KN-XXXX-XXXX-XXXX, only unambiguous symbols, and it reads back as itself.
            const bool wellFormed = code.size() == 17 && code.starts_with("KN-") &&
                                    code[7] == '-' && code[12] == '-' &&
                                    normaliseReceiptCode(code) == code;
            if (!wellFormed) ++bad;
            for (const char c : code.substr(3))
                if (c != '-' && std::string_view("0O1ILUV").find(c) != std::string_view::npos)
                    ++bad;
        }
    CHECK(bad == 0);
    CHECK(seen.size() == std::size_t(kTablets) * kPerTablet);
}

TEST_CASE("every replica shows a petition under the same receipt code and finds it by code",
          "[public]") {
    TempDir dir;
    auto a = openReplica(dir.file("a.db")), b = openReplica(dir.file("b.db"));
    introduce({a.get(), b.get()});
    const Change made = mustWrite(*a, {"petition", "", "kp5", "an", petitionFields("Xe khách đậu")});
    REQUIRE(b->apply(allChanges(*a)).ok());
    const std::string code = receiptCode(made.id);
    for (Replica* r : {a.get(), b.get()}) {
        auto rec = r->get("petition", made.id);
        REQUIRE(rec.ok());
        REQUIRE(rec->has_value());
        CHECK((*rec)->values["receipt_code"] == code);
        // Typed in lower case, without dashes, into the search box: found by its code.
        ListQuery q;
        q.search = "kn " + code.substr(3, 4) + code.substr(8, 4) + " " + code.substr(13);
        auto page = r->list(q);
        REQUIRE(page.ok());
        REQUIRE(page->rows.size() == 1);
        CHECK(page->rows[0]["id"] == made.id);
        // Not public yet: the public query does not find it, by code or in a list.
        CHECK(r->list(publicPetitionsQuery(code))->rows.empty());
        CHECK(r->list(publicPetitionsQuery())->rows.empty());
    }
    mustWrite(*b, {"petition", made.id, "", "binh", {{"public", true}}});
    REQUIRE(a->apply(allChanges(*b)).ok());
    for (Replica* r : {a.get(), b.get()}) {
        auto page = r->list(publicPetitionsQuery(code));
        REQUIRE(page.ok());
        REQUIRE(page->rows.size() == 1);
        CHECK(isPublicPetition(page->rows[0]));
        CHECK(r->list(publicPetitionsQuery())->total == 1);
        CHECK(r->list(publicPetitionsQuery(receiptCode("another id")))->rows.empty());
    }
}

TEST_CASE("typed receipt codes are forgiven case and separators but not other symbols",
          "[public]") {
    CHECK(normaliseReceiptCode("kn-7qh3-m2xa-9fpd") == "KN-7QH3-M2XA-9FPD");
    CHECK(normaliseReceiptCode(" 7QH3 M2XA 9FPD ") == "KN-7QH3-M2XA-9FPD");
    CHECK(normaliseReceiptCode("KN.7QH3.M2XA.9FPD") == "KN-7QH3-M2XA-9FPD");
    CHECK_FALSE(normaliseReceiptCode("KN-7QH3-M2XA-9FP"));   // a symbol short
    CHECK_FALSE(normaliseReceiptCode("KN-7QH3-M2XA-9FPDD"));  // a symbol too many
    CHECK_FALSE(normaliseReceiptCode("KN-7QH0-M2XA-9FPD"));  // 0 is never in a code
    CHECK_FALSE(normaliseReceiptCode("KN-7QH3-M2XA-9FPĐ"));
    CHECK_FALSE(normaliseReceiptCode(std::string(100'000, 'A')));
}

TEST_CASE("the public view of a petition holds no personal or internal field", "[public]") {
    const EntityDef* petition = findEntity("petition");
    REQUIRE(petition);
    for (const FieldDef& f : petition->fields) {
        INFO(f.name);
        if (f.personal) CHECK_FALSE(std::count(publicPetitionFields().begin(),
                                               publicPetitionFields().end(), f.name));
    }
    Json row = {{"id", "p1"},          {"title", "Đèn đường hỏng"},
                {"petitioner_name", "MARKER-NAME"}, {"petitioner_contact", "0909"},
                {"description", "nhà bà Tư"}, {"status_reason", "nội bộ"},
                {"status", "resolved"},    {"receipt_code", "KN-2222-3333-4444"},
                {"public", true},          {"created_by", "canbo.q3"}};
    const Json view = publicPetitionView(row);
    CHECK(view["title"] == "Đèn đường hỏng");
    CHECK(view["receipt_code"] == "KN-2222-3333-4444");
    for (const char* hidden :
         {"id", "petitioner_name", "petitioner_contact", "description", "status_reason",
          "created_by", "public"})
        CHECK_FALSE(view.contains(hidden));
    CHECK(isPublicPetition(row));
    row["deleted"] = true;
    CHECK_FALSE(isPublicPetition(row));
    CHECK_FALSE(isPublicPetition({{"public", false}}));
    CHECK_FALSE(isPublicPetition({{"title", "never marked"}}));
}

TEST_CASE("residents not satisfied with an answer reopen the petition", "[public][workflow]") {
    const auto step = reportBackStep("resolved", "unsatisfied", "  đèn vẫn chưa sáng ");
    REQUIRE(step);
    CHECK(step->to == "in_progress");
    CHECK(step->reason == "Người dân chưa hài lòng khi báo cáo lại: đèn vẫn chưa sáng");
    // The step goes through the workflow like any other: reopening clears resolved_at.
    auto fields = petitionStepFields({{"status", "closed"}, {"resolved_at", 1}},
                                     *reportBackStep("closed", "unsatisfied", ""), 5, {});
    REQUIRE(fields);
    CHECK(fields->at("status") == "in_progress");
    CHECK(fields->at("resolved_at").is_null());
    CHECK(fields->at("status_reason") == "Người dân chưa hài lòng khi báo cáo lại");
    // Satisfied, or a petition still being worked on: the status stays.
    CHECK_FALSE(reportBackStep("resolved", "satisfied", ""));
    CHECK_FALSE(reportBackStep("in_progress", "unsatisfied", "chậm"));
}

TEST_CASE("a petition is reported back until the residents accept its latest answer",
          "[public][workflow]") {
    CHECK(dueForReportBack({{"status", "in_progress"}}, std::nullopt));
    CHECK(dueForReportBack({{"status", "in_progress"}}, 100));
    const Json answered = {{"status", "resolved"}, {"resolved_at", 200}};
    CHECK(dueForReportBack(answered, std::nullopt));
    CHECK(dueForReportBack(answered, 100));  // accepted an earlier answer, not this one
    CHECK_FALSE(dueForReportBack(answered, 300));
    CHECK_FALSE(dueForReportBack({{"status", "withdrawn"}}, std::nullopt));
}

TEST_CASE("the results notice reads as Vietnamese text with codes, status and results",
          "[public]") {
    NoticeItem item{{{"title", "Xe khách đậu trong hẻm"},
                     {"receipt_code", "KN-2222-3333-4444"},
                     {"received_at", 1'762'300'800'000LL},  // 2025-11-05 07:00 in Vietnam
                     {"category", "urban_transport"},
                     {"status", "resolved"},
                     {"resolved_at", 1'763'596'800'000LL},
                     {"resolution", "Đã cắm biển cấm dừng đỗ"}},
                    "Khu phố 3",
                    "Công an phường Võ Thị Sáu"};
    const std::string text = resultsNoticeText("Khu phố 3, phường Võ Thị Sáu", "2025-11-01",
                                               "2025-11-30", {item}, "https://x/tra-cuu");
    CHECK_THAT(text, Catch::Contains("THÔNG BÁO KẾT QUẢ GIẢI QUYẾT KIẾN NGHỊ"));
    CHECK_THAT(text, Catch::Contains("từ ngày 01/11/2025 đến ngày 30/11/2025: 1 kiến nghị"));
    CHECK_THAT(text, Catch::Contains("1. Xe khách đậu trong hẻm"));
    CHECK_THAT(text, Catch::Contains("Mã tra cứu: KN-2222-3333-4444 · Tiếp nhận ngày 05/11/2025 · "
                                     "Trật tự đô thị, giao thông"));
    CHECK_THAT(text, Catch::Contains("Tình trạng: Đã giải quyết ngày 20/11/2025"));
    CHECK_THAT(text, Catch::Contains("Cơ quan chủ trì: Công an phường Võ Thị Sáu"));
    CHECK_THAT(text, Catch::Contains("Kết quả: Đã cắm biển cấm dừng đỗ"));
    CHECK_THAT(text, Catch::Contains("https://x/tra-cuu"));
    CHECK_THAT(resultsNoticeText("Khu phố 1", "2025-11-01", "2025-11-30", {}, ""),
               Catch::Contains("Không có kiến nghị công khai nào"));
}
