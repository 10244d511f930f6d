#include "catalog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include "nghedan/schema.h"
#include "value_format.h"

namespace nghedan::client {
namespace {

QString tr(const char* s) { return QCoreApplication::translate("Catalog", s); }

QString levelLabel(const QString& v) {
    if (v == u"city") return tr("Thành phố");
    if (v == u"district") return tr("Quận");
    if (v == u"ward") return tr("Phường");
    if (v == u"neighbourhood") return tr("Khu phố");
    return v;
}

}  // namespace

QString Catalog::enumLabel(const QString& entity, const QString& field, const QString& v) {
    if (v.isEmpty()) return {};
    if (field == u"level" || field == u"handling_level") return levelLabel(v);
    if (field == u"category") {
        if (v == u"security_order") return tr("An ninh, trật tự");
        if (v == u"social_welfare") return tr("An sinh xã hội");
        if (v == u"environment_sanitation") return tr("Môi trường, vệ sinh");
        if (v == u"urban_transport") return tr("Trật tự đô thị, giao thông");
        if (v == u"civil_records") return tr("Hộ tịch, giấy tờ");
        if (v == u"health_insurance") return tr("Y tế, bảo hiểm");
        if (v == u"land_construction") return tr("Đất đai, xây dựng");
        if (v == u"other") return tr("Khác");
    }
    if (field == u"status" && entity == u"petition") {
        if (v == u"received") return tr("Mới tiếp nhận");
        if (v == u"assigned") return tr("Đã giao xử lý");
        if (v == u"in_progress") return tr("Đang xử lý");
        if (v == u"resolved") return tr("Đã giải quyết");
        if (v == u"closed") return tr("Đã kết thúc");
        if (v == u"escalated") return tr("Chuyển cấp trên");
        if (v == u"not_competent") return tr("Không thuộc thẩm quyền");
        if (v == u"withdrawn") return tr("Người dân rút lại");
    }
    if (field == u"status" && entity == u"directive") {
        if (v == u"issued") return tr("Đã chỉ đạo");
        if (v == u"in_progress") return tr("Đang thực hiện");
        if (v == u"done") return tr("Đã hoàn thành");
        if (v == u"cancelled") return tr("Đã huỷ");
    }
    if (field == u"status" && entity == u"meeting") {
        if (v == u"draft") return tr("Đang ghi");
        if (v == u"finalised") return tr("Đã chốt biên bản");
    }
    if (field == u"channel") {
        if (v == u"meeting") return tr("Tại buổi họp");
        if (v == u"visit") return tr("Khi đi cơ sở");
        if (v == u"hotline") return tr("Đường dây nóng");
        if (v == u"written") return tr("Đơn thư");
        if (v == u"online") return tr("Trực tuyến");
        if (v == u"other") return tr("Khác");
    }
    if (field == u"priority") {
        if (v == u"low") return tr("Thấp");
        if (v == u"normal") return tr("Bình thường");
        if (v == u"high") return tr("Cao");
        if (v == u"urgent") return tr("Khẩn");
    }
    if (field == u"parent_entity") return entityLabel(v);
    return v;
}

QString Catalog::entityLabel(const QString& e) {
    if (e == u"unit") return tr("Đơn vị hành chính");
    if (e == u"agency") return tr("Cơ quan");
    if (e == u"meeting") return tr("Buổi họp");
    if (e == u"petition") return tr("Kiến nghị");
    if (e == u"directive") return tr("Chỉ đạo");
    if (e == u"update") return tr("Cập nhật tiến độ");
    return e;
}

QString Catalog::fieldLabel(const QString& e, const QString& f) {
    if (f == u"deleted") return tr("Đã xoá");
    if (f == u"title") return e == u"meeting" ? tr("Tên buổi họp") : tr("Nội dung tóm tắt");
    if (f == u"location") return tr("Địa điểm");
    if (f == u"status") return tr("Trạng thái");
    if (f == u"due_date") return tr("Hạn xử lý");
    if (f == u"meeting") return tr("Buổi họp");
    if (f == u"unit") return tr("Địa bàn");
    if (f == u"name") return tr("Tên");
    if (f == u"level") return tr("Cấp");
    if (f == u"parent") return tr("Thuộc");
    if (f == u"code") return tr("Mã");
    if (f == u"short_name") return tr("Tên viết tắt");
    if (f == u"contact") return tr("Liên hệ");
    if (f == u"held_at") return tr("Thời gian họp");
    if (f == u"chaired_by") return tr("Chủ trì");
    if (f == u"secretary") return tr("Thư ký");
    if (f == u"delegation") return tr("Đoàn công tác");
    if (f == u"attendees") return tr("Người tham dự");
    if (f == u"resident_count") return tr("Số người dân dự");
    if (f == u"agenda") return tr("Chương trình");
    if (f == u"minutes") return tr("Biên bản");
    if (f == u"conclusions") return tr("Kết luận");
    if (f == u"recorded_by") return tr("Người ghi");
    if (f == u"received_at") return tr("Ngày tiếp nhận");
    if (f == u"channel") return tr("Hình thức tiếp nhận");
    if (f == u"petitioner_name") return tr("Người kiến nghị");
    if (f == u"petitioner_contact") return tr("Liên hệ người kiến nghị");
    if (f == u"households") return tr("Số hộ liên quan");
    if (f == u"category") return tr("Lĩnh vực");
    if (f == u"description") return tr("Nội dung chi tiết");
    if (f == u"priority") return tr("Mức độ");
    if (f == u"lead_agency") return tr("Cơ quan chủ trì");
    if (f == u"support_agencies") return tr("Cơ quan phối hợp");
    if (f == u"handling_level") return tr("Cấp xử lý");
    if (f == u"resolution") return tr("Kết quả giải quyết");
    if (f == u"resolved_at") return tr("Ngày giải quyết");
    if (f == u"status_reason") return tr("Lý do");
    if (f == u"petition") return tr("Kiến nghị");
    if (f == u"issued_by") return tr("Người chỉ đạo");
    if (f == u"agency") return tr("Cơ quan thực hiện");
    if (f == u"instruction") return tr("Nội dung chỉ đạo");
    if (f == u"result") return tr("Kết quả thực hiện");
    if (f == u"completed_at") return tr("Ngày hoàn thành");
    if (f == u"parent_entity") return tr("Loại hồ sơ");
    if (f == u"text") return tr("Nội dung");
    return f;
}

QVariantList Catalog::options(const QString& entity, const QString& field) const {
    QVariantList out;
    const EntityDef* e = findEntity(toStd(entity));
    const FieldDef* f = e ? e->field(toStd(field)) : nullptr;
    if (!f) return out;
    for (const std::string& v : f->enumValues) {
        const QString value = toQString(v);
        out.append(QVariantMap{{"value", value}, {"label", enumLabel(entity, field, value)}});
    }
    return out;
}

QVariantList Catalog::nextPetitionStatuses(const QString& from) const {
    QVariantList out;
    for (const std::string& v : allowedNextPetitionStatuses(toStd(from))) {
        const QString value = toQString(v);
        out.append(QVariantMap{{"value", value}, {"label", enumLabel("petition", "status", value)}});
    }
    return out;
}

QString Catalog::toneOf(const QString& entity, const QString& status) {
    const std::string s = toStd(status);
    if (entity == u"petition") {
        if (s == "escalated") return QStringLiteral("warning");
        if (isOpenPetitionStatus(s)) return QStringLiteral("open");
        if (s == "resolved") return QStringLiteral("done");
        return QStringLiteral("closed");
    }
    if (entity == u"directive") {
        if (isOpenDirectiveStatus(s)) return QStringLiteral("open");
        if (s == "done") return QStringLiteral("done");
        return QStringLiteral("closed");
    }
    if (entity == u"meeting") return s == "finalised" ? QStringLiteral("done") : QStringLiteral("open");
    return QStringLiteral("closed");
}

QString Catalog::todayText() const {
    return vietnamToday().toString(QStringLiteral("dd/MM/yyyy"));
}
QString Catalog::nowText() const { return formatDateTime(QDateTime::currentMSecsSinceEpoch()); }
bool Catalog::isValidDate(const QString& text) const { return parseDate(text).has_value(); }
bool Catalog::isValidDateTime(const QString& text) const { return parseDateTime(text).has_value(); }

QString Catalog::dateProblem(const QString& text, bool withTime) const {
    if (text.trimmed().isEmpty() || (withTime ? isValidDateTime(text) : isValidDate(text)))
        return {};
    if (const auto t = typedDate(text); t && !QDate(t->year, t->month, t->day).isValid())
        return tr("Không có ngày %1 trên lịch. Hãy chọn lại ngày.")
            .arg(text.trimmed().section(QLatin1Char(' '), 0, 0));
    return withTime ? tr("Hãy nhập ngày giờ dạng ngày/tháng/năm giờ:phút, ví dụ 05/03/2026 19:30.")
                    : tr("Hãy nhập ngày dạng ngày/tháng/năm, ví dụ 05/03/2026.");
}

QVariantMap Catalog::calendarDate(const QString& text) const {
    QDate d;
    if (const auto t = typedDate(text)) d = QDate(t->year, t->month, t->day);
    const QDate shown = d.isValid() ? d : vietnamToday();
    return {
        {"year", shown.year()}, {"month", shown.month() - 1}, {"day", d.isValid() ? d.day() : 0}};
}

QVariantMap Catalog::shiftMonth(int year, int month, int delta) const {
    const QDate d = QDate(year, month + 1, 1).addMonths(delta);
    return {{"year", d.year()}, {"month", d.month() - 1}};
}

QString Catalog::monthTitle(int year, int month) const {
    return tr("Tháng %1 năm %2").arg(month + 1).arg(year);
}

QString Catalog::withPickedDate(const QString& text, int year, int month, int day,
                                bool withTime) const {
    const QDate d(year, month + 1, day);
    if (!d.isValid()) return text;
    const QString date = d.toString(QStringLiteral("dd/MM/yyyy"));
    if (!withTime) return date;
    // The time part of what was typed when it is a valid time, else the current time.
    const auto typed = parseDateTime(text);
    const QString hhmm = (typed && text.contains(QLatin1Char(':')))
                             ? formatDateTime(*typed).right(5)
                             : nowText().right(5);
    return date + QLatin1Char(' ') + hhmm;
}

QStringList Catalog::attendeeRoles() const {
    return {tr("Người dân"), tr("Bí thư chi bộ"), tr("Trưởng khu phố"), tr("Ban công tác Mặt trận"),
            tr("Đại biểu"), tr("Thư ký")};
}

}  // namespace nghedan::client
