#include "privacy.h"

#include <algorithm>
#include <map>

#include "nghedan/clock.h"
#include "nghedan/schema.h"
#include "nghedan/text_fold.h"

namespace nghedan::server {

namespace {

/** The digits of a phone number as written, with +84/84 read as a leading 0. */
std::string phoneDigits(std::string_view text) {
    std::string d;
    for (const char c : text)
        if (c >= '0' && c <= '9') d.push_back(c);
    if (d.size() >= 11 && d.starts_with("84")) d = "0" + d.substr(2);
    return d;
}

/** The folded words of a text: runs of ASCII letters and digits after foldDiacritics. */
std::vector<std::string> foldedWords(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : foldDiacritics(text)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            word.push_back(c);
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

bool isNameField(const std::string& field) { return field.ends_with("_name"); }

std::string textOf(const Json& row, const std::string& field) {
    const auto it = row.find(field);
    return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::optional<PersonQuery> personQuery(std::string_view typed) {
    if (typed.size() > 200) return std::nullopt;
    PersonQuery q;
    for (std::string& w : foldedWords(typed)) {
        const bool digitsOnly = std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digitsOnly && w.size() >= 1) q.words.push_back(std::move(w));
    }
    q.digits = phoneDigits(typed);
    if (q.digits.size() < 6) q.digits.clear();
    const bool hasWord = std::any_of(q.words.begin(), q.words.end(), [](const std::string& w) { return w.size() >= 2; });
    if (!hasWord) q.words.clear();
    if (q.words.empty() && q.digits.empty()) return std::nullopt;
    return q;
}

const std::vector<std::string>& personalFieldsOf(const std::string& entity) {
    static const std::map<std::string, std::vector<std::string>> byEntity = [] {
        std::map<std::string, std::vector<std::string>> m;
        for (const EntityDef& e : entities())
            for (const FieldDef& f : e.fields)
                if (f.personal) m[e.name].push_back(f.name);
        return m;
    }();
    static const std::vector<std::string> none;
    const auto it = byEntity.find(entity);
    return it == byEntity.end() ? none : it->second;
}

std::vector<std::string> personMatchedFields(const PersonQuery& query, const std::string& entity,
                                             const Json& row) {
    std::vector<std::string> matched;
    for (const std::string& field : personalFieldsOf(entity)) {
        const std::string value = textOf(row, field);
        if (value.empty()) continue;
        if (isNameField(field)) {
            if (query.words.empty()) continue;
            const std::vector<std::string> have = foldedWords(value);
            const bool all = std::all_of(query.words.begin(), query.words.end(), [&](const std::string& w) {
                return std::find(have.begin(), have.end(), w) != have.end();
            });
            if (all) matched.push_back(field);
        } else if (!query.digits.empty() && phoneDigits(value).find(query.digits) != std::string::npos) {
            matched.push_back(field);
        }
    }
    return matched;
}

Result<bool> redactPersonal(Store& store, const std::string& entity, const std::string& id,
                            const std::string& unit, const std::string& author,
                            const std::string& reason) {
    const std::vector<std::string>& fields = personalFieldsOf(entity);
    if (fields.empty()) return false;
    auto versions = store.history(entity, id);
    if (!versions) return versions.error();
    bool anyLeft = false;
    for (const VersionView& v : *versions) {
        if (std::find(fields.begin(), fields.end(), v.field) == fields.end()) continue;
        if (v.withheld || v.value.is_null() || (v.value.is_string() && v.value.get<std::string>().empty()))
            continue;
        anyLeft = true;
        break;
    }
    if (!anyLeft) return false;
    std::string names;
    for (const std::string& f : fields) names += (names.empty() ? "" : ",") + f;
    // A redaction belongs to its target's unit: it reaches every replica that holds the record.
    auto change = store.write({"redaction", "", unit, author,
                               {{"target_entity", entity}, {"target_id", id},
                                {"fields", names}, {"reason", reason}}});
    if (!change) return change.error();
    return true;
}

Result<std::size_t> redactAll(Store& store,
                              const std::vector<std::tuple<std::string, std::string, std::string>>& targets,
                              const std::string& author, const std::string& reason) {
    if (Status s = store.deferSearchCompaction(true); !s) return s.error();
    std::size_t erased = 0;
    std::optional<Error> failed;
    for (const auto& [entity, id, unit] : targets) {
        auto done = redactPersonal(store, entity, id, unit, author, reason);
        if (!done) {
            failed = done.error();
            break;
        }
        if (*done) ++erased;
    }
    // Whatever was erased is merged out of the index and the journal, even after a failure.
    if (Status s = store.deferSearchCompaction(false); !s && !failed) failed = s.error();
    if (erased)
        if (Status s = store.truncateJournal(); !s && !failed) failed = s.error();
    if (failed) return *failed;
    return erased;
}

Result<RetentionReport> applyRetention(Store& store, std::int64_t nowMs, int days) {
    RetentionReport report;
    if (days <= 0) return report;
    const std::int64_t cutoff = nowMs - static_cast<std::int64_t>(days) * 24 * 3600 * 1000;
    ListQuery q;
    q.entity = "petition";
    q.equals["status"] = {"closed"};
    q.sort = "updated_hlc";
    q.descending = false;
    q.limit = 1000;
    // Whatever is redacted stays in the list (status is kept): page by position, collect first.
    std::vector<std::pair<std::string, std::string>> due;  // id, unit
    // Petitions whose last change is older than the previous run's cutoff (same period) were
    // examined then: a run looks only at what changed since, not at years of closed petitions.
    std::int64_t checkedBefore = 0;
    const std::string period = std::to_string(days) + ":";
    if (auto mark = store.meta("retention_checked"); mark && mark->starts_with(period))
        checkedBefore = std::stoll(mark->substr(period.size()));
    for (q.offset = 0;; q.offset += q.limit) {
        auto page = store.list(q);
        if (!page) return page.error();
        for (const Json& row : page->rows) {
            const auto last = row.find("updated_hlc");
            if (checkedBefore && last != row.end() && last->is_number_unsigned() &&
                hlcMillis(last->get<HlcTime>()) < checkedBefore)
                continue;
            // Closed after the cutoff by its last change at all: cannot be due (cheap filter).
            const auto updated = row.find("updated_hlc");
            if (updated != row.end() && updated->is_number_unsigned() &&
                hlcMillis(updated->get<HlcTime>()) < cutoff) {
                due.emplace_back(row.value("id", ""), row.value("unit", ""));
                continue;
            }
            auto versions = store.history("petition", row.value("id", ""));
            if (!versions) return versions.error();
            // When the current "closed" was written: the newest current status version.
            HlcTime closedAt = 0;
            for (const VersionView& v : *versions)
                if (v.field == "status" && v.current && v.value == "closed") closedAt = std::max(closedAt, v.hlc);
            if (closedAt && hlcMillis(closedAt) < cutoff)
                due.emplace_back(row.value("id", ""), row.value("unit", ""));
        }
        if (page->rows.size() < static_cast<std::size_t>(q.limit)) break;
    }
    std::vector<std::tuple<std::string, std::string, std::string>> targets;
    for (const auto& [id, unit] : due) targets.emplace_back("petition", id, unit);
    report.examined = targets.size();
    auto redacted = redactAll(store, targets, "retention",
                              "Hết thời hạn lưu trữ thông tin cá nhân (" + std::to_string(days) +
                                  " ngày sau khi đóng)");
    if (!redacted) return redacted.error();
    report.redacted = *redacted;
    if (Status s = store.setMeta("retention_checked", period + std::to_string(cutoff)); !s)
        return s.error();
    return report;
}

}  // namespace nghedan::server
