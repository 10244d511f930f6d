#include "value_format.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QRegularExpression>
#include <QStringList>
#include <QTimeZone>

#include "catalog.h"
#include "nghedan/calendar.h"

namespace nghedan::client {

QString toQString(const std::string& s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }
std::string toStd(const QString& s) { return s.toUtf8().toStdString(); }

QVariant jsonToVariant(const Json& v) {
    switch (v.type()) {
    case Json::value_t::null: return {};
    case Json::value_t::boolean: return v.get<bool>();
    case Json::value_t::number_integer: return QVariant::fromValue(v.get<qint64>());
    case Json::value_t::number_unsigned: return QVariant::fromValue(v.get<quint64>());
    case Json::value_t::number_float: return v.get<double>();
    case Json::value_t::string: return toQString(v.get_ref<const std::string&>());
    case Json::value_t::array: {
        QVariantList list;
        for (const Json& item : v) list.append(jsonToVariant(item));
        return list;
    }
    case Json::value_t::object: {
        QVariantMap map;
        for (auto it = v.begin(); it != v.end(); ++it)
            map.insert(toQString(it.key()), jsonToVariant(it.value()));
        return map;
    }
    default: return {};
    }
}

Json variantToJson(const QVariant& v) {
    if (!v.isValid() || v.isNull()) return nullptr;
    switch (v.typeId()) {
    case QMetaType::Bool: return v.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong: return v.toLongLong();
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = v.toDouble();
        if (d == static_cast<double>(static_cast<long long>(d))) return static_cast<long long>(d);
        return d;
    }
    case QMetaType::QString: return toStd(v.toString());
    case QMetaType::QStringList: {
        Json arr = Json::array();
        for (const QString& s : v.toStringList()) arr.push_back(toStd(s));
        return arr;
    }
    case QMetaType::QVariantList: {
        Json arr = Json::array();
        for (const QVariant& item : v.toList()) arr.push_back(variantToJson(item));
        return arr;
    }
    case QMetaType::QVariantMap: {
        Json obj = Json::object();
        const QVariantMap map = v.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            obj[toStd(it.key())] = variantToJson(it.value());
        return obj;
    }
    default:
        if (v.canConvert<QVariantList>()) return variantToJson(QVariant(v.toList()));
        if (v.canConvert<QVariantMap>()) return variantToJson(QVariant(v.toMap()));
        return toStd(v.toString());
    }
}

QString formatDate(const std::string& iso) {
    const QDate d = QDate::fromString(toQString(iso), Qt::ISODate);
    return d.isValid() ? d.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

namespace {
// The one form of a typed date: d/M/yyyy (also with . or -), then optionally H:mm.
const QString kTypedDate = QStringLiteral(R"(^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}))");
}  // namespace

std::optional<TypedDate> typedDate(const QString& text) {
    static const QRegularExpression re(kTypedDate);
    const auto m = re.match(text);
    if (!m.hasMatch()) return std::nullopt;
    return TypedDate{m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()};
}

std::optional<std::string> parseDate(const QString& text) {
    static const QRegularExpression re(kTypedDate + QStringLiteral(R"(\s*$)"));
    const auto m = re.match(text);
    if (!m.hasMatch()) return std::nullopt;
    const QDate d(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
    if (!d.isValid()) return std::nullopt;
    return toStd(d.toString(Qt::ISODate));
}

QTimeZone vietnamTimeZone() {
    // A fixed offset needs no tz database on the tablet (shared calendar.h).
    static const QTimeZone zone(static_cast<int>(kVietnamOffsetMs / 1000));
    return zone;
}

QDate vietnamToday() { return QDate::fromString(QString::fromStdString(todayIso()), Qt::ISODate); }

QString formatDateTime(qint64 ms) {
    if (ms <= 0) return {};
    return QDateTime::fromMSecsSinceEpoch(ms, vietnamTimeZone())
        .toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

std::optional<qint64> parseDateTime(const QString& text) {
    static const QRegularExpression re(kTypedDate +
                                       QStringLiteral(R"((?:\s+(\d{1,2})[:hg](\d{2}))?\s*$)"));
    const auto m = re.match(text);
    if (!m.hasMatch()) return std::nullopt;
    const QDate d(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
    const QTime t = m.captured(4).isEmpty() ? QTime(0, 0)
                                            : QTime(m.captured(4).toInt(), m.captured(5).toInt());
    if (!d.isValid() || !t.isValid()) return std::nullopt;
    return QDateTime(d, t, vietnamTimeZone()).toMSecsSinceEpoch();
}

std::string todayIso() { return vietnamDate(QDateTime::currentMSecsSinceEpoch()); }

namespace {
QString tr(const char* s) { return QCoreApplication::translate("ValueFormat", s); }
}  // namespace

std::optional<Json> fieldFromInput(const std::string& entity, const FieldDef& f,
                                   const QVariant& input, QString* error) {
    const QString label = Catalog::fieldLabel(toQString(entity), toQString(f.name));
    auto fail = [&](const QString& why) -> std::optional<Json> {
        if (error) *error = why.arg(label);
        return std::nullopt;
    };
    const bool isText = input.typeId() == QMetaType::QString;
    const QString text = isText ? input.toString() : QString();
    if (!input.isValid() || input.isNull() || (isText && text.trimmed().isEmpty())) {
        if (f.required) return fail(tr("«%1» không được để trống."));
        if (f.type == FieldType::Text && isText && !text.isEmpty()) return Json(toStd(text));
        return Json(nullptr);
    }
    switch (f.type) {
    case FieldType::Text: {
        const std::string s = toStd(input.toString());
        if (s.size() > f.maxLength) return fail(tr("«%1» quá dài."));
        return Json(s);
    }
    case FieldType::Ref:
    case FieldType::Enum: return Json(toStd(input.toString().trimmed()));
    case FieldType::Integer: {
        bool ok = false;
        const qlonglong n = isText ? text.trimmed().toLongLong(&ok) : input.toLongLong(&ok);
        if (!ok) return fail(tr("«%1» phải là một số."));
        if (n < f.minValue || n > f.maxValue)
            return fail(tr("«%1» phải từ %2 đến %3.")
                            .arg(QStringLiteral("%1"), QString::number(f.minValue),
                                 QString::number(f.maxValue)));
        return Json(static_cast<long long>(n));
    }
    case FieldType::Boolean: return Json(input.toBool());
    case FieldType::Date: {
        if (!isText) return fail(tr("«%1»: ngày không hợp lệ, hãy nhập dạng dd/MM/yyyy."));
        const auto iso = parseDate(text);
        if (!iso) return fail(tr("«%1»: ngày không hợp lệ, hãy nhập dạng dd/MM/yyyy."));
        return Json(*iso);
    }
    case FieldType::Time: {
        if (isText) {
            const auto ms = parseDateTime(text);
            if (!ms) return fail(tr("«%1»: thời gian không hợp lệ, hãy nhập dạng dd/MM/yyyy HH:mm."));
            return Json(static_cast<long long>(*ms));
        }
        bool ok = false;
        const qlonglong ms = input.toLongLong(&ok);
        if (!ok || ms < 0) return fail(tr("«%1»: thời gian không hợp lệ."));
        return Json(static_cast<long long>(ms));
    }
    case FieldType::RefList:
    case FieldType::People: {
        Json v = variantToJson(input);
        if (!v.is_array()) return fail(tr("«%1» phải là một danh sách."));
        return v;
    }
    }
    return fail(tr("«%1» không hợp lệ."));
}

Json normaliseStoredValue(const FieldDef& f, const Json& value) {
    if ((f.type == FieldType::RefList || f.type == FieldType::People) && value.is_string()) {
        Json parsed = Json::parse(value.get_ref<const std::string&>(), nullptr, false);
        if (!parsed.is_discarded()) return parsed;
    }
    if (f.type == FieldType::Boolean && value.is_number_integer()) return value.get<long long>() != 0;
    return value;
}

QString valueToDisplayText(const std::string& entity, const FieldDef& f, const Json& raw) {
    const Json v = normaliseStoredValue(f, raw);
    if (v.is_null()) return tr("(trống)");
    switch (f.type) {
    case FieldType::Date: return v.is_string() ? formatDate(v.get<std::string>()) : QString();
    case FieldType::Time: return v.is_number() ? formatDateTime(v.get<qint64>()) : QString();
    case FieldType::Boolean: return v.get<bool>() ? tr("có") : tr("không");
    case FieldType::Enum:
        return Catalog::enumLabel(toQString(entity), toQString(f.name), toQString(v.get<std::string>()));
    case FieldType::People: {
        QStringList people;
        for (const Json& p : v) {
            const QString name = toQString(jsonString(p, "name"));
            const QString role = toQString(jsonString(p, "role"));
            people << (role.isEmpty() ? name : name + QStringLiteral(" (") + role + QLatin1Char(')'));
        }
        return people.join(QStringLiteral(", "));
    }
    case FieldType::RefList: {
        QStringList ids;
        for (const Json& id : v) ids << toQString(id.get<std::string>());
        return ids.join(QStringLiteral(", "));
    }
    case FieldType::Integer: return QString::number(v.get<long long>());
    default: return v.is_string() ? toQString(v.get<std::string>()) : toQString(v.dump());
    }
}

}  // namespace nghedan::client

namespace nghedan::client {
std::string jsonString(const Json& obj, const char* key) {
    if (!obj.is_object()) return {};
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace nghedan::client
