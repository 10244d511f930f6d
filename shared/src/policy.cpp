#include "nghedan/policy.h"

#include <algorithm>

#include "nghedan/schema.h"

namespace nghedan {
namespace {

bool isReferenceEntity(std::string_view entity) {
    return entity == "unit" || entity == "agency";
}

bool contains(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

bool isKnownRole(std::string_view role) {
    return role == "official" || role == "supervisor" || role == "admin";
}

const std::vector<std::string>& supervisorPetitionFields() {
    static const std::vector<std::string> fields = {
        "status",     "lead_agency", "support_agencies", "handling_level", "due_date",
        "resolution", "resolved_at", "status_reason",    "priority",       "public",
        "public_note"};
    return fields;
}

std::optional<Error> roleWriteRefusal(std::string_view role, std::string_view entity, bool creates,
                                      const std::vector<std::string>& fields) {
    const std::string what = std::string(creates ? "create " : "change ") + std::string(entity);
    if (!isKnownRole(role)) return Error{"forbidden", "unknown role '" + std::string(role) + "'"};
    if (isReferenceEntity(entity)) {
        if (role == "admin") return std::nullopt;
        return Error{"forbidden", "a " + std::string(role) + " may not " + what +
                                      " records (reference data is managed by admins)"};
    }
    // Erasing a person's data (their request, or retention) is the admin's, and final.
    if (entity == "redaction") {
        if (role == "admin" && creates) return std::nullopt;
        return Error{"forbidden", role == "admin"
                                      ? std::string("a redaction is final: it is never changed")
                                      : "only an admin may " + what + " records"};
    }
    if (role == "admin")
        return Error{"forbidden", "an admin manages units and agencies, not " +
                                      std::string(entity) + " records"};
    if (role == "official") return std::nullopt;
    // supervisor
    if (entity == "directive" || entity == "update" || entity == "attachment") return std::nullopt;
    if (entity == "petition" && !creates) {
        for (const std::string& field : fields)
            if (!contains(supervisorPetitionFields(), field))
                return Error{
                    "forbidden",
                    "a supervisor may change only the handling of a petition, not petition." +
                        field};
        return std::nullopt;
    }
    return Error{"forbidden", "a supervisor may not " + what + " records"};
}

bool roleMayEdit(std::string_view role, std::string_view entity, std::string_view field) {
    return !roleWriteRefusal(role, entity, false, {std::string(field)});
}

bool roleMayCreate(std::string_view role, std::string_view entity) {
    return !roleWriteRefusal(role, entity, true, {});
}

bool maySeePersonalField(std::string_view role, std::string_view field) {
    if (role == "official") return true;
    const bool isName = field.size() > 5 && field.substr(field.size() - 5) == "_name";
    return role == "supervisor" && isName;
}

std::set<std::string> visiblePersonalFields(std::string_view role, std::string_view entity) {
    std::set<std::string> out;
    for (const EntityDef& e : entities()) {
        if (!entity.empty() && e.name != entity) continue;
        for (const FieldDef& f : e.fields)
            if (f.personal && maySeePersonalField(role, f.name)) out.insert(f.name);
    }
    return out;
}

bool maySeeAllPersonal(std::string_view role) { return role == "official"; }

bool mayWriteFromDashboard(std::string_view role) {
    return role == "supervisor" || role == "official";
}

const std::vector<std::string>& publicPetitionFields() {
    static const std::vector<std::string> fields = {
        "title",       "category", "unit",       "received_at", "status",     "lead_agency",
        "due_date",    "resolution", "resolved_at", "public_note", "receipt_code"};
    return fields;
}

bool isPublicPetition(const Json& row) {
    auto flag = [&](const char* field) {
        const auto it = row.find(field);
        return it != row.end() && it->is_boolean() && it->get<bool>();
    };
    return flag("public") && !flag("deleted");
}

const std::vector<std::string>& unitDecidingLinks(std::string_view entity) {
    static const std::vector<std::string> directive = {"petition", "meeting"};
    static const std::vector<std::string> petition = {"meeting"};
    static const std::vector<std::string> update = {"parent"};
    static const std::vector<std::string> none;
    if (entity == "directive") return directive;
    if (entity == "petition") return petition;
    if (entity == "update" || entity == "attachment") return update;
    if (entity == "report_back") return directive;  // the petition's unit, else the meeting's
    return none;
}

namespace {

std::string megabytes(long long bytes) {
    const long long tenths = (bytes * 10 + (1 << 19)) >> 20;
    std::string s = std::to_string(tenths / 10);
    if (tenths % 10) s += "," + std::to_string(tenths % 10);  // Vietnamese decimal comma
    return s + " MB";
}

}  // namespace

std::optional<Error> attachmentLimitRefusal(const AttachmentLimits& limits, long long size,
                                            int count, long long bytes) {
    if (size > limits.maxFileBytes)
        return Error{"file_too_large", "Tệp " + megabytes(size) + " lớn hơn mức cho phép " +
                                           megabytes(limits.maxFileBytes) + " mỗi tệp."};
    if (count + 1 > limits.maxPerRecord)
        return Error{"too_many_attachments", "Mỗi hồ sơ đính kèm tối đa " +
                                                 std::to_string(limits.maxPerRecord) + " tệp."};
    if (bytes + size > limits.maxRecordBytes)
        return Error{"record_attachments_too_large",
                     "Tổng dung lượng tệp đính kèm của hồ sơ sẽ vượt " +
                         megabytes(limits.maxRecordBytes) + "."};
    return std::nullopt;
}

}  // namespace nghedan
