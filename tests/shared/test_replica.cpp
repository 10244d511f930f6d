#include <catch2/catch.hpp>

#include "test_support.h"

using namespace nghedan;
using namespace nghedan::test;

namespace {

/** Two replicas that both hold a freshly created petition "p1". */
struct Pair {
    TempDir dir;
    std::unique_ptr<Replica> a = openReplica(dir.file("a.db"));
    std::unique_ptr<Replica> b = openReplica(dir.file("b.db"));
    Pair() {
        introduce({a.get(), b.get()});
        mustWrite(*a, {"petition", "p1", "kp5", "an", petitionFields("Mất thông tin hộ tịch")});
        sync(*a, *b);
    }
    static void sync(Replica& from, Replica& to) {
        auto report = to.apply(allChanges(from));
        REQUIRE(report.ok());
        REQUIRE(report->refused.empty());
    }
    void exchange() {
        sync(*a, *b);
        sync(*b, *a);
    }
};

Json field(Replica& r, const std::string& name) {
    auto rec = r.get("petition", "p1");
    REQUIRE(rec.ok());
    REQUIRE(rec->has_value());
    return (*rec)->values[name];
}

}  // namespace

TEST_CASE("concurrent edits make one conflict holding both values", "[replica]") {
    Pair p;
    mustWrite(*p.a, {"petition", "p1", "", "an", {{"title", "Cấp căn cước gắn chip"}}});
    mustWrite(*p.b, {"petition", "p1", "", "binh", {{"title", "Cấp thẻ BHYT miễn phí"}}});
    p.exchange();

    for (Replica* r : {p.a.get(), p.b.get()}) {
        auto rec = r->get("petition", "p1");
        REQUIRE(rec.ok());
        const RecordView& view = **rec;
        CHECK(view.values["conflicts"] == 1);
        REQUIRE(view.conflicts.count("title") == 1);
        std::set<std::string> values;
        for (const VersionView& v : view.conflicts.at("title")) values.insert(v.value.get<std::string>());
        CHECK(values == std::set<std::string>{"Cấp căn cước gắn chip", "Cấp thẻ BHYT miễn phí"});
    }
    // Both replicas show the same value meanwhile.
    CHECK(field(*p.a, "title") == field(*p.b, "title"));
    CHECK(*p.a->materialisedDump() == *p.b->materialisedDump());
}

TEST_CASE("resolving a conflict clears it on every replica", "[replica]") {
    Pair p;
    mustWrite(*p.a, {"petition", "p1", "", "an", {{"description", "Bản A"}}});
    mustWrite(*p.b, {"petition", "p1", "", "binh", {{"description", "Bản B"}}});
    p.exchange();
    REQUIRE(field(*p.a, "conflicts") == 1);

    const Change resolution =
        mustWrite(*p.b, {"petition", "p1", "", "binh", {{"description", "Bản A và B đã gộp"}}});
    CHECK(resolution.bases.at("description").size() == 2);
    p.exchange();
    for (Replica* r : {p.a.get(), p.b.get()}) {
        CHECK(field(*r, "conflicts") == 0);
        CHECK(field(*r, "description") == "Bản A và B đã gộp");
        auto rec = r->get("petition", "p1");
        CHECK((*rec)->conflicts.empty());
    }
}

TEST_CASE("an edit concurrent with a delete is kept", "[replica]") {
    Pair p;
    mustWrite(*p.a, {"petition", "p1", "", "an", {{"deleted", true}}});
    mustWrite(*p.b, {"petition", "p1", "", "binh", {{"status", "assigned"}}});
    p.exchange();
    for (Replica* r : {p.a.get(), p.b.get()}) {
        CHECK(field(*r, "deleted") == true);
        CHECK(field(*r, "status") == "assigned");
        // Undeleting later shows the edit.
    }
    mustWrite(*p.a, {"petition", "p1", "", "an", {{"deleted", false}}});
    p.exchange();
    auto page = p.b->list({});
    REQUIRE(page.ok());
    REQUIRE(page->total == 1);
    CHECK(page->rows[0]["status"] == "assigned");
}

TEST_CASE("a change arriving before its base ends in the same state", "[replica]") {
    TempDir dir;
    auto a = openReplica(dir.file("a.db"));
    auto b = openReplica(dir.file("b.db"));
    introduce({a.get(), b.get()});
    mustWrite(*a, {"petition", "p1", "kp5", "an", petitionFields("Xe khách dừng đỗ")});
    mustWrite(*a, {"petition", "p1", "", "an", {{"status", "assigned"}}});
    mustWrite(*a, {"petition", "p1", "", "an", {{"status", "escalated"}}});
    auto changes = allChanges(*a);
    REQUIRE(changes.size() == 3);

    // Newest first, one at a time, so the supersession is known before the value it hides.
    for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
        auto report = b->apply({*it});
        REQUIRE(report.ok());
        CHECK(report->applied == 1);
    }
    CHECK(*a->materialisedDump() == *b->materialisedDump());
    CHECK(field(*b, "status") == "escalated");
    CHECK(field(*b, "conflicts") == 0);
}

TEST_CASE("duplicated changes change nothing", "[replica]") {
    Pair p;
    mustWrite(*p.a, {"petition", "p1", "", "an", {{"status", "assigned"}}});
    auto changes = allChanges(*p.a);
    const std::string before = *p.b->materialisedDump();
    auto first = p.b->apply(changes);
    REQUIRE(first.ok());
    CHECK(first->applied == 1);
    const std::string after = *p.b->materialisedDump();
    CHECK(after != before);
    std::vector<Change> twice = changes;
    twice.insert(twice.end(), changes.begin(), changes.end());
    auto again = p.b->apply(twice);
    REQUIRE(again.ok());
    CHECK(again->applied == 0);
    CHECK(again->duplicates == twice.size());
    CHECK(*p.b->materialisedDump() == after);
    CHECK(p.b->changeCount() == 2);
}

TEST_CASE("replicas with clocks far ahead and far behind still converge", "[replica]") {
    TempDir dir;
    const std::int64_t now = 1'750'000'000'000;
    const std::int64_t year = 365LL * 24 * 3600 * 1000;
    auto ahead = openReplica(dir.file("ahead.db"), {[&] { return now + year; }});
    auto behind = openReplica(dir.file("behind.db"), {[&] { return now - year; }});
    introduce({ahead.get(), behind.get()});
    mustWrite(*behind, {"petition", "p1", "kp5", "an", petitionFields("Rác thải")});
    REQUIRE(ahead->apply(allChanges(*behind)).ok());
    mustWrite(*ahead, {"petition", "p1", "", "binh", {{"status", "assigned"}}});
    // The replica behind edits after it has seen the change from the future: its HLC follows.
    REQUIRE(behind->apply(allChanges(*ahead)).ok());
    const Change later = mustWrite(*behind, {"petition", "p1", "", "an", {{"status", "in_progress"}}});
    CHECK(later.bases.at("status").size() == 1);
    REQUIRE(ahead->apply(allChanges(*behind)).ok());
    CHECK(*ahead->materialisedDump() == *behind->materialisedDump());
    CHECK(field(*ahead, "status") == "in_progress");
    CHECK(field(*ahead, "conflicts") == 0);
}

TEST_CASE("history keeps every value with its author, time and replica", "[replica]") {
    Pair p;
    mustWrite(*p.a, {"petition", "p1", "", "an", {{"status", "assigned"}}});
    p.exchange();
    mustWrite(*p.b, {"petition", "p1", "", "binh", {{"status", "in_progress"}}});
    p.exchange();
    auto history = p.a->history("petition", "p1");
    REQUIRE(history.ok());
    std::vector<std::tuple<std::string, std::string, bool>> statuses;
    for (const VersionView& v : *history)
        if (v.field == "status") statuses.emplace_back(v.value.get<std::string>(), v.author, v.current);
    CHECK(statuses == std::vector<std::tuple<std::string, std::string, bool>>{
                          {"received", "an", false},
                          {"assigned", "an", false},
                          {"in_progress", "binh", true}});
    for (const VersionView& v : *history) CHECK(isValidSiteId(v.dot.site));
}

TEST_CASE("a write survives closing and reopening the file", "[replica]") {
    TempDir dir;
    std::string site;
    {
        auto r = openReplica(dir.file("a.db"));
        site = r->siteId();
        mustWrite(*r, {"meeting", "m1", "kp5", "an",
                       {{"title", "Gặp gỡ khu phố 5"}, {"held_at", 1678435200000LL},
                        {"minutes", "Biên bản..."}}});
    }
    auto r = openReplica(dir.file("a.db"));
    CHECK(r->siteId() == site);
    auto rec = r->get("meeting", "m1");
    REQUIRE(rec.ok());
    REQUIRE(rec->has_value());
    CHECK((*rec)->values["minutes"] == "Biên bản...");
    const Change next = mustWrite(*r, {"meeting", "m1", "", "an", {{"minutes", "Biên bản đầy đủ"}}});
    CHECK(next.seq == 2);
}

TEST_CASE("a record's unit never changes", "[replica]") {
    TempDir dir;
    auto r = openReplica(dir.file("a.db"));
    mustWrite(*r, {"petition", "p1", "kp5", "an", petitionFields("Ngập")});
    auto moved = r->write({"petition", "p1", "kp6", "an", {{"status", "assigned"}}});
    REQUIRE_FALSE(moved.ok());
    CHECK(moved.error().code == "unit_immutable");
}

TEST_CASE("unsent changes, acknowledgement and refusal", "[replica][sync]") {
    TempDir dir;
    auto tablet = openReplica(dir.file("t.db"));
    mustWrite(*tablet, {"petition", "p1", "kp5", "an", petitionFields("Đèn đường")});
    mustWrite(*tablet, {"petition", "p1", "", "an", {{"status", "assigned"}}});
    mustWrite(*tablet, {"petition", "p1", "", "an", {{"title", "Đèn đường hẻm 7"}}});
    CHECK(tablet->unsentCount() == 3);
    REQUIRE(tablet->markAcked(1).ok());
    auto unsent = tablet->unsent(10);
    REQUIRE(unsent.ok());
    REQUIRE(unsent->size() == 2);
    CHECK((*unsent)[0].seq == 2);

    SECTION("a refused change leaves the state and stays visible with its reason") {
        REQUIRE(tablet->markRefused({tablet->siteId(), 2}, {"forbidden", "ngoài phạm vi"}).ok());
        CHECK(field(*tablet, "status") == "received");
        CHECK(field(*tablet, "title") == "Đèn đường hẻm 7");
        auto refused = tablet->refusedChanges();
        REQUIRE(refused.ok());
        REQUIRE(refused->size() == 1);
        CHECK((*refused)[0].reason.message == "ngoài phạm vi");
        CHECK((*refused)[0].change.set.at("status") == "assigned");
        // Rebuilding from the changes gives the same state.
        const std::string dump = *tablet->materialisedDump();
        REQUIRE(tablet->rebuildMaterialised().ok());
        CHECK(*tablet->materialisedDump() == dump);
    }
    SECTION("re-stamping keeps the authors' order and follows the corrected clock") {
        const std::int64_t server = systemMillis();
        const std::int64_t year = 365LL * 24 * 3600 * 1000;
        auto ahead = openReplica(dir.file("ahead.db"), {[&] { return server + year; }});
        mustWrite(*ahead, {"petition", "q1", "kp5", "an", petitionFields("Cây xanh")});
        mustWrite(*ahead, {"petition", "q1", "", "an", {{"status", "assigned"}}});
        ahead->clock().learnServerTime(server);
        REQUIRE(ahead->restampUnsent().ok());
        auto restamped = ahead->unsent(10);
        REQUIRE(restamped->size() == 2);
        CHECK((*restamped)[0].hlc < (*restamped)[1].hlc);
        CHECK(hlcMillis((*restamped)[1].hlc) < server + 60'000);
        CHECK(hlcMillis((*restamped)[0].hlc) >= server);
        // The offset is remembered across restarts.
        CHECK(ahead->meta("clock_offset") == std::to_string(-year));
    }
}

TEST_CASE("the server's contiguous push refuses gaps and counts final refusals", "[replica][sync]") {
    TempDir dir;
    auto tablet = openReplica(dir.file("t.db"));
    auto server = openReplica(dir.file("s.db"));
    introduce({tablet.get(), server.get()});
    for (const char* id : {"p0", "p1", "p2", "p3"})
        mustWrite(*tablet, {"petition", id, "kp5", "an", petitionFields("Kiến nghị")});
    auto changes = *tablet->unsent(10);
    ApplyOptions push;
    push.validation = Validation::Strict;
    push.requireContiguous = true;
    push.authorize = [](const Change& c, bool) -> std::optional<Error> {
        if (c.id == "p1") return Error{"forbidden", "not allowed"};
        return std::nullopt;
    };
    // seq 1, 2 (refused), 4: 4 is a gap.
    auto report = server->apply({changes[0], changes[1], changes[3]}, push);
    REQUIRE(report.ok());
    CHECK(report->applied == 1);
    REQUIRE(report->refused.size() == 2);
    CHECK(report->refused[0].error.code == "forbidden");
    CHECK(report->refused[1].error.code == "seq_gap");
    CHECK(report->highestSeq.at(tablet->siteId()) == 2);
    auto resend = server->apply({changes[2], changes[3]}, push);
    REQUIRE(resend.ok());
    CHECK(resend->applied == 2);
    CHECK(resend->highestSeq.at(tablet->siteId()) == 4);
}

TEST_CASE("a replica restored from a backup takes a new site and gets its lost writes back",
          "[replica][sync]") {
    TempDir dir;
    auto server = openReplica(dir.file("s.db"));
    mustWrite(*server, {"unit", "q3", "q3", "admin", {{"name", "Quận 3"}, {"level", "district"}}});
    {
        auto file = Database::open(dir.file("s.db"));  // the backup tool's own connection
        REQUIRE(file.ok());
        REQUIRE(file->backupTo(dir.file("backup.db")).ok());
    }
    const Change lost =
        mustWrite(*server, {"unit", "q12", "q12", "admin", {{"name", "Quận 12"}, {"level", "district"}}});
    auto tablet = openReplica(dir.file("t.db"));
    introduce({tablet.get(), server.get()});
    REQUIRE(tablet->apply(allChanges(*server)).ok());

    server.reset();
    auto restored = openReplica(dir.file("backup.db"));
    const std::string oldSite = restored->siteId();
    const std::string oldKey = restored->publicKey();
    REQUIRE(restored->renewSite().ok());
    CHECK(restored->siteId() != oldSite);
    // A new site has a new key; the old site's key still proves what it wrote.
    CHECK(restored->publicKey() != oldKey);
    introduce({tablet.get(), restored.get()});
    auto report = restored->apply(allChanges(*tablet));
    REQUIRE(report.ok());
    CHECK(report->refused.empty());
    CHECK(report->applied == 1);
    const Change next =
        mustWrite(*restored, {"unit", "p4", "p4", "admin", {{"name", "Phường 4"}, {"level", "ward"}, {"parent", "q3"}}});
    CHECK(next.dot() != lost.dot());
    CHECK(next.seq == 1);
    REQUIRE(tablet->apply(allChanges(*restored)).ok());
    CHECK(*tablet->materialisedDump() == *restored->materialisedDump());
}

TEST_CASE("a refused change sent again hears the same refusal, not a duplicate",
          "[replica][sync]") {
    TempDir dir;
    auto tablet = openReplica(dir.file("t.db"));
    auto server = openReplica(dir.file("s.db"));
    introduce({tablet.get(), server.get()});
    mustWrite(*tablet, {"petition", "p1", "kp9", "an", petitionFields("Ngoài địa bàn")});
    ApplyOptions push;
    push.requireContiguous = true;
    push.authorize = [](const Change&, bool) -> std::optional<Error> {
        return Error{"out_of_scope", "kp9 is outside your area"};
    };
    auto first = server->apply(*tablet->unsent(10), push);
    REQUIRE(first.ok());
    REQUIRE(first->refused.size() == 1);
    // The reply was lost: the tablet sends the same change again.
    auto again = server->apply(*tablet->unsent(10), push);
    REQUIRE(again.ok());
    CHECK(again->duplicates == 0);
    REQUIRE(again->refused.size() == 1);
    CHECK(again->refused[0].error.code == "out_of_scope");
    CHECK(again->highestSeq.at(tablet->siteId()) == 1);
    CHECK(server->changeCount() == 0);
}

TEST_CASE("a page of change text ends at its byte size, never empty, and leaves out held changes",
          "[replica][sync]") {
    TempDir dir;
    auto r = openReplica(dir.file("a.db"));
    std::vector<Change> written;
    for (int i = 0; i < 6; ++i)
        written.push_back(mustWrite(
            *r, {"petition", "", "kp5", "an", petitionFields(std::string(200, 'x') + "#" +
                                                             std::to_string(i))}));
    auto texts = r->changeTextsAfter(0, "", PageSize{100, 1});
    REQUIRE(texts.ok());
    CHECK(texts->changes.size() == 1);  // one change even when it alone is over the size
    CHECK(texts->more);
    CHECK(texts->changes[0] == toJsonText(written[0]));

    const std::size_t one = texts->changes[0].size();
    std::vector<std::string> all;
    std::uint64_t cursor = 0;
    for (bool more = true; more;) {
        auto page = r->changeTextsAfter(cursor, "", PageSize{100, 2 * one + 10});
        REQUIRE(page.ok());
        CHECK(page->changes.size() <= 2);
        all.insert(all.end(), page->changes.begin(), page->changes.end());
        cursor = page->cursor;
        more = page->more;
    }
    REQUIRE(all.size() == written.size());
    for (std::size_t i = 0; i < all.size(); ++i) CHECK(all[i] == toJsonText(written[i]));

    // Its own changes up to seq 4 are held by the puller: only 5 and 6 come.
    auto rest = r->changeTextsAfter(0, "", PageSize{100}, HeldChanges{r->siteId(), 4});
    REQUIRE(rest.ok());
    REQUIRE(rest->changes.size() == 2);
    CHECK(rest->changes[0] == toJsonText(written[4]));
}
