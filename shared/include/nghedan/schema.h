#pragma once
// The data model: entities, their fields, types and limits (the workflow: workflow.h).
// The one place where what a valid record is gets decided; the app, server and
// dashboard all ask here.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "nghedan/change.h"
#include "nghedan/status.h"
#include "nghedan/workflow.h"

namespace nghedan {

/** Bumped when entities, fields, enum values or the replica's storage layout change;
 *  Replica::open migrates older files (3: versions kept as one merge state per record;
 *  4: meeting.secretary; 5: changes signed by their device, site keys; 6: petition.public and public_note, report_back;
 *  7: redaction, personal values salted and withheld (personal.h), search by column;
 *  8: attachment (blob_store.h), place_* of petitions and meetings). It is also the app's
 *  version that servers gate on (client_version.h): a server refuses an app newer than itself
 *  rather than refuse for good what it does not know. */
constexpr int kSchemaVersion = 8;

// Mixed versions (server/API.md "Mixed versions"): a city never updates every tablet at once, so a
// tablet one version behind keeps syncing with a newer server. What a version may change: add
// entities, add fields, add enum values, widen limits; never remove, rename or retype a field (one
// no longer used stays). A field added to an existing entity is never `required`: an older tablet
// creates records without it, the server takes them, and the record shows the field empty until
// someone sets it (the newer app's form may still ask for it). A replica keeps what its schema
// does not know (Unknowns::Keep) and shows it once its app knows it (Replica re-materialises).

enum class FieldType {
    Text,      ///< JSON string, at most maxLength UTF-8 bytes
    Integer,   ///< JSON integer within [minValue, maxValue]
    Boolean,   ///< JSON bool
    Time,      ///< JSON integer: milliseconds since the Unix epoch (UTC)
    Date,      ///< JSON string "YYYY-MM-DD" (a calendar day, e.g. a due date)
    Enum,      ///< JSON string, one of enumValues
    Ref,       ///< JSON string: id of a record of refEntity
    RefList,   ///< JSON array of ids of refEntity
    People,    ///< JSON array of {"name": text, "role": text} (attendees)
};

struct FieldDef {
    std::string name;
    FieldType type = FieldType::Text;
    bool required = false;     ///< must be set, non-empty, when a record is created; only
                               ///< for fields the entity has had from its first version
    std::size_t maxLength = 0; ///< Text/People/RefList: bytes / items
    long long minValue = 0, maxValue = 0;  ///< Integer
    std::vector<std::string> enumValues;   ///< Enum
    std::string refEntity;                 ///< Ref/RefList
    bool searchable = false;   ///< indexed for full-text search
    bool personal = false;     ///< personal data: hidden where the role does not allow it
};

struct EntityDef {
    std::string name;  ///< "petition"
    std::vector<FieldDef> fields;  ///< includes "deleted" (Boolean) on every entity
    std::string titleField;        ///< the field that names a record in lists and search
    /** The field, or nullptr. */
    const FieldDef* field(std::string_view name) const;
    /** Index of the field in `fields`, or -1. */
    int fieldIndex(std::string_view name) const;
};

/** All entities: unit, agency, meeting, petition, directive, update. */
const std::vector<EntityDef>& entities();
/** The entity, or nullptr. */
const EntityDef* findEntity(std::string_view name);
/** The entity in `schema` (a list like entities(): another version's), or nullptr. */
const EntityDef* findEntity(const std::vector<EntityDef>& schema, std::string_view name);

/** Checks one value against its field: type, length, range, enum. Null is allowed for any
 *  field that is not required (it clears the field). Error code "invalid_value". */
Status validateValue(const EntityDef& entity, const FieldDef& field, const Json& value);

/** Checks a whole change against the schema: known entity ("unknown_entity") and fields
 *  ("unknown_field"), values, bases only for set fields, ids and unit non-empty, and that a
 *  change creating a record (no bases at all, `creates` true) sets every required field.
 *  A personal field may hold a withheld marker (personal.h); with Unknowns::Refuse a personal
 *  value in full needs its salt ("unsalted_personal"), and a redaction must name personal
 *  fields of a known entity. */
Status validateChange(const Change& change, bool creates);

/** What validateChange does with what its schema does not know. */
enum class Unknowns {
    Refuse,  ///< every entity, field and value must be known and allowed (a write, the server)
    /** A change a newer version may have written (a tablet applying what the server sent): an
     *  entity or field the schema lacks is kept unchecked, and a known field's value needs only
     *  the JSON type of its field (null allowed), since a newer version may allow more enum
     *  values, longer texts or wider ranges. Required fields are not checked. */
    Keep,
};
/** validateChange against `schema` (a list like entities()). */
Status validateChange(const Change& change, bool creates, const std::vector<EntityDef>& schema,
                      Unknowns unknowns);

/** The field names of a redaction's `fields` text (comma-separated; blanks and repeats
 *  dropped). */
std::vector<std::string> redactionFields(const std::string& text);

/** Petition categories (stable codes). */
const std::vector<std::string>& petitionCategories();

/** The largest blob the schema admits (attachment.size); the limits a server enforces are
 *  smaller and configurable (policy.h AttachmentLimits). */
constexpr long long kMaxBlobBytes = 1LL << 30;
/** What an attachment may belong to (attachment.parent_entity). */
const std::vector<std::string>& attachmentParents();
/** The file types an attachment may have (attachment.mime): JPEG photos (the app re-encodes
 *  every photo), PDF and office documents. Nothing a browser would run (HTML, SVG). */
const std::vector<std::string>& attachmentTypes();
/** Whether `s` is a SHA-256 in lowercase hex: a blob's name. */
bool isBlobHash(std::string_view s);


}  // namespace nghedan
