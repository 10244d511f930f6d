#include "demo_seed.h"

#include <chrono>
#include <ctime>
#include <random>
#include <vector>

#include "nghedan/proof.h"
#include "nghedan/personal.h"

namespace nghedan::demo {
namespace {

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string isoDay(std::int64_t ms) {
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

/** Builds changes as if they came from the server (another site), seq contiguous. */
class RemoteSite {
public:
    explicit RemoteSite(std::string author) : m_author(std::move(author)) {}
    std::string add(const std::string& entity, const std::string& unit, std::map<std::string, Json> set,
                    std::string id = {}, std::int64_t atMs = 0) {
        Change c;
        c.site = m_site;
        c.seq = ++m_seq;
        c.hlc = hlcPack(atMs ? atMs : nowMs() - 30 * kDay + static_cast<std::int64_t>(m_seq) * 1000, 0);
        c.entity = entity;
        c.id = id.empty() ? newRecordId() : id;
        c.unit = unit.empty() ? c.id : unit;
        c.author = m_author;
        c.set = std::move(set);
        saltPersonalValues(c);
        c.sig = signatureOf(c, m_key.secretKey);
        m_changes.push_back(c);
        return c.id;
    }
    void edit(const Change& base, const std::string& field, Json value, std::int64_t atMs) {
        Change c;
        c.site = m_site;
        c.seq = ++m_seq;
        c.hlc = hlcPack(atMs, 0);
        c.entity = base.entity;
        c.id = base.id;
        c.unit = base.unit;
        c.author = m_author;
        c.set[field] = std::move(value);
        c.bases[field] = {base.dot()};
        saltPersonalValues(c);
        c.sig = signatureOf(c, m_key.secretKey);
        m_changes.push_back(c);
    }
    bool flush(Replica& replica, std::string* error) {
        // The server hands out the key of every site whose changes it sends.
        if (Status s = replica.learnSiteKey({m_site, m_key.publicKey, 0, {}}); !s) {
            if (error) *error = s.error().message;
            return false;
        }
        auto report = replica.apply(m_changes);
        m_changes.clear();
        if (!report) {
            if (error) *error = report.error().message;
            return false;
        }
        if (!report->refused.empty()) {
            if (error) *error = "refused: " + report->refused.front().error.message;
            return false;
        }
        return true;
    }
    const std::vector<Change>& pending() const { return m_changes; }

private:
    std::string m_site = newSiteId();
    KeyPair m_key = newKeyPair();
    std::string m_author;
    std::uint64_t m_seq = 0;
    std::vector<Change> m_changes;
};

}  // namespace

bool seedDemo(Replica& replica, const std::string& author, DemoIds& ids, std::string* error) {
    const std::int64_t now = nowMs();
    RemoteSite server("quan.tri");

    // Units: the city, two districts, three wards of District 12, neighbourhoods of Thới An.
    ids.city = server.add("unit", "", {{"level", "city"}, {"name", "Thành phố Hồ Chí Minh"}, {"code", "79"}});
    ids.district = server.add("unit", "", {{"level", "district"}, {"name", "Quận 12"}, {"parent", ids.city}});
    const std::string phuNhuan =
        server.add("unit", "", {{"level", "district"}, {"name", "Quận Phú Nhuận"}, {"parent", ids.city}});
    ids.ward = server.add("unit", "", {{"level", "ward"}, {"name", "Phường Thới An"}, {"parent", ids.district}});
    server.add("unit", "", {{"level", "ward"}, {"name", "Phường Tân Chánh Hiệp"}, {"parent", ids.district}});
    server.add("unit", "", {{"level", "ward"}, {"name", "Phường Hiệp Thành"}, {"parent", ids.district}});
    server.add("unit", "", {{"level", "ward"}, {"name", "Phường 9"}, {"parent", phuNhuan}});
    std::vector<std::string> hoods;
    for (const char* name : {"Khu phố 1", "Khu phố 2", "Khu phố 3", "Khu phố 4", "Khu phố 10"})
        hoods.push_back(server.add("unit", "", {{"level", "neighbourhood"}, {"name", name}, {"parent", ids.ward}}));
    ids.neighbourhood = hoods[2];
    ids.otherNeighbourhood = hoods[0];

    auto agency = [&](const char* name, const char* shortName, const char* level, const std::string& unit) {
        return server.add("agency", unit,
                          {{"name", name}, {"short_name", shortName}, {"level", level}, {"contact", "028 3891 0000"}});
    };
    ids.agencyPolice = agency("Công an Quận 12", "CA Q12", "district", ids.district);
    const std::string youth = agency("Quận đoàn 12", "QĐ Q12", "district", ids.district);
    ids.agencyHealth = agency("Trung tâm Y tế Quận 12", "TTYT Q12", "district", ids.district);
    ids.agencyTransport = agency("Sở Giao thông vận tải", "Sở GTVT", "city", ids.city);
    const std::string wardCommittee = agency("Ủy ban nhân dân Phường Thới An", "UBND P. Thới An", "ward", ids.ward);
    const std::string environment =
        agency("Phòng Tài nguyên và Môi trường Quận 12", "Phòng TN-MT", "district", ids.district);
    agency("Đội Quản lý trật tự đô thị Quận 12", "Đội QLTTĐT", "district", ids.district);

    // An earlier visit (finalised) to Khu phố 1, with its petitions.
    ids.pastMeeting = server.add(
        "meeting", hoods[0],
        {{"held_at", now - 21 * kDay},
         {"title", "Họp dân Khu phố 1 – Mỗi tuần một khu phố"},
         {"location", "Nhà văn hóa Khu phố 1, đường Thới An 16"},
         {"chaired_by", "Ông Trần Quốc Dũng, Phó Bí thư Quận ủy"},
         {"delegation", "Thường trực Quận ủy, UBND Quận 12, Công an Quận 12, Quận đoàn 12"},
         {"attendees", Json::array({{{"name", "Nguyễn Thị Mai"}, {"role", "Bí thư chi bộ"}},
                                    {{"name", "Lê Văn Hùng"}, {"role", "Trưởng khu phố"}}})},
         {"resident_count", 86},
         {"agenda", "1. Tình hình an ninh trật tự\n2. Ý kiến, kiến nghị của người dân"},
         {"minutes", "Người dân phản ánh tình trạng xe khách dừng đón trả khách trong đường nội bộ…"},
         {"conclusions", "Giao phường khảo sát, mời Sở Giao thông vận tải cùng làm việc."},
         {"status", "finalised"},
         {"recorded_by", author}});
    ids.transportPetition = server.add(
        "petition", hoods[0],
        {{"meeting", ids.pastMeeting},
         {"received_at", now - 21 * kDay},
         {"channel", "meeting"},
         {"petitioner_name", "Phạm Minh Tâm"},
         {"petitioner_contact", "0908 123 456"},
         {"households", 40},
         {"category", "urban_transport"},
         {"title", "Xe khách dừng đón trả khách trong đường nội bộ khu dân cư"},
         {"description", "Nhiều nhà xe dùng đường nội bộ làm bến, gây ùn tắc và mất an toàn cho trẻ em đi học."},
         {"location", "Đường nội bộ khu dân cư Phú Nhuận, Khu phố 1"},
         {"status", "escalated"},
         {"priority", "high"},
         {"handling_level", "city"},
         {"status_reason", "Vượt thẩm quyền của phường: cần Sở Giao thông vận tải cắm biển cấm dừng đỗ."},
         {"lead_agency", ids.agencyTransport},
         {"support_agencies", Json::array({wardCommittee})},
         {"due_date", isoDay(now + 10 * kDay)}});
    server.add("update", hoods[0],
               {{"parent_entity", "petition"},
                {"parent", ids.transportPetition},
                {"text", "Phường đã khảo sát hiện trạng, gửi văn bản mời Sở Giao thông vận tải và Quận 12."}});
    ids.healthPetition = server.add(
        "petition", hoods[0],
        {{"meeting", ids.pastMeeting},
         {"received_at", now - 21 * kDay},
         {"channel", "meeting"},
         {"petitioner_name", "Trần Thị Hồng"},
         {"households", 12},
         {"category", "health_insurance"},
         {"title", "Hộ cận nghèo chưa được cấp thẻ bảo hiểm y tế"},
         {"description", "12 hộ cận nghèo trong khu phố chưa có thẻ bảo hiểm y tế năm nay."},
         {"status", "assigned"},
         {"priority", "normal"},
         {"lead_agency", ids.agencyHealth},
         {"due_date", isoDay(now - 3 * kDay)}});
    server.add("petition", hoods[1],
               {{"received_at", now - 40 * kDay},
                {"channel", "hotline"},
                {"petitioner_name", "Lê Văn Đức"},
                {"category", "security_order"},
                {"title", "Đèn đường hẻm 12 không sáng, người dân đi lại nguy hiểm"},
                {"location", "Hẻm 12, Khu phố 2"},
                {"status", "in_progress"},
                {"lead_agency", wardCommittee},
                {"due_date", isoDay(now - 8 * kDay)}});
    server.add("petition", hoods[2],
               {{"received_at", now - 15 * kDay},
                {"channel", "written"},
                {"petitioner_name", "Võ Thị Ánh"},
                {"category", "environment_sanitation"},
                {"title", "Rác thải tồn đọng ở cuối hẻm 45 đường Thới An"},
                {"status", "received"},
                {"due_date", isoDay(now + 5 * kDay)}});
    server.add("petition", hoods[3],
               {{"received_at", now - 60 * kDay},
                {"channel", "visit"},
                {"petitioner_name", "Đặng Quốc Bảo"},
                {"category", "urban_transport"},
                {"title", "Lấn chiếm vỉa hè trước chợ Thới An"},
                {"status", "resolved"},
                {"resolution", "Đội Quản lý trật tự đô thị đã xử lý, trả lại vỉa hè."},
                {"resolved_at", now - 20 * kDay}});
    ids.directive = server.add(
        "directive", hoods[0],
        {{"meeting", ids.pastMeeting},
         {"petition", ids.healthPetition},
         {"issued_by", "Ông Trần Quốc Dũng"},
         {"agency", ids.agencyHealth},
         {"instruction", "Trung tâm Y tế quận tìm cách cấp thẻ bảo hiểm y tế miễn phí cho các hộ cận nghèo."},
         {"status", "in_progress"},
         {"due_date", isoDay(now + 14 * kDay)}});
    server.add("directive", hoods[0],
               {{"meeting", ids.pastMeeting},
                {"issued_by", "Ông Trần Quốc Dũng"},
                {"agency", ids.agencyPolice},
                {"instruction", "Công an quận và Quận đoàn giúp người dân làm căn cước gắn chip ngay trong tuần."},
                {"status", "issued"},
                {"due_date", isoDay(now - 2 * kDay)}});
    server.add("directive", hoods[0],
               {{"meeting", ids.pastMeeting},
                {"issued_by", "Bà Nguyễn Thị Lan"},
                {"agency", environment},
                {"instruction", "Phòng Tài nguyên và Môi trường kiểm tra điểm tập kết rác trên đường Thới An 16."},
                {"status", "done"},
                {"result", "Đã di dời điểm tập kết rác."}});
    (void)youth;

    // The petition that will be in conflict: created on the server, then edited both there
    // and on this tablet without either seeing the other.
    ids.conflictPetition = server.add(
        "petition", hoods[2],
        {{"received_at", now - 10 * kDay},
         {"channel", "meeting"},
         {"petitioner_name", "Nguyễn Văn Đức"},
         {"category", "civil_records"},
         {"title", "Người cao tuổi cần hỗ trợ làm căn cước gắn chip tại nhà"},
         {"description", "Một số cụ trên 80 tuổi không thể đến công an phường làm căn cước."},
         {"status", "assigned"},
         {"lead_agency", ids.agencyPolice}});
    const Change conflictBase = server.pending().back();
    if (!server.flush(replica, error)) return false;

    // Local work of the signed-in official: this week's meeting in Khu phố 3.
    WriteRequest meeting;
    meeting.entity = "meeting";
    meeting.unit = ids.neighbourhood;
    meeting.author = author;
    meeting.set = {{"held_at", now - 2 * 3600 * 1000},
                   {"title", "Họp dân Khu phố 3 – Mỗi tuần một khu phố"},
                   {"location", "Hội trường Khu phố 3, số 25 đường Thới An 32"},
                   {"chaired_by", "Bà Nguyễn Thị Lan, Bí thư Quận ủy Quận 12"},
                   {"delegation", "Thường trực Quận ủy, UBND Quận 12, Công an Quận 12, Trung tâm Y tế Quận 12"},
                   {"attendees", Json::array({{{"name", "Huỳnh Văn Phước"}, {"role", "Bí thư chi bộ"}},
                                              {{"name", "Đỗ Thị Thu Trang"}, {"role", "Trưởng khu phố"}},
                                              {{"name", "Ngô Minh Khôi"}, {"role", "Ban công tác Mặt trận"}}})},
                   {"resident_count", 112},
                   {"agenda", "1. Báo cáo kết quả giải quyết kiến nghị lần trước\n2. Người dân phát biểu ý kiến\n3. Lãnh đạo quận trả lời, chỉ đạo"},
                   {"minutes", "14 giờ 00: Bà Nguyễn Thị Lan khai mạc, giới thiệu thành phần đoàn công tác.\n"
                               "Ông Huỳnh Văn Phước báo cáo: 17 khu phố đã được thăm từ đầu năm; các kiến nghị lần trước đã giải quyết 9/12.\n"
                               "Bà Võ Thị Ánh (hẻm 45) phản ánh rác thải tồn đọng cuối hẻm, mùi hôi ảnh hưởng sinh hoạt."},
                   {"status", "draft"},
                   {"recorded_by", author}};
    auto weekMeeting = replica.write(meeting);
    if (!weekMeeting) {
        if (error) *error = weekMeeting.error().message;
        return false;
    }
    ids.weekMeeting = weekMeeting->id;

    WriteRequest petition;
    petition.entity = "petition";
    petition.unit = ids.neighbourhood;
    petition.author = author;
    petition.set = {{"meeting", ids.weekMeeting},
                    {"received_at", now - 3600 * 1000},
                    {"channel", "meeting"},
                    {"petitioner_name", "Bùi Thị Ngọc Ánh"},
                    {"petitioner_contact", "0913 456 789"},
                    {"households", 25},
                    {"category", "social_welfare"},
                    {"title", "Đề nghị hỗ trợ học bổng cho học sinh hộ nghèo"},
                    {"description", "Nhiều em học sinh hộ nghèo trong khu phố có nguy cơ bỏ học."},
                    {"status", "received"}};
    if (auto r = replica.write(petition); !r) {
        if (error) *error = r.error().message;
        return false;
    }

    // This tablet's edit of the conflict petition, then the server's concurrent edit.
    WriteRequest localEdit;
    localEdit.entity = "petition";
    localEdit.id = ids.conflictPetition;
    localEdit.author = author;
    localEdit.set = {{"description", "Có 7 cụ trên 80 tuổi ở Khu phố 3 không đi lại được; đề nghị công an đến tận nhà làm căn cước."}};
    if (auto r = replica.write(localEdit); !r) {
        if (error) *error = r.error().message;
        return false;
    }
    server.edit(conflictBase, "description",
                "Công an phường đề nghị bố trí buổi làm căn cước lưu động tại nhà văn hóa Khu phố 3 vào thứ Bảy.",
                now - 3 * 3600 * 1000);
    if (!server.flush(replica, error)) return false;

    // A change the server refused (outside the official's authority), kept visible.
    WriteRequest refused;
    refused.entity = "petition";
    refused.id = ids.transportPetition;
    refused.author = author;
    refused.set = {{"status", "resolved"}};
    auto refusedChange = replica.write(refused);
    if (!refusedChange) {
        if (error) *error = refusedChange.error().message;
        return false;
    }
    if (Status s = replica.markRefused(refusedChange->dot(),
                                       Error{"forbidden", "Kiến nghị đã chuyển lên cấp thành phố; chỉ cấp xử lý được cập nhật kết quả"});
        !s) {
        if (error) *error = s.error().message;
        return false;
    }
    return true;
}

bool seedManyPetitions(Replica& replica, const DemoIds& ids, std::size_t count, std::uint32_t seed,
                       std::string* error) {
    static const char* kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    static const char* kMiddle[] = {"Văn", "Thị", "Minh", "Quốc", "Thu", "Ngọc", "Hữu", "Thanh"};
    static const char* kGiven[] = {"Đức", "Hồng", "Tâm", "Lan", "Hùng", "Mai", "Dũng", "Ánh", "Phước", "Trang", "Khôi", "Bảo", "Thảo", "Nam", "Hải", "Yến"};
    static const char* kTopics[] = {"Đèn đường hẻm không sáng", "Rác thải tồn đọng", "Ngập nước khi mưa lớn",
                                    "Lấn chiếm vỉa hè", "Tiếng ồn karaoke ban đêm", "Xe tải chạy vào giờ cấm",
                                    "Chưa được cấp thẻ bảo hiểm y tế", "Cần làm căn cước gắn chip",
                                    "Đường xuống cấp, nhiều ổ gà", "Trộm cắp xe máy", "Hỗ trợ hộ nghèo",
                                    "Xây dựng không phép"};
    const auto& categories = petitionCategories();
    const auto& statuses = petitionStatuses();
    auto subtree = replica.unitSubtree(ids.ward);
    if (!subtree) {
        if (error) *error = subtree.error().message;
        return false;
    }
    std::vector<std::string> hoods;
    for (const auto& u : *subtree)
        if (u != ids.ward) hoods.push_back(u);
    std::mt19937 rng(seed);
    const std::int64_t now = nowMs();
    const std::string site = newSiteId();
    const KeyPair key = newKeyPair();
    if (Status s = replica.learnSiteKey({site, key.publicKey, 0, {}}); !s) {
        if (error) *error = s.error().message;
        return false;
    }
    std::vector<Change> batch;
    for (std::size_t i = 0; i < count; ++i) {
        Change c;
        c.site = site;
        c.seq = i + 1;
        c.hlc = hlcPack(now - 400 * kDay + static_cast<std::int64_t>(i) * 300, 0);
        c.entity = "petition";
        c.id = newRecordId();
        c.unit = hoods[rng() % hoods.size()];
        c.author = "can.bo." + std::to_string(rng() % 50);
        const std::string name = std::string(kFamily[rng() % 16]) + " " + kMiddle[rng() % 8] + " " + kGiven[rng() % 16];
        const std::string topic = kTopics[rng() % 12];
        c.set = {{"received_at", now - static_cast<std::int64_t>(rng() % 400) * kDay},
                 {"channel", "meeting"},
                 {"petitioner_name", name},
                 {"category", categories[rng() % categories.size()]},
                 {"title", topic + " (số " + std::to_string(i + 1) + ")"},
                 {"description", "Người dân " + name + " phản ánh: " + topic + "."},
                 {"status", statuses[rng() % statuses.size()]},
                 {"due_date", isoDay(now + (static_cast<std::int64_t>(rng() % 120) - 60) * kDay)}};
        if (rng() % 3 == 0) c.set["lead_agency"] = ids.agencyPolice;
        saltPersonalValues(c);
        c.sig = signatureOf(c, key.secretKey);
        batch.push_back(std::move(c));
        if (batch.size() == 5000 || i + 1 == count) {
            auto report = replica.apply(batch);
            if (!report) {
                if (error) *error = report.error().message;
                return false;
            }
            batch.clear();
        }
    }
    return true;
}

}  // namespace nghedan::demo
