#pragma once
// What people read for every code: the Vietnamese and English names of statuses, categories,
// unit levels, channels, priorities, roles, entities and fields. One table for the app, the
// dashboard (through /api/v1/schema), the exports and the printed minutes.

#include <string>
#include <string_view>

#include "nghedan/change.h"

namespace nghedan {

/** The languages of the interface: Vietnamese (the default) and English. */
enum class Lang { Vi, En };
/** "en" is English; anything else Vietnamese. */
Lang langOf(std::string_view code);

/** The name of an enum value of `entity`.`field` (handling_level and agency levels share the
 *  unit levels' names; parent_entity values are entity names); the value itself when the table
 *  has none (a value from a newer schema shows as its code rather than nothing). */
std::string enumLabel(std::string_view entity, std::string_view field, std::string_view value,
                      Lang lang);
/** The name of a field of `entity` (also the derived columns id, overdue, created_by,
 *  updated_by); the field itself when unknown. */
std::string fieldLabel(std::string_view entity, std::string_view field, Lang lang);
/** "Kiến nghị" for "petition". */
std::string entityLabel(std::string_view entity, Lang lang);
/** "Cán bộ" for "official". */
std::string roleLabel(std::string_view role, Lang lang);

/** The whole table for the dashboard: {"enums": {entity: {field: {value: {"vi","en"}}}},
 *  "fields": {entity: {field: {"vi","en"}}}, "entities": {...}, "roles": {...}}, covering
 *  every entity, field and enum value of the schema. */
Json labelTable();

}  // namespace nghedan
