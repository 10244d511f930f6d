#pragma once
// Conversions between the replica's JSON values and what QML shows and edits:
// dates as dd/MM/yyyy, times as dd/MM/yyyy HH:mm (Vietnam time), lists as QVariantList.

#include <QDate>
#include <QString>
#include <QTimeZone>
#include <QVariant>
#include <optional>
#include <string>

#include "nghedan/change.h"
#include "nghedan/schema.h"

namespace nghedan::client {

QString toQString(const std::string& s);
std::string toStd(const QString& s);

/** A JSON value as a QVariant (objects → QVariantMap, arrays → QVariantList). */
QVariant jsonToVariant(const Json& value);
/** A QVariant as JSON (maps → objects, lists → arrays, invalid → null). */
Json variantToJson(const QVariant& value);

/** "2026-03-05" → "05/03/2026"; empty for an empty or malformed date. */
QString formatDate(const std::string& isoDate);
/** A date as typed, not yet checked against the calendar (31/02 is possible). */
struct TypedDate {
    int day = 0, month = 0, year = 0;
};
/** Day, month and year typed at the start of `text` ("31/02/2026 19:30" → 31, 2, 2026);
 *  nullopt when the text does not start with d/M/yyyy. */
std::optional<TypedDate> typedDate(const QString& text);
/** "5/3/2026" or "05/03/2026" → "2026-03-05"; nullopt when it is not a real date. */
std::optional<std::string> parseDate(const QString& text);
/** The zone of every time the app shows or reads: Ho Chi Minh City, UTC+7 (no daylight
 *  saving), whatever zone the device is set to. */
QTimeZone vietnamTimeZone();
/** Today's date in Vietnam. */
QDate vietnamToday();
/** Milliseconds since the epoch → "05/03/2026 14:30" in Vietnam time; empty for 0. */
QString formatDateTime(qint64 ms);
/** "05/03/2026 14:30" (time optional) in Vietnam time → milliseconds; nullopt when malformed. */
std::optional<qint64> parseDateTime(const QString& text);
/** Today's date in Vietnam as YYYY-MM-DD. */
std::string todayIso();

/** What a person typed or picked for a field, converted to the field's JSON type.
 *  An empty string clears the field (null). On a value that cannot be converted, returns
 *  nullopt and sets `error` to a Vietnamese sentence naming the field. */
std::optional<Json> fieldFromInput(const std::string& entity, const FieldDef& field,
                                   const QVariant& input, QString* error);

/** A stored field value as text for history and conflict views (dates formatted, lists
 *  joined, enums labelled). */
QString valueToDisplayText(const std::string& entity, const FieldDef& field, const Json& value);

/** A materialised list column may hold JSON text; returns it parsed as JSON when the field is
 *  a list type, otherwise unchanged. */
Json normaliseStoredValue(const FieldDef& field, const Json& value);

}  // namespace nghedan::client

namespace nghedan::client {
/** obj[key] when it is a string, else "" (null, missing or another type). */
std::string jsonString(const Json& obj, const char* key);
}  // namespace nghedan::client
