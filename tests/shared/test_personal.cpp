// Personal values: salted in the proof, withheld with the signature still valid, redacted for
// good on every replica whatever the order changes arrive in, never searched by who may not
// see them.

#include <catch2/catch.hpp>

#include <algorithm>

#include "test_support.h"

using namespace nghedan;
using namespace nghedan::test;

namespace {

const std::string kName = "Zqxname Ngườidân";
const std::string kNameWord = "zqxname";
const std::string kContact = "zqxcontact-0909";

ApplyOptions strictPush(const std::string& sender) {
    ApplyOptions push;
    push.validation = Validation::Strict;
    push.requireContiguous = true;
    push.sender = sender;
    return push;
}

std::map<std::string, Json> personalPetition(const std::string& title) {
    auto set = petitionFields(title);
    set["petitioner_name"] = kName;
    set["petitioner_contact"] = kContact;
    return set;
}

WithholdRule hideContact() {
    return
        [](const std::string&, const std::string& field) { return field == "petitioner_contact"; };
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

WriteRequest redactionOf(const std::string& id, const std::string& fields) {
    return {"redaction",
            "",
            "",
            "admin",
            {{"target_entity", "petition"},
             {"target_id", id},
             {"fields", fields},
             {"reason", "yêu cầu xoá của người dân"}}};
}

}  // namespace

TEST_CASE("a personal value withheld from a signed change still proves its device", "[personal]") {
    TempDir dir;
    auto tablet = openReplica(dir.file("t.db"));
    const Change c = mustWrite(*tablet, {"petition", "", "kp1", "an", personalPetition("Đèn")});
    CHECK(changeFormatVersion(c) == 2);
    REQUIRE(c.salts.size() == 2);
    CHECK(isValidSalt(c.salts.at("petitioner_contact")));
    CHECK(signatureValid(c, tablet->publicKey()));

    Change withheld = c;
    REQUIRE(withhold(withheld, hideContact()));
    CHECK(isValidWithheld(withheld.set.at("petitioner_contact")));
    CHECK(withheld.set.at("petitioner_name") == kName);
    CHECK_FALSE(withheld.salts.count("petitioner_contact"));
    CHECK(signatureValid(withheld, tablet->publicKey()));
    // Through the text form too, as pull sends it.
    const std::string text = withholdChangeText(toJsonText(c), hideContact());
    CHECK_FALSE(contains(text, kContact));
    CHECK(contains(text, "Zqxname"));
    auto parsed = changeFromJson(Json::parse(text));
    REQUIRE(parsed.ok());
    CHECK(signatureValid(*parsed, tablet->publicKey()));

    // Anything else altered is caught: another value under the salt, another hash, a value
    // whose salt was dropped.
    Change altered = c;
    altered.set["petitioner_contact"] = "0000";
    CHECK_FALSE(signatureValid(altered, tablet->publicKey()));
    Change otherHash = withheld;
    otherHash.set["petitioner_contact"] = withheldMarker(newSalt(), kContact);
    CHECK_FALSE(signatureValid(otherHash, tablet->publicKey()));
    Change unsalted = c;
    unsalted.salts.clear();
    CHECK_FALSE(signatureValid(unsalted, tablet->publicKey()));

    // A change without personal values keeps the first format, text spliced as is.
    const Change plain = mustWrite(*tablet, {"petition", c.id, "", "an", {{"status", "assigned"}}});
    CHECK(changeFormatVersion(plain) == 1);
    CHECK(toJson(plain)["v"] == 1);
    CHECK(withholdChangeText(toJsonText(plain), hideContact()) == toJsonText(plain));
}

TEST_CASE("the server refuses a personal value without its salt", "[personal]") {
    TempDir dir;
    auto server = openReplica(dir.file("s.db"));
    ForeignSite device;
    device.introduceTo(*server);
    Change c;
    c.site = device.site;
    c.seq = 1;
    c.hlc = 1;
    c.entity = "petition";
    c.id = "p1";
    c.unit = "kp1";
    c.author = "an";
    c.set = personalPetition("Đèn");
    c.sig = signatureOf(c, device.key.secretKey);  // signed, but no salts
    auto report = server->apply({c}, strictPush(device.site));
    REQUIRE(report.ok());
    REQUIRE(report->refused.size() == 1);
    CHECK(report->refused[0].error.code == "unsalted_personal");
    // A tablet (Shape) still takes it: an older server may have relayed it.
    auto tablet = openReplica(dir.file("t.db"));
    device.introduceTo(*tablet);
    CHECK(tablet->apply({c})->applied == 1);
}

TEST_CASE("a dot that arrives withheld and then in full is one change, not a dot conflict",
          "[personal]") {
    TempDir dir;
    auto author = openReplica(dir.file("a.db"));
    auto other = openReplica(dir.file("o.db"));
    introduce({author.get(), other.get()});
    const Change c = mustWrite(*author, {"petition", "", "kp1", "an", personalPetition("Đèn")});
    Change withheld = c;
    withhold(withheld, hideContact());
    auto first = other->apply({withheld});
    REQUIRE(first.ok());
    CHECK(first->applied == 1);
    auto again = other->apply({c});
    REQUIRE(again.ok());
    CHECK(again->duplicates == 1);
    CHECK(again->refused.empty());
    // And the other way round.
    auto back = author->apply({withheld});
    REQUIRE(back.ok());
    CHECK(back->duplicates == 1);
    CHECK(back->refused.empty());
}

TEST_CASE("a withheld value shows as nothing, is never searched and is withheld in history",
          "[personal]") {
    TempDir dir;
    auto author = openReplica(dir.file("a.db"));
    auto supervisor = openReplica(dir.file("s.db"));
    introduce({author.get(), supervisor.get()});
    auto set = personalPetition("Đèn");
    const Change c = mustWrite(*author, {"petition", "", "kp1", "an", set});
    Change withheld = c;
    withhold(withheld, [](const std::string&, const std::string&) { return true; });
    REQUIRE(supervisor->apply({withheld})->applied == 1);
    auto view = supervisor->get("petition", c.id);
    REQUIRE(view.ok());
    REQUIRE(view->has_value());
    CHECK((*view)->values["petitioner_contact"].is_null());
    CHECK((*view)->values["petitioner_name"].is_null());
    CHECK((*view)->values["title"] == "Đèn");
    CHECK((*view)->redacted.empty());
    auto history = supervisor->history("petition", c.id);
    REQUIRE(history.ok());
    const auto contact = std::find_if(history->begin(), history->end(), [](const VersionView& v) {
        return v.field == "petitioner_contact";
    });
    REQUIRE(contact != history->end());
    CHECK(contact->withheld);
    CHECK(contact->value.is_null());
    CHECK(supervisor->search(kNameWord)->empty());
    CHECK(author->search(kNameWord)->size() == 1);
    CHECK(supervisor->search("Đèn")->size() == 1);
}

TEST_CASE("a search counts only the personal fields the searcher may see", "[personal]") {
    TempDir dir;
    auto r = openReplica(dir.file("r.db"));
    mustWrite(*r, {"petition", "", "kp1", "an", personalPetition("Đèn đường")});
    ListQuery q;
    q.search = kNameWord;
    CHECK(r->list(q)->total == 1);
    q.searchPersonal = std::set<std::string>{};
    CHECK(r->list(q)->total == 0);
    q.searchPersonal = std::set<std::string>{"petitioner_name"};
    CHECK(r->list(q)->total == 1);
    // Other words still match for everyone.
    q.search = "den duong";
    q.searchPersonal = std::set<std::string>{};
    CHECK(r->list(q)->total == 1);
    CHECK(r->search(kNameWord, "", 50, std::set<std::string>{})->empty());
    CHECK(r->search(kNameWord, "", 50, std::set<std::string>{"petitioner_name"})->size() == 1);
}

TEST_CASE("the server's refused changes keep no personal value", "[personal]") {
    TempDir dir;
    const std::string path = dir.file("s.db");
    {
        auto server = openReplica(path);
        ForeignSite device;
        device.introduceTo(*server);
        Change c;
        c.seq = 1;
        c.hlc = 1;
        c.entity = "petition";
        c.id = "p1";
        c.unit = "kp1";
        c.author = "an";
        c.set = personalPetition("Đèn");
        c.set["status"] = "no_such_status";
        const Change signedChange = device.sign(c);
        auto report = server->apply({signedChange}, strictPush(device.site));
        REQUIRE(report.ok());
        REQUIRE(report->refused.size() == 1);
        CHECK(report->refused[0].error.code == "invalid_value");
        // Resent, it hears the same answer.
        auto again = server->apply({signedChange}, strictPush(device.site));
        REQUIRE(again->refused.size() == 1);
        CHECK(again->refused[0].error.code == "invalid_value");
    }
    const std::string bytes = fileAndWalBytes(path);
    CHECK_FALSE(contains(bytes, kContact));
    CHECK_FALSE(contains(bytes, "Zqxname"));
}

TEST_CASE("a redaction erases every stored copy and every later copy, in any order",
          "[personal][redaction]") {
    TempDir dir;
    auto server = openReplica(dir.file("server.db"));
    auto tablet = openReplica(dir.file("tablet.db"));
    auto late = openReplica(dir.file("late.db"));
    introduce({server.get(), tablet.get(), late.get()});
    const Change created =
        mustWrite(*tablet, {"petition", "", "kp1", "an", personalPetition("Hẻm ngập")});
    REQUIRE(server->apply({created})->applied == 1);
    // Offline, the tablet edits the contact and the description; meanwhile the server redacts.
    const Change edit = mustWrite(*tablet, {"petition",
                                            created.id,
                                            "",
                                            "an",
                                            {{"petitioner_contact", kContact + "-new"},
                                             {"description", "nước ngập tới gối"}}});
    const Change redaction =
        mustWrite(*server, redactionOf(created.id, "petitioner_contact, petitioner_name"));
    CHECK(redaction.unit == "kp1");  // the target's unit
    REQUIRE(server->apply({edit})->applied == 1);
    REQUIRE(tablet->apply({redaction})->applied == 1);
    // A third replica hears everything in the opposite order: redaction first.
    REQUIRE(late->apply({redaction})->applied == 1);
    REQUIRE(late->apply({edit, created})->applied == 2);

    for (Replica* r : {server.get(), tablet.get(), late.get()}) {
        auto view = r->get("petition", created.id);
        REQUIRE(view.ok());
        CHECK((*view)->values["petitioner_contact"].is_null());
        CHECK((*view)->values["petitioner_name"].is_null());
        CHECK((*view)->values["description"] == "nước ngập tới gối");
        CHECK((*view)->redacted == std::set<std::string>{"petitioner_contact", "petitioner_name"});
        auto history = r->history("petition", created.id);
        REQUIRE(history.ok());
        int personalVersions = 0;
        for (const VersionView& v : *history) {
            if (v.field != "petitioner_contact" && v.field != "petitioner_name") continue;
            CHECK(v.withheld);
            ++personalVersions;
        }
        CHECK(personalVersions == 3);
        CHECK(r->search(kNameWord)->empty());
        const std::vector<Change> stored = allChanges(*r);
        CHECK(stored.size() == 3);
        for (const Change& c : stored) {
            // Every stored change still proves its device.
            const std::string key =
                c.site == tablet->siteId() ? tablet->publicKey() : server->publicKey();
            CHECK(signatureValid(c, key));
        }
    }
    CHECK(*server->materialisedDump() == *tablet->materialisedDump());
    CHECK(*late->materialisedDump() == *tablet->materialisedDump());
    // Writing the field again after the redaction keeps nothing either.
    mustWrite(*tablet, {"petition", created.id, "", "an", {{"petitioner_contact", kContact}}});
    CHECK((*tablet->get("petition", created.id))->values["petitioner_contact"].is_null());

    // No byte of it is left in the files, free pages and search index included.
    const std::vector<std::string> paths = {dir.file("server.db"), dir.file("tablet.db"),
                                            dir.file("late.db")};
    server.reset();
    tablet.reset();
    late.reset();
    for (const std::string& path : paths) {
        INFO(path);
        const std::string bytes = fileAndWalBytes(path);
        CHECK_FALSE(bytes.empty());
        CHECK_FALSE(contains(bytes, kContact));
        CHECK_FALSE(contains(bytes, "Zqxname"));
        CHECK_FALSE(contains(bytes, kNameWord));
        CHECK(contains(bytes, "gối"));
    }
}

TEST_CASE("only a redaction names personal fields of a known entity", "[personal][redaction]") {
    TempDir dir;
    auto r = openReplica(dir.file("r.db"));
    const Change p = mustWrite(*r, {"petition", "", "kp1", "an", personalPetition("Đèn")});
    auto bad = r->write(redactionOf(p.id, "title"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "invalid_value");
    auto none = r->write(redactionOf(p.id, " , "));
    REQUIRE_FALSE(none.ok());
    CHECK(redactionFields("a, b,,a ") == std::vector<std::string>{"a", "b"});
    // Withholding a field that is not personal is refused.
    Change c = p;
    c.set["title"] = withheldMarker(newSalt(), "x");
    CHECK(validateChange(c, false).error().code == "invalid_value");
}
