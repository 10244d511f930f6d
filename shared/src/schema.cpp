#include "nghedan/schema.h"

#include <algorithm>

#include "nghedan/personal.h"

namespace nghedan {
namespace {

FieldDef text(std::string name, std::size_t maxLength, bool required = false,
              bool searchable = false) {
    FieldDef f;
    f.name = std::move(name);
    f.type = FieldType::Text;
    f.maxLength = maxLength;
    f.required = required;
    f.searchable = searchable;
    return f;
}
FieldDef personal(FieldDef f) {
    f.personal = true;
    return f;
}
FieldDef integer(std::string name, long long minValue, long long maxValue) {
    FieldDef f;
    f.name = std::move(name);
    f.type = FieldType::Integer;
    f.minValue = minValue;
    f.maxValue = maxValue;
    return f;
}
FieldDef simple(std::string name, FieldType type, bool required = false) {
    FieldDef f;
    f.name = std::move(name);
    f.type = type;
    f.required = required;
    return f;
}
FieldDef enumeration(std::string name, std::vector<std::string> values, bool required = false) {
    FieldDef f;
    f.name = std::move(name);
    f.type = FieldType::Enum;
    f.enumValues = std::move(values);
    f.required = required;
    return f;
}
FieldDef ref(std::string name, std::string entity, bool required = false) {
    FieldDef f;
    f.name = std::move(name);
    f.type = FieldType::Ref;
    f.refEntity = std::move(entity);
    f.maxLength = 64;
    f.required = required;
    return f;
}
FieldDef refList(std::string name, std::string entity, std::size_t maxItems) {
    FieldDef f = ref(std::move(name), std::move(entity));
    f.type = FieldType::RefList;
    f.maxLength = maxItems;
    return f;
}
FieldDef people(std::string name, std::size_t maxItems) {
    FieldDef f;
    f.name = std::move(name);
    f.type = FieldType::People;
    f.maxLength = maxItems;
    return f;
}

/** Where a petition or meeting took place, from the device's positioning or typed (DESIGN.md
 *  "Domain model"): degrees ×10⁶ (about 11 cm), so that every replica stores exact integers. The
 *  address in `location` stays the main way people describe a place; public views never show
 *  these (policy.h publicPetitionFields). */
std::vector<FieldDef> placeFields() {
    return {integer("place_lat", -90'000'000, 90'000'000),
            integer("place_lon", -180'000'000, 180'000'000),
            integer("place_accuracy", 0, 100'000),  // metres
            simple("place_at", FieldType::Time)};
}

const std::vector<std::string> kUnitLevels = {"city", "district", "ward", "neighbourhood"};
const std::vector<std::string> kCategories = {
    "security_order", "social_welfare", "environment_sanitation", "urban_transport",
    "civil_records",  "health_insurance", "land_construction",    "other"};

std::vector<FieldDef> operator+(std::vector<FieldDef> a, std::vector<FieldDef> b) {
    a.insert(a.end(), std::make_move_iterator(b.begin()), std::make_move_iterator(b.end()));
    return a;
}

EntityDef entity(std::string name, std::string titleField, std::vector<FieldDef> fields) {
    fields.push_back(simple("deleted", FieldType::Boolean));
    return EntityDef{std::move(name), std::move(fields), std::move(titleField)};
}

std::vector<EntityDef> buildEntities() {
    constexpr std::size_t kLine = 300, kText = 20'000, kLong = 200'000;
    return {
        entity("unit", "name",
               {ref("parent", "unit"), enumeration("level", kUnitLevels, true), text("code", 32),
                text("name", kLine, true, true)}),
        entity("agency", "name",
               {text("name", kLine, true, true), text("short_name", 80),
                enumeration("level", {"city", "district", "ward"}, true), text("contact", kLine)}),
        entity("meeting", "title",
               std::vector<FieldDef>{simple("held_at", FieldType::Time, true), text("location", kLine, false, true),
                text("title", kLine, true, true), text("chaired_by", kLine),
                text("secretary", kLine), text("delegation", kText), people("attendees", 500),
                integer("resident_count", 0, 100'000), text("agenda", kText, false, true),
                text("minutes", kLong, false, true), text("conclusions", kText, false, true),
                enumeration("status", {"draft", "finalised"}), text("recorded_by", kLine)} +
                   placeFields()),
        entity(
            "petition", "title",
            std::vector<FieldDef>{ref("meeting", "meeting"), simple("received_at", FieldType::Time, true),
             enumeration("channel", {"meeting", "visit", "hotline", "written", "online", "other"}),
             personal(text("petitioner_name", kLine, false, true)),
             personal(text("petitioner_contact", kLine)), integer("households", 0, 100'000),
             enumeration("category", kCategories, true), text("title", kLine, true, true),
             text("description", kText, false, true), text("location", kLine, false, true),
             enumeration("status", petitionStatuses(), true),
             enumeration("priority", {"low", "normal", "high", "urgent"}),
             ref("lead_agency", "agency"), refList("support_agencies", "agency", 20),
             enumeration("handling_level", {"neighbourhood", "ward", "district", "city"}),
             simple("due_date", FieldType::Date), text("resolution", kText, false, true),
             simple("resolved_at", FieldType::Time), text("status_reason", kText),
             simple("public", FieldType::Boolean), text("public_note", kText)} +
                placeFields()),
        entity(
            "directive", "instruction",
            {ref("meeting", "meeting"), ref("petition", "petition"), text("issued_by", kLine, true),
             ref("agency", "agency", true), text("instruction", kText, true, true),
             simple("due_date", FieldType::Date), enumeration("status", directiveStatuses(), true),
             text("result", kText, false, true), simple("completed_at", FieldType::Time)}),
        entity("report_back", "note",
               {ref("meeting", "meeting"), ref("petition", "petition", true),
                enumeration("verdict", {"satisfied", "unsatisfied"}, true),
                text("note", kText, false, true)}),
        // Erases personal fields of one record for good (personal.h, replica.h "Redaction"): it
        // belongs to its target's unit, so it reaches every replica that holds the record.
        entity("redaction", "target_id",
               {text("target_entity", 64, true), text("target_id", 64, true),
                text("fields", kLine, true), text("reason", kText)}),
        // A photo or document of a record (blob_store.h): the record says what it is, its bytes
        // are a content-addressed blob that syncs after the records. It belongs to its parent's
        // unit (policy.h unitDecidingLinks).
        entity("attachment", "caption",
               {enumeration("parent_entity", attachmentParents(), true), ref("parent", "", true),
                enumeration("kind", {"photo", "document"}, true), text("caption", kLine, false, true),
                text("sha256", 64, true), integer("size", 1, kMaxBlobBytes),
                enumeration("mime", attachmentTypes(), true), text("file_name", kLine),
                integer("width", 0, 100'000), integer("height", 0, 100'000),
                text("thumb_sha256", 64), integer("thumb_size", 1, kMaxBlobBytes),
                simple("taken_at", FieldType::Time)}),
        entity("update", "text",
               {enumeration("parent_entity", {"petition", "directive"}, true),
                ref("parent", "", true), text("text", kText, true, true)}),
    };
}

bool isDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    const int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool isValidUtf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        if (extra < 0 || i + extra >= s.size() + (extra == 0 ? 1 : 0)) return false;
        for (int k = 1; k <= extra; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
        i += extra + 1;
    }
    return true;
}

Error invalid(const EntityDef& e, const FieldDef& f, const std::string& rule) {
    return {"invalid_value", e.name + "." + f.name + ": " + rule};
}

/** The check of Unknowns::Keep: the value has its field's JSON type (what its materialised
 *  column holds), or is null; limits and enum lists are a newer version's to widen. */
Status hasFieldType(const EntityDef& e, const FieldDef& f, const Json& v) {
    if (v.is_null()) return {};
    bool fits = false;
    switch (f.type) {
        case FieldType::Text:
        case FieldType::Ref:
        case FieldType::Date:
        case FieldType::Enum:
            fits = v.is_string();
            break;
        case FieldType::Integer:
        case FieldType::Time:
            fits = v.is_number_integer();
            break;
        case FieldType::Boolean:
            fits = v.is_boolean();
            break;
        case FieldType::RefList:
        case FieldType::People:
            fits = v.is_array();
            break;
    }
    if (!fits) return invalid(e, f, "has the wrong type");
    return {};
}

bool isEmptyValue(const Json& v) {
    return v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty()) ||
           (v.is_array() && v.empty());
}

/** An attachment's hashes are SHA-256 in lowercase hex (the blobs' names). */
Status validateAttachment(const Change& c) {
    for (const char* field : {"sha256", "thumb_sha256"}) {
        const auto it = c.set.find(field);
        if (it == c.set.end() || !it->second.is_string()) continue;
        const std::string& v = it->second.get_ref<const std::string&>();
        if (!(v.empty() && std::string_view(field) == "thumb_sha256") && !isBlobHash(v))
            return Error{"invalid_value", std::string("attachment.") + field +
                                              " must be a SHA-256 in lowercase hex (64 characters)"};
    }
    return {};
}

/** A redaction names a known entity and personal fields of it. */
Status validateRedaction(const Change& c) {
    const auto entityIt = c.set.find("target_entity");
    const auto fieldsIt = c.set.find("fields");
    if (entityIt == c.set.end() || !entityIt->second.is_string()) return {};  // not changed here
    const EntityDef* target = findEntity(entityIt->second.get<std::string>());
    if (!target)
        return Error{"invalid_value", "redaction.target_entity names no entity"};
    if (fieldsIt == c.set.end() || !fieldsIt->second.is_string()) return {};
    const auto names = redactionFields(fieldsIt->second.get<std::string>());
    if (names.empty()) return Error{"invalid_value", "redaction.fields names no field"};
    for (const std::string& name : names) {
        const FieldDef* f = target->field(name);
        if (!f || !f->personal)
            return Error{"invalid_value", "redaction.fields: " + target->name + "." + name +
                                              " is not a personal field"};
    }
    return {};
}

}  // namespace

std::vector<std::string> redactionFields(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        std::string name = text.substr(start, comma - start);
        while (!name.empty() && name.front() == ' ') name.erase(name.begin());
        while (!name.empty() && name.back() == ' ') name.pop_back();
        if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end())
            out.push_back(std::move(name));
        start = comma + 1;
    }
    return out;
}

const FieldDef* EntityDef::field(std::string_view n) const {
    const int i = fieldIndex(n);
    return i < 0 ? nullptr : &fields[static_cast<std::size_t>(i)];
}

int EntityDef::fieldIndex(std::string_view n) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == n) return static_cast<int>(i);
    return -1;
}

const std::vector<EntityDef>& entities() {
    static const std::vector<EntityDef> kEntities = buildEntities();
    return kEntities;
}

const EntityDef* findEntity(std::string_view name) {
    return findEntity(entities(), name);
}

const EntityDef* findEntity(const std::vector<EntityDef>& schema, std::string_view name) {
    for (const EntityDef& e : schema)
        if (e.name == name) return &e;
    return nullptr;
}

Status validateValue(const EntityDef& e, const FieldDef& f, const Json& v) {
    if (v.is_null()) {
        if (f.required) return invalid(e, f, "is required and cannot be cleared");
        return {};
    }
    switch (f.type) {
    case FieldType::Text:
    case FieldType::Ref: {
        if (!v.is_string()) return invalid(e, f, "must be a string");
        const auto& s = v.get_ref<const std::string&>();
        if (!isValidUtf8(s)) return invalid(e, f, "must be valid UTF-8");
        const std::size_t max = f.type == FieldType::Ref ? 64 : f.maxLength;
        if (s.size() > max)
            return invalid(e, f, "is " + std::to_string(s.size()) + " bytes, at most " +
                                     std::to_string(max) + " allowed");
        if (f.required && s.empty()) return invalid(e, f, "is required and cannot be empty");
        return {};
    }
    case FieldType::Integer:
        if (!v.is_number_integer()) return invalid(e, f, "must be an integer");
        if (v.get<long long>() < f.minValue || v.get<long long>() > f.maxValue)
            return invalid(e, f, "must be between " + std::to_string(f.minValue) + " and " +
                                     std::to_string(f.maxValue));
        return {};
    case FieldType::Boolean:
        if (!v.is_boolean()) return invalid(e, f, "must be true or false");
        return {};
    case FieldType::Time:
        // Between 1970 and 2200: a time far outside is a bug, not a meeting.
        if (!v.is_number_integer() || v.get<long long>() < 0 ||
            v.get<long long>() > 7'258'118'400'000LL)
            return invalid(e, f, "must be a time in milliseconds since 1970-01-01 UTC");
        return {};
    case FieldType::Date:
        if (!v.is_string() || !isDate(v.get<std::string>()))
            return invalid(e, f, "must be a date YYYY-MM-DD");
        return {};
    case FieldType::Enum:
        if (!v.is_string() || std::find(f.enumValues.begin(), f.enumValues.end(),
                                         v.get<std::string>()) == f.enumValues.end()) {
            std::string allowed;
            for (const auto& value : f.enumValues) allowed += (allowed.empty() ? "" : ", ") + value;
            return invalid(e, f, "must be one of: " + allowed);
        }
        return {};
    case FieldType::RefList:
        if (!v.is_array()) return invalid(e, f, "must be an array of ids");
        if (v.size() > f.maxLength)
            return invalid(e, f, "has more than " + std::to_string(f.maxLength) + " items");
        for (const Json& item : v)
            if (!item.is_string() || item.get_ref<const std::string&>().empty() ||
                item.get_ref<const std::string&>().size() > 64)
                return invalid(e, f, "must be an array of non-empty ids");
        return {};
    case FieldType::People:
        if (!v.is_array()) return invalid(e, f, "must be an array of {name, role}");
        if (v.size() > f.maxLength)
            return invalid(e, f, "has more than " + std::to_string(f.maxLength) + " people");
        for (const Json& p : v) {
            if (!p.is_object() || !p.contains("name") || !p["name"].is_string() ||
                p["name"].get_ref<const std::string&>().empty())
                return invalid(e, f, "each person needs a non-empty name");
            for (auto it = p.begin(); it != p.end(); ++it) {
                if ((it.key() != "name" && it.key() != "role") || !it.value().is_string() ||
                    it.value().get_ref<const std::string&>().size() > 300 ||
                    !isValidUtf8(it.value().get<std::string>()))
                    return invalid(e, f, "a person has only name and role, short texts");
            }
        }
        return {};
    }
    return invalid(e, f, "has an unknown type");
}

Status validateChange(const Change& c, bool creates) {
    return validateChange(c, creates, entities(), Unknowns::Refuse);
}

Status validateChange(const Change& c, bool creates, const std::vector<EntityDef>& schema,
                      Unknowns unknowns) {
    const bool keep = unknowns == Unknowns::Keep;
    const EntityDef* e = findEntity(schema, c.entity);
    if (!e && !keep) return Error{"unknown_entity", "unknown entity '" + c.entity + "'"};
    if (c.id.empty() || c.id.size() > 64)
        return Error{"invalid_value", c.entity + ".id must be 1 to 64 characters"};
    if (c.unit.empty() || c.unit.size() > 64)
        return Error{"invalid_value", c.entity + ".unit must be 1 to 64 characters"};
    if (c.set.empty()) return Error{"invalid_value", "a change must set at least one field"};
    if (c.author.empty() || c.author.size() > 200 || !isValidUtf8(c.author) ||
        !isValidUtf8(c.id) || !isValidUtf8(c.unit))
        return Error{"invalid_value", "author, id and unit must be non-empty UTF-8 text"};
    for (const auto& [name, value] : c.set) {
        const FieldDef* f = e ? e->field(name) : nullptr;
        if (!f && keep) continue;  // a newer version's field: kept as written
        if (!f) return Error{"unknown_field", "unknown field '" + name + "' of " + c.entity};
        if (isWithheld(value)) {  // a personal value withheld (personal.h): its hash only
            if (!f->personal)
                return Error{"invalid_value", c.entity + "." + name + " is not personal and "
                                              "cannot be withheld"};
            continue;
        }
        if (f->personal && !keep && !c.salts.count(name))
            return Error{"unsalted_personal",
                         c.entity + "." + name + " is personal and carries no salt, so it could "
                         "never be withheld from those who may not see it; please update the app"};
        if (Status s = keep ? hasFieldType(*e, *f, value) : validateValue(*e, *f, value); !s)
            return s;
    }
    for (const auto& [name, dots] : c.bases) {
        if (!c.set.count(name))
            return Error{"invalid_value", "bases name field '" + name + "' that is not set"};
        if (dots.size() > 1000)
            return Error{"invalid_value", "too many bases for field '" + name + "'"};
    }
    if (e && e->name == "redaction" && !keep) {
        if (Status s = validateRedaction(c); !s) return s;
    }
    if (e && e->name == "attachment" && !keep) {
        if (Status s = validateAttachment(c); !s) return s;
    }
    if (creates && !keep) {
        for (const FieldDef& f : e->fields) {
            if (!f.required) continue;
            const auto it = c.set.find(f.name);
            if (it == c.set.end() || isEmptyValue(it->second))
                return Error{"missing_field", c.entity + "." + f.name + " is required"};
        }
    }
    return {};
}

const std::vector<std::string>& petitionCategories() { return kCategories; }

const std::vector<std::string>& attachmentParents() {
    static const std::vector<std::string> parents = {"petition", "meeting", "directive"};
    return parents;
}

const std::vector<std::string>& attachmentTypes() {
    static const std::vector<std::string> types = {
        "image/jpeg",
        "application/pdf",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet"};
    return types;
}

bool isBlobHash(std::string_view s) {
    return s.size() == 64 &&
           s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace nghedan
