#include "demo_data.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>

#include "nghedan/blob_store.h"
#include "nghedan/calendar.h"
#include "nghedan/workflow.h"
#include "routes/web_assets.h"
#include "users.h"

namespace nghedan::server {

// The demo's photos (server/demo, embedded by server/CMakeLists.txt).
extern const WebAsset kDemoPhotos[];
extern const std::size_t kDemoPhotoCount;

namespace {

/** The embedded demo photo `name` ("meeting.jpg"); nullptr when there is none. */
const WebAsset* demoPhoto(const std::string& name) {
    for (std::size_t i = 0; i < kDemoPhotoCount; ++i)
        if (name == kDemoPhotos[i].path) return &kDemoPhotos[i];
    return nullptr;
}

std::string sha256Of(const WebAsset& a) {
    Sha256 h;
    h.update(a.data, a.size);
    return h.hexDigest();
}

// ---- time: the Vietnam calendar (shared calendar.h) ----------------------------------

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;

/** Time of a local (Vietnam) hour and minute on a day. */
std::int64_t vnTime(std::int64_t day, int hour, int minute) {
    return vietnamDayStartMs(day) + hour * kHourMs + minute * kMinuteMs;
}
/** 0 = Sunday ... 5 = Friday. */
int weekday(std::int64_t day) { return static_cast<int>(day - weekStartDay(day) + 1) % 7; }

/** "13/3/2026" as people write dates. */
std::string shortDate(std::int64_t day) {
    const std::string t = formatDay(day);
    return std::to_string(std::stoi(t.substr(8, 2))) + "/" +
           std::to_string(std::stoi(t.substr(5, 2))) + "/" + t.substr(0, 4);
}

// ---- the reference data -----------------------------------------------------------------

struct WardDef {
    std::string id, name, district, code;
    std::string official;  ///< username of the ward official
    std::string officialName;
    std::vector<std::string> streets;
    std::vector<std::string> kps;  ///< neighbourhood unit ids, filled when seeding
};

struct DistrictDef {
    std::string id, name, code, supervisor, supervisorName;
    std::vector<std::string> chairs;  ///< "Name — title" of the leaders who chair visits
};

const std::vector<DistrictDef>& districts() {
    static const std::vector<DistrictDef> kDistricts = {
        {"q3",
         "Quận 3",
         "Q3",
         "giamsat.q3",
         "Trần Thị Thanh Hương",
         {"Phạm Minh Khôi — Phó Bí thư Quận ủy, Chủ tịch UBND quận 3",
          "Nguyễn Thị Thu Hà — Bí thư Quận ủy quận 3", "Trần Quốc Bảo — Phó Chủ tịch UBND quận 3",
          "Lê Thị Mỹ Dung — Trưởng Ban Dân vận Quận ủy quận 3"}},
        {"q12",
         "Quận 12",
         "Q12",
         "giamsat.q12",
         "Đỗ Minh Tâm",
         {"Đặng Văn Hùng — Bí thư Quận ủy quận 12",
          "Võ Thị Kim Ngân — Phó Bí thư Quận ủy, Chủ tịch UBND quận 12",
          "Huỳnh Tấn Lộc — Phó Chủ tịch UBND quận 12"}},
    };
    return kDistricts;
}

std::vector<WardDef> wardDefs() {
    return {
        {"q3-p4",
         "Phường 4",
         "q3",
         "Q3-P4",
         "canbo.q3",
         "Lê Thị Minh Thư",
         {"Nguyễn Thiện Thuật", "Nguyễn Đình Chiểu", "Cao Thắng"},
         {}},
        {"q3-p5",
         "Phường 5",
         "q3",
         "Q3-P5",
         "canbo.q3.p5",
         "Ngô Văn Phúc",
         {"Cao Thắng", "Võ Văn Tần", "Nguyễn Thiện Thuật"},
         {}},
        {"q3-p9",
         "Phường 9",
         "q3",
         "Q3-P9",
         "canbo.q3.p9",
         "Bùi Thị Ngọc Lan",
         {"Trần Quốc Thảo", "Kỳ Đồng", "Nguyễn Thông"},
         {}},
        {"q3-p11",
         "Phường 11",
         "q3",
         "Q3-P11",
         "canbo.q3.p11",
         "Hồ Quốc Trung",
         {"Cách Mạng Tháng Tám", "Trần Văn Đang", "Rạch Bùng Binh"},
         {}},
        {"q3-p12",
         "Phường 12",
         "q3",
         "Q3-P12",
         "canbo.q3.p12",
         "Dương Thị Hạnh",
         {"Trần Quang Diệu", "Lê Văn Sỹ", "Trần Văn Đang"},
         {}},
        {"q3-p14",
         "Phường 14",
         "q3",
         "Q3-P14",
         "canbo.q3.p14",
         "Phan Văn Sơn",
         {"Lê Văn Sỹ", "Huỳnh Tịnh Của", "Trần Văn Đang"},
         {}},
        {"q3-vts",
         "Phường Võ Thị Sáu",
         "q3",
         "Q3-VTS",
         "canbo.q3.vts",
         "Vũ Thị Thảo",
         {"Pasteur", "Nam Kỳ Khởi Nghĩa", "Võ Văn Tần"},
         {}},
        {"q12-thoian",
         "Phường Thới An",
         "q12",
         "Q12-TA",
         "canbo.q12",
         "Nguyễn Hữu Nghĩa",
         {"Lê Thị Riêng", "Thới An 13", "Thới An 16"},
         {}},
        {"q12-tch",
         "Phường Tân Chánh Hiệp",
         "q12",
         "Q12-TCH",
         "canbo.q12.tch",
         "Lý Thị Kim Yến",
         {"Tô Ký", "Nguyễn Ảnh Thủ", "Tân Chánh Hiệp 10"},
         {}},
        {"q12-ht",
         "Phường Hiệp Thành",
         "q12",
         "Q12-HT",
         "canbo.q12.ht",
         "Đặng Công Bình",
         {"Hiệp Thành 13", "Nguyễn Ảnh Thủ", "Hiệp Thành 45"},
         {}},
        {"q12-tth",
         "Phường Tân Thới Hiệp",
         "q12",
         "Q12-TTH",
         "canbo.q12.tth",
         "Huỳnh Thị Mai",
         {"Tân Thới Hiệp 21", "Phan Văn Hớn", "Quốc lộ 1A"},
         {}},
    };
}

/** Agency kinds of a district, with their ids "<district>-<kind>". */
struct AgencyKind {
    std::string kind, name;  ///< name with "%s" for the district's number ("3", "12")
};
const std::vector<AgencyKind>& districtAgencies() {
    static const std::vector<AgencyKind> kKinds = {
        {"ca", "Công an quận %s"},
        {"doan", "Quận đoàn %s"},
        {"ttyt", "Trung tâm Y tế quận %s"},
        {"tnmt", "Phòng Tài nguyên và Môi trường quận %s"},
        {"qldt", "Phòng Quản lý đô thị quận %s"},
        {"ldtbxh", "Phòng Lao động - Thương binh và Xã hội quận %s"},
        {"tuphap", "Phòng Tư pháp quận %s"},
        {"ttdt", "Đội Quản lý trật tự đô thị quận %s"},
    };
    return kKinds;
}

// ---- petition templates ----------------------------------------------------------------

struct Template {
    std::string category;
    std::string title, description, resolution;
    std::string leadKind;  ///< district agency kind, or "ubnd"/"capw" (ward committee/police)
    std::string supportKind;
    int householdsMin, householdsMax;
};

const std::vector<Template>& templates() {
    static const std::vector<Template> kTemplates = {
        {"security_order", "Thanh thiếu niên tụ tập đua xe, gây ồn ào ban đêm trên đường {street}",
         "Người dân phản ánh từ 23 giờ đến 2 giờ sáng thường có nhóm thanh thiếu niên tụ tập, rú "
         "ga, lạng lách trên đường {street}, ảnh hưởng giấc ngủ và an toàn của người dân.",
         "Công an phường phối hợp Công an quận tăng cường tuần tra ban đêm, lập biên bản 6 "
         "trường hợp; tình trạng tụ tập đua xe đã chấm dứt.",
         "capw", "ca", 10, 60},
        {"security_order", "Trộm cắp xe máy, tài sản trong hẻm {alley} {street}",
         "Trong tháng qua có nhiều vụ mất trộm xe máy, điện thoại tại hẻm {alley} {street}; người "
         "dân đề nghị tăng cường tuần tra và lắp camera an ninh.",
         "Công an phường bố trí tổ tuần tra, phối hợp khu phố lắp 4 camera an ninh đầu hẻm; "
         "đã bắt giữ một đối tượng trộm cắp.",
         "capw", "ubnd", 5, 40},
        {"security_order", "Đề nghị lắp camera an ninh tại các hẻm của khu phố",
         "Ban điều hành khu phố đề nghị hỗ trợ lắp đặt camera tại đầu các hẻm để phòng ngừa "
         "trộm cắp, kết nối với Công an phường.",
         "UBND phường vận động xã hội hóa lắp 8 camera, kết nối về Công an phường.", "ubnd", "capw",
         20, 120},
        {"social_welfare", "Hộ cận nghèo xin hỗ trợ sửa chữa nhà ở xuống cấp",
         "Căn nhà của hộ bà {resident} ở hẻm {alley} {street} bị dột, nứt tường; gia đình thuộc "
         "hộ cận nghèo, không đủ khả năng sửa chữa.",
         "Ủy ban Mặt trận Tổ quốc phường vận động hỗ trợ 40 triệu đồng sửa chữa nhà; gia đình "
         "đã về ở ổn định.",
         "ldtbxh", "ubnd", 1, 1},
        {"social_welfare", "Người cao tuổi neo đơn chưa được hưởng trợ cấp xã hội",
         "Cụ {resident}, 82 tuổi, sống một mình tại hẻm {alley} {street}, chưa được xét hưởng "
         "trợ cấp xã hội hằng tháng do thiếu giấy tờ.",
         "Phòng Lao động - Thương binh và Xã hội hướng dẫn hoàn thiện hồ sơ; cụ đã được hưởng "
         "trợ cấp từ tháng này.",
         "ldtbxh", "tuphap", 1, 1},
        {"social_welfare", "Đề nghị hỗ trợ học bổng cho học sinh có hoàn cảnh khó khăn",
         "Khu phố có 6 em học sinh mồ côi hoặc gia đình khó khăn, đề nghị vận động học bổng và "
         "hỗ trợ sách vở cho năm học mới.",
         "Quận đoàn vận động trao 6 suất học bổng và sách vở cho các em.", "doan", "ldtbxh", 6, 6},
        {"environment_sanitation", "Rác thải tồn đọng tại điểm tập kết trên đường {street}",
         "Điểm tập kết rác trên đường {street} thu gom chậm, rác tràn ra lòng đường, bốc mùi hôi, "
         "nhất là vào buổi chiều.",
         "Điều chỉnh giờ thu gom về trước 17 giờ, bổ sung xe đẩy; điểm tập kết đã sạch sẽ.", "tnmt",
         "ubnd", 30, 200},
        {"environment_sanitation", "Cống thoát nước bị nghẹt gây ngập hẻm {alley} {street} khi mưa",
         "Mỗi khi mưa lớn, hẻm {alley} {street} ngập sâu 30–40 cm do cống thoát nước bị nghẹt, "
         "nước tràn vào nhà dân.",
         "Đã nạo vét 120 m cống và thay 3 hố ga; hẻm không còn ngập khi mưa lớn.", "qldt", "ubnd",
         15, 80},
        {"environment_sanitation", "Quán nướng xả khói gây ô nhiễm trên đường {street}",
         "Một quán nướng trên đường {street} xả khói trực tiếp ra hẻm, người dân xung quanh bị "
         "ảnh hưởng sức khỏe.",
         "Đoàn kiểm tra yêu cầu chủ quán lắp hệ thống hút, lọc khói; đã khắc phục.", "tnmt", "ubnd",
         5, 25},
        {"urban_transport", "Lấn chiếm vỉa hè, lòng đường để kinh doanh trên đường {street}",
         "Nhiều hộ kinh doanh bày hàng hóa, để xe chiếm hết vỉa hè đường {street}, người đi bộ "
         "phải đi xuống lòng đường.",
         "Đội Quản lý trật tự đô thị ra quân 3 đợt, lập biên bản 11 trường hợp; vỉa hè đã thông "
         "thoáng.",
         "ttdt", "ubnd", 20, 150},
        {"urban_transport", "Đèn chiếu sáng trong hẻm {alley} {street} bị hư hỏng",
         "Hệ thống đèn chiếu sáng công cộng trong hẻm hư hỏng hơn một tháng, ban đêm tối, tiềm "
         "ẩn nguy cơ mất an ninh trật tự.",
         "Đã thay 7 bóng đèn LED và sửa tủ điện; hẻm đã sáng trở lại.", "qldt", "ubnd", 10, 60},
        {"urban_transport", "Đề nghị lắp biển báo, gờ giảm tốc tại giao lộ trên đường {street}",
         "Giao lộ trên đường {street} thường xảy ra va chạm do xe chạy tốc độ cao; người dân đề "
         "nghị lắp biển báo và gờ giảm tốc.",
         "Đã lắp 2 biển báo nguy hiểm và sơn vạch giảm tốc tại giao lộ.", "qldt", "ca", 30, 200},
        {"civil_records", "Khó khăn khi đăng ký thường trú do thiếu giấy tờ nhà",
         "Một số hộ dân sống lâu năm tại hẻm {alley} {street} nhưng chưa có giấy tờ nhà hợp lệ "
         "nên chưa đăng ký được thường trú.",
         "Công an phường hướng dẫn xác nhận quá trình cư trú; 4 hộ đã đăng ký thường trú.", "capw",
         "tuphap", 2, 8},
        {"civil_records", "Chậm trả kết quả cấp bản sao trích lục khai sinh",
         "Người dân nộp hồ sơ cấp bản sao trích lục khai sinh đã quá hẹn nhưng chưa nhận được "
         "kết quả.",
         "Phòng Tư pháp đã trả kết quả và xin lỗi người dân vì trễ hẹn.", "tuphap", "ubnd", 1, 3},
        {"civil_records", "Hướng dẫn thủ tục cấp lại giấy khai sinh bị thất lạc",
         "Nhiều người cao tuổi bị thất lạc giấy khai sinh, cần được hướng dẫn thủ tục đăng ký "
         "lại khai sinh để làm các giấy tờ khác.",
         "Phòng Tư pháp tổ chức buổi hướng dẫn tại khu phố; 12 người đã nộp hồ sơ.", "tuphap",
         "ubnd", 5, 15},
        {"health_insurance", "Hộ cận nghèo chưa được cấp thẻ bảo hiểm y tế",
         "Một số hộ cận nghèo trong khu phố chưa được cấp thẻ bảo hiểm y tế năm nay.",
         "Đã rà soát và cấp thẻ bảo hiểm y tế cho 9 người thuộc hộ cận nghèo.", "ttyt", "ldtbxh", 3,
         12},
        {"health_insurance", "Đề nghị phun thuốc phòng chống sốt xuất huyết",
         "Khu phố có ca mắc sốt xuất huyết; người dân đề nghị phun hóa chất diệt muỗi và hướng "
         "dẫn diệt lăng quăng.",
         "Trung tâm Y tế đã phun hóa chất 2 đợt, tổ chức chiến dịch diệt lăng quăng.", "ttyt",
         "ubnd", 50, 300},
        {"health_insurance", "Đề nghị khám sức khỏe định kỳ cho người cao tuổi",
         "Người cao tuổi trong khu phố mong được khám sức khỏe, tư vấn bệnh mạn tính tại chỗ.",
         "Trạm Y tế phường tổ chức khám miễn phí cho 86 người cao tuổi.", "ttyt", "doan", 40, 120},
        {"land_construction", "Công trình xây dựng sai phép tại hẻm {alley} {street}",
         "Một công trình xây thêm tầng, lấn ra hẻm chung, người dân lo ngại mất an toàn và thu "
         "hẹp lối đi.",
         "Đã lập biên bản vi phạm, buộc chủ công trình tháo dỡ phần lấn chiếm.", "qldt", "ubnd", 5,
         30},
        {"land_construction", "Tranh chấp lối đi chung giữa các hộ dân trong hẻm {alley}",
         "Hai hộ dân tranh chấp lối đi chung; một hộ xây tường rào chắn lối đi của các hộ phía "
         "trong.",
         "UBND phường hòa giải thành; tường rào đã được tháo dỡ, lối đi thông suốt.", "ubnd",
         "tnmt", 2, 6},
        {"land_construction", "Công trình thi công gây nứt nhà liền kề trên đường {street}",
         "Công trình xây dựng nhà ở trên đường {street} đào móng làm nứt tường nhà bên cạnh.",
         "Chủ đầu tư đã gia cố móng và bồi thường sửa chữa cho hộ bị ảnh hưởng.", "qldt", "ubnd", 1,
         3},
        {"other", "Đề nghị lắp đặt dụng cụ thể dục ngoài trời",
         "Người dân đề nghị lắp đặt dụng cụ thể dục tại khoảng đất trống của khu phố để người "
         "cao tuổi và thiếu nhi sinh hoạt.",
         "Đã lắp 6 dụng cụ thể dục ngoài trời tại khu đất trống của khu phố.", "ubnd", "doan", 50,
         300},
        {"other", "Đề nghị sửa chữa nhà sinh hoạt cộng đồng khu phố",
         "Nhà sinh hoạt cộng đồng của khu phố bị xuống cấp, mái tôn dột, không đủ chỗ khi họp "
         "dân.",
         "Đã thay mái tôn, sơn sửa và bổ sung 40 ghế cho nhà sinh hoạt cộng đồng.", "ubnd", "qldt",
         100, 400},
        {"other", "Đề nghị tăng cường tuyên truyền phòng cháy chữa cháy",
         "Khu phố có nhiều nhà trọ, hẻm nhỏ; người dân đề nghị tổ chức tuyên truyền và trang bị "
         "bình chữa cháy.",
         "Công an phường tổ chức tuyên truyền, hướng dẫn thoát nạn; trang bị 20 bình chữa cháy.",
         "capw", "ca", 30, 200},
    };
    return kTemplates;
}

const std::array<const char*, 16> kSurnames = {"Nguyễn", "Trần", "Lê",    "Phạm", "Hoàng", "Huỳnh",
                                               "Phan",   "Vũ",   "Võ",    "Đặng", "Bùi",   "Đỗ",
                                               "Hồ",     "Ngô",  "Dương", "Lý"};
const std::array<const char*, 7> kMaleMiddle = {"Văn", "Minh",  "Quốc", "Hữu",
                                                "Đức", "Thành", "Công"};
const std::array<const char*, 6> kFemaleMiddle = {"Thị", "Ngọc", "Thu", "Kim", "Mỹ", "Thanh"};
const std::array<const char*, 14> kMaleGiven = {"Hùng", "Dũng", "Khang", "Phúc", "Tài",
                                                "Lộc",  "Bình", "Sơn",   "Tuấn", "Hải",
                                                "Long", "Nam",  "Trung", "Nghĩa"};
const std::array<const char*, 12> kFemaleGiven = {"Lan",  "Hoa", "Hương", "Mai",    "Thảo", "Trang",
                                                  "Ngân", "Yến", "Hạnh",  "Phượng", "Linh", "Vy"};

// ---- the seeder ------------------------------------------------------------------------

struct Event {
    std::int64_t at;
    std::size_t order;
    WriteRequest request;
};

struct Visit {
    std::string district;
    const WardDef* ward;
    std::string kp;      ///< neighbourhood unit id
    std::string kpName;  ///< "Khu phố 5"
    std::int64_t day;
    std::string chair;
    bool story = false;
};

class Seeder {
public:
    Seeder(Store& replica, std::int64_t now, DemoTree tree)
        : m_replica(replica), m_now(now), m_twoTier(tree == DemoTree::TwoTier) {
        m_today = vietnamDay(now);
        std::int64_t end = m_today - 1;
        while (weekday(end) != 5) --end;  // the last Friday before today
        m_endFriday = end;
        m_startFriday = end - 47 * 7;
    }

    Status seedReference() {
        const std::int64_t t = vnTime(m_startFriday - 14, 8, 0);
        unit("hcm", "", "city", "79", "Thành phố Hồ Chí Minh", t);
        if (!m_twoTier)
            for (const DistrictDef& d : districts())
                unit(d.id, "hcm", "district", d.code, d.name, t + kMinuteMs);
        m_wards = wardDefs();
        for (WardDef& w : m_wards) {
            unit(w.id, m_twoTier ? "hcm" : w.district, "ward", w.code, w.name, t + 2 * kMinuteMs);
            for (int k = 1; k <= 6; ++k) {
                const std::string id = w.id + "-kp" + std::to_string(k);
                unit(id, w.id, "neighbourhood", w.code + "-KP" + std::to_string(k),
                     "Khu phố " + std::to_string(k), t + 3 * kMinuteMs);
                w.kps.push_back(id);
            }
        }
        const std::int64_t ta = t + 10 * kMinuteMs;
        agency("hcm-sogtvt", "hcm", "Sở Giao thông vận tải", "Sở GTVT", "city", ta);
        agency("hcm-sotnmt", "hcm", "Sở Tài nguyên và Môi trường", "Sở TN&MT", "city", ta);
        agency("hcm-bhxh", "hcm", "Bảo hiểm xã hội Thành phố", "BHXH TP", "city", ta);
        for (const DistrictDef& d : districts()) {
            const std::string number = d.name.substr(std::string("Quận ").size());
            for (const AgencyKind& k : districtAgencies()) {
                std::string name = k.name;
                name.replace(name.find("%s"), 2, number);
                // Since 2025 the district's agencies are the city's, serving its former area.
                if (m_twoTier)
                    agency(d.id + "-" + k.kind, "hcm", name + " (khu vực cũ)", "", "city", ta);
                else
                    agency(d.id + "-" + k.kind, d.id, name, "", "district", ta);
            }
        }
        if (m_twoTier) seedTwoTierUnits(t + 2 * kMinuteMs);
        for (const WardDef& w : m_wards) {
            std::string lower = w.name;
            lower.replace(0, std::string("Phường").size(), "phường");
            agency(w.id + "-ubnd", w.id, "UBND " + lower, "", "ward", ta);
            agency(w.id + "-capw", w.id, "Công an " + lower, "", "ward", ta);
        }
        return {};
    }

    std::vector<std::pair<Account, std::string>> accounts() const {
        std::vector<std::pair<Account, std::string>> out;
        auto add = [&](const std::string& username, const std::string& name,
                       const std::string& role, const std::string& scope) {
            Account a;
            a.username = username;
            a.displayName = name;
            a.role = role;
            a.scopeUnit = scope;
            a.createdAt = vnTime(m_startFriday - 14, 8, 0);
            out.emplace_back(a, role);
        };
        add("admin", "Quản trị hệ thống", "admin", "hcm");
        for (const DistrictDef& d : districts())
            add(d.supervisor, d.supervisorName, "supervisor", m_twoTier ? "hcm" : d.id);
        if (m_twoTier) add("canbo.xa1", "Trương Văn Lực", "official", "xa-001");
        for (const WardDef& w : wardDefs()) add(w.official, w.officialName, "official", w.id);
        return out;
    }

    void seedVisits() {
        // District 3: every Friday afternoon; district 12: every other Thursday.
        std::vector<Visit> visits;
        std::vector<std::string> q3kps, q12kps;
        for (const WardDef& w : m_wards)
            for (const std::string& kp : w.kps) (w.district == "q3" ? q3kps : q12kps).push_back(kp);
        std::shuffle(q3kps.begin(), q3kps.end(), m_rng);
        std::shuffle(q12kps.begin(), q12kps.end(), m_rng);
        for (int i = 0; i < 48; ++i) {
            std::string kp =
                i == 10 ? "q3-p4-kp5" : q3kps[static_cast<std::size_t>(i) % q3kps.size()];
            if (i != 10 && kp == "q3-p4-kp5")
                kp = q3kps[(static_cast<std::size_t>(i) + 7) % q3kps.size()];
            visits.push_back(visit("q3", kp, m_startFriday + 7 * i, i == 10));
        }
        for (int i = 0; i < 24; ++i) {
            std::string kp =
                i == 7 ? "q12-thoian-kp3" : q12kps[static_cast<std::size_t>(i) % q12kps.size()];
            if (i != 7 && kp == "q12-thoian-kp3")
                kp = q12kps[(static_cast<std::size_t>(i) + 5) % q12kps.size()];
            visits.push_back(visit("q12", kp, m_startFriday + 6 + 14 * i, i == 7));
        }
        for (std::size_t i = 0; i < visits.size(); ++i) {
            const Visit& v = visits[i];
            const bool last = v.day == m_endFriday;
            if (v.story && v.kp == "q3-p4-kp5")
                chipIdStory(v);
            else if (v.story)
                coachStory(v);
            else
                ordinaryMeeting(v, last);
        }
        // Petitions that came outside meetings (hotline, written, visits to the ward office).
        for (int i = 0; i < 60; ++i) {
            const WardDef& w = m_wards[pick(m_wards.size())];
            const std::string kp = w.kps[pick(w.kps.size())];
            const std::int64_t day = m_startFriday + static_cast<std::int64_t>(pick(47 * 7));
            const std::int64_t at =
                vnTime(day, 8 + static_cast<int>(pick(9)), static_cast<int>(pick(60)));
            static const std::array<const char*, 5> kChannels = {"hotline", "written", "visit",
                                                                 "online", "other"};
            ordinaryPetition(w, kp, "", kChannels[pick(kChannels.size())], at, "", "");
        }
    }

    /** Runs every queued write in time order with the clock at the event's time. */
    Status flush(const std::function<void(std::int64_t)>& setClock) {
        std::stable_sort(m_events.begin(), m_events.end(), [](const Event& a, const Event& b) {
            return a.at != b.at ? a.at < b.at : a.order < b.order;
        });
        for (const Event& e : m_events) {
            setClock(e.at);
            auto written = m_replica.write(e.request);
            if (!written)
                return Error{written.error().code, "demo data: " + e.request.entity + " " +
                                                       e.request.id + ": " +
                                                       written.error().message};
        }
        setClock(0);
        return {};
    }

private:
    // ---- helpers ----
    /** Queues a photo (server/demo/<name>.jpg and its thumbnail) of a petition or meeting,
     *  taken at `t`; its blobs are stored by storePhotos(). The id comes from the parent and
     *  the file, not the generator, so the demo's other records stay as they were. */
    void photo(std::int64_t t, const std::string& author, const std::string& unit,
               const std::string& parentEntity, const std::string& parent,
               const std::string& name, const std::string& caption) {
        const WebAsset* full = demoPhoto(name + ".jpg");
        const WebAsset* thumb = demoPhoto(name + ".thumb.jpg");
        if (!full || !thumb) return;
        Sha256 idHash;
        const std::string key = parent + "/" + name;
        idHash.update(key.data(), key.size());
        const std::string id = idHash.hexDigest().substr(0, 32);
        if (!at(t, author, "attachment", id, unit,
                {{"parent_entity", parentEntity},
                 {"parent", parent},
                 {"kind", "photo"},
                 {"caption", caption},
                 {"sha256", sha256Of(*full)},
                 {"size", static_cast<std::int64_t>(full->size)},
                 {"mime", "image/jpeg"},
                 {"file_name", name + ".jpg"},
                 {"width", 960},
                 {"height", 720},
                 {"thumb_sha256", sha256Of(*thumb)},
                 {"thumb_size", static_cast<std::int64_t>(thumb->size)},
                 {"taken_at", t}}))
            return;
        m_photos.emplace_back(full, unit);
        m_photos.emplace_back(thumb, unit);
    }

    std::size_t pick(std::size_t n) { return static_cast<std::size_t>(m_rng() % n); }
    int between(int lo, int hi) {
        return lo + static_cast<int>(pick(static_cast<std::size_t>(hi - lo + 1)));
    }
    bool chance(int percent) { return static_cast<int>(pick(100)) < percent; }
    /** A share decided by a record's id (FNV-1a) rather than the generator, so that deciding
     *  it leaves every other random choice of the demo as it was. */
    static bool idChance(const std::string& id, int salt, int percent) {
        std::uint32_t h = 2166136261u ^ static_cast<std::uint32_t>(salt);
        for (const char c : id) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
        return static_cast<int>(h % 100) < percent;
    }

    std::string newId() {
        static constexpr char kHex[] = "0123456789abcdef";
        std::string id;
        for (int i = 0; i < 32; ++i) id += kHex[m_rng() & 15];
        return id;
    }

    std::string personName(bool female) {
        std::string n = kSurnames[pick(kSurnames.size())];
        n += ' ';
        n += female ? kFemaleMiddle[pick(kFemaleMiddle.size())]
                    : kMaleMiddle[pick(kMaleMiddle.size())];
        n += ' ';
        n += female ? kFemaleGiven[pick(kFemaleGiven.size())] : kMaleGiven[pick(kMaleGiven.size())];
        return n;
    }

    std::string phone() {
        std::string p = "09";
        for (int i = 0; i < 8; ++i) p += static_cast<char>('0' + pick(10));
        return p.substr(0, 4) + " " + p.substr(4, 3) + " " + p.substr(7);
    }

    /** Queues a write; `cutoff` drops events not yet happened (returns false for them). */
    bool at(std::int64_t t, const std::string& author, const std::string& entity,
            const std::string& id, const std::string& unit, std::map<std::string, Json> set) {
        if (t > m_now - kHourMs) return false;
        // No district takes a petition over in a two-tier city: the city does.
        if (m_twoTier && set.count("handling_level") && set["handling_level"] == "district")
            set["handling_level"] = "city";
        m_events.push_back({t, m_events.size(), {entity, id, unit, author, std::move(set)}});
        return true;
    }

    void unit(const std::string& id, const std::string& parent, const std::string& level,
              const std::string& code, const std::string& name, std::int64_t t) {
        std::map<std::string, Json> set{{"level", level}, {"code", code}, {"name", name}};
        if (!parent.empty()) set["parent"] = parent;
        at(t, "admin", "unit", id, id, std::move(set));
        m_unitName[id] = name;
        m_unitParent[id] = parent;
    }

    void agency(const std::string& id, const std::string& unit, const std::string& name,
                const std::string& shortName, const std::string& level, std::int64_t t) {
        std::map<std::string, Json> set{{"name", name}, {"level", level}};
        if (!shortName.empty()) set["short_name"] = shortName;
        at(t, "admin", "agency", id, unit, std::move(set));
        m_agencyName[id] = name;
        m_agencyLevel[id] = level;
    }

    const WardDef& wardOf(const std::string& kp) const {
        const std::string ward = m_unitParent.at(kp);
        for (const WardDef& w : m_wards)
            if (w.id == ward) return w;
        return m_wards.front();
    }

    const DistrictDef& districtOf(const WardDef& w) const {
        for (const DistrictDef& d : districts())
            if (d.id == w.district) return d;
        return districts().front();
    }

    Visit visit(const std::string& district, const std::string& kp, std::int64_t day, bool story) {
        const DistrictDef& d = district == "q3" ? districts()[0] : districts()[1];
        Visit v{district, &wardOf(kp), kp, m_unitName[kp], day, d.chairs[pick(d.chairs.size())],
                story};
        if (story) v.chair = d.chairs[district == "q3" ? 0 : 1];
        return v;
    }

    std::string agencyFor(const WardDef& w, const std::string& kind) const {
        if (kind == "ubnd" || kind == "capw") return w.id + "-" + kind;
        return w.district + "-" + kind;
    }

    static std::string fill(std::string text, const std::string& key, const std::string& value) {
        for (std::size_t p = text.find(key); p != std::string::npos;
             p = text.find(key, p + value.size()))
            text.replace(p, key.size(), value);
        return text;
    }

    std::string chairName(const std::string& chair) const {
        return chair.substr(0, chair.find(" — "));
    }

    Json attendees(const Visit& v, int residents) {
        const std::string kpNumber = v.kpName.substr(std::string("Khu phố ").size());
        Json list = Json::array();
        list.push_back(
            {{"name", chairName(v.chair)}, {"role", v.chair.substr(v.chair.find(" — ") + 5)}});
        list.push_back(
            {{"name", personName(chance(50))}, {"role", "Bí thư Chi bộ khu phố " + kpNumber}});
        list.push_back({{"name", personName(chance(60))},
                        {"role", "Trưởng Ban công tác Mặt trận khu phố " + kpNumber}});
        list.push_back({{"name", personName(chance(40))}, {"role", "Trưởng khu phố " + kpNumber}});
        list.push_back({{"name", personName(chance(50))},
                        {"role", "Chủ tịch UBND " + lowerWard(v.ward->name)}});
        for (int i = 0; i < std::min(residents, 4); ++i)
            list.push_back({{"name", personName(chance(55))}, {"role", "Người dân"}});
        return list;
    }

    static std::string lowerWard(const std::string& ward) {
        std::string lower = ward;
        lower.replace(0, std::string("Phường").size(), "phường");
        return lower;
    }

    // ---- meetings ----

    struct PetitionOutline {
        std::string id, title, category, leadAgency;
    };

    std::string createMeeting(const Visit& v, std::int64_t heldAt, int residents,
                              const std::string& location) {
        const std::string id = newId();
        const DistrictDef& d = districtOf(*v.ward);
        at(heldAt - 30 * kMinuteMs, v.ward->official, "meeting", id, v.kp,
           {{"held_at", heldAt},
            {"title", "Mỗi tuần một khu phố — " + v.kpName + ", " + v.ward->name},
            {"location", location},
            {"chaired_by", v.chair},
            {"delegation", m_twoTier ? "Thường trực Đảng ủy, lãnh đạo UBND " + lowerWard(v.ward->name)
                                     : "Ban Thường vụ Quận ủy " + lowerDistrict(d.name) +
                                           "; lãnh đạo UBND " + lowerDistrict(d.name) +
                                           "; Đảng ủy, UBND " + lowerWard(v.ward->name)},
            {"attendees", attendees(v, residents)},
            {"resident_count", residents},
            {"agenda",
             "1. Ban điều hành khu phố báo cáo tình hình an ninh trật tự, đời sống "
             "người dân.\n2. Người dân, Ban công tác Mặt trận nêu kiến nghị.\n3. Lãnh "
             "đạo quận trả lời, chỉ đạo giải quyết."},
            {"status", "draft"},
            {"recorded_by", v.ward->officialName}});
        return id;
    }

    static std::string lowerDistrict(const std::string& district) {
        std::string lower = district;
        lower.replace(0, std::string("Quận").size(), "quận");
        return lower;
    }

    void finaliseMeeting(const Visit& v, const std::string& id, std::int64_t heldAt,
                         const std::vector<PetitionOutline>& petitions,
                         const std::string& conclusions, bool keepDraft) {
        std::string minutes =
            "Chiều " + shortDate(v.day) + ", đoàn công tác do đồng chí " + v.chair +
            " dẫn đầu đến làm việc với Bí thư Chi bộ, Ban điều hành "
            "và Ban công tác Mặt trận " +
            lowerKp(v.kpName) + " (" + lowerWard(v.ward->name) + ").\n\nÝ kiến của người dân:\n";
        int n = 1;
        for (const PetitionOutline& p : petitions)
            minutes += std::to_string(n++) + ". " + p.title + ".\n";
        minutes += "\nĐồng chí " + chairName(v.chair) +
                   " đã trả lời các nội dung thuộc thẩm quyền và giao các đơn vị giải quyết.";
        if (keepDraft) {
            at(heldAt + 3 * kHourMs, v.ward->official, "meeting", id, "", {{"minutes", minutes}});
            return;
        }
        at(heldAt + kDayMs, v.ward->official, "meeting", id, "",
           {{"minutes", minutes}, {"conclusions", conclusions}, {"status", "finalised"}});
    }

    static std::string lowerKp(const std::string& kp) {
        return "khu phố " + kp.substr(std::string("Khu phố ").size());
    }

    void ordinaryMeeting(const Visit& v, bool last) {
        const std::int64_t heldAt = vnTime(v.day, v.district == "q3" ? 14 : 15, 0);
        const int residents = between(25, 90);
        const std::string& street = v.ward->streets[pick(v.ward->streets.size())];
        const std::string location = "Nhà sinh hoạt cộng đồng " + lowerKp(v.kpName) + ", " +
                                     std::to_string(between(10, 480)) + " " + street;
        const std::string meeting = createMeeting(v, heldAt, residents, location);
        std::vector<PetitionOutline> outlines;
        const int count = between(2, 5);
        for (int i = 0; i < count; ++i)
            outlines.push_back(ordinaryPetition(*v.ward, v.kp, meeting, "meeting",
                                                heldAt + (20 + 12 * i) * kMinuteMs, v.chair,
                                                v.ward->official));
        std::string conclusions =
            "Giao các đơn vị giải quyết dứt điểm các kiến nghị của người "
            "dân " +
            lowerKp(v.kpName) +
            ", báo cáo kết quả về Ban Thường "
            "vụ Quận ủy trước ngày " +
            shortDate(v.day + 30) + ".";
        finaliseMeeting(v, meeting, heldAt, outlines, conclusions, last);
    }

    /** The status a petition received `ageDays` ago ends at (later steps may not have happened
     *  yet; the lifecycle stops at today). */
    std::string targetStatus(std::int64_t ageDays) {
        struct Weighted {
            const char* status;
            int weight;
        };
        static const std::vector<Weighted> kOld = {
            {"resolved", 40},     {"closed", 25},   {"in_progress", 9}, {"escalated", 6},
            {"not_competent", 6}, {"withdrawn", 4}, {"assigned", 6},    {"received", 4}};
        static const std::vector<Weighted> kMiddle = {
            {"resolved", 33}, {"closed", 5},        {"in_progress", 25}, {"assigned", 12},
            {"escalated", 9}, {"not_competent", 6}, {"withdrawn", 5},    {"received", 5}};
        static const std::vector<Weighted> kRecent = {{"received", 30},    {"assigned", 30},
                                                      {"in_progress", 22}, {"resolved", 10},
                                                      {"escalated", 5},    {"withdrawn", 3}};
        const auto& table = ageDays > 112 ? kOld : ageDays > 42 ? kMiddle : kRecent;
        int total = 0;
        for (const auto& w : table) total += w.weight;
        int r = static_cast<int>(pick(static_cast<std::size_t>(total)));
        for (const auto& w : table) {
            if (r < w.weight) return w.status;
            r -= w.weight;
        }
        return "received";
    }

    PetitionOutline ordinaryPetition(const WardDef& w, const std::string& kp,
                                     const std::string& meeting, const std::string& channel,
                                     std::int64_t receivedAt, const std::string& chair,
                                     const std::string& recorder) {
        const Template& t = templates()[pick(templates().size())];
        const std::string street = w.streets[pick(w.streets.size())];
        const std::string alley = std::to_string(between(12, 480)) +
                                  (chance(30) ? "/" + std::to_string(between(2, 40)) : "");
        const bool female = chance(50);
        const std::string resident = personName(female);
        auto text = [&](const std::string& s) {
            return fill(fill(fill(s, "{street}", street), "{alley}", alley), "{resident}",
                        resident);
        };
        const DistrictDef& d = districtOf(w);
        PetitionOutline out{newId(), text(t.title), t.category, agencyFor(w, t.leadKind)};

        PetitionPlan plan;
        plan.id = out.id;
        plan.kp = kp;
        plan.ward = &w;
        plan.meeting = meeting;
        plan.receivedAt = receivedAt;
        plan.recorder = recorder.empty() ? w.official : recorder;
        plan.supervisor = d.supervisor;
        plan.chair = chair.empty() ? d.chairs[pick(d.chairs.size())] : chair;
        plan.lead = out.leadAgency;
        plan.support = agencyFor(w, t.supportKind);
        plan.target = targetStatus(vietnamDay(m_now) - vietnamDay(receivedAt));
        plan.resolution = t.resolution;
        plan.created = {{"received_at", receivedAt},
                        {"channel", channel},
                        {"petitioner_name", resident},
                        {"petitioner_contact", phone()},
                        {"households", between(t.householdsMin, t.householdsMax)},
                        {"category", t.category},
                        {"title", out.title},
                        {"description", text(t.description)},
                        {"location", (t.title.find("{alley}") != std::string::npos ||
                                      t.description.find("{alley}") != std::string::npos)
                                         ? "Hẻm " + alley + " " + street + ", " +
                                               lowerKp(m_unitName[kp]) + ", " + lowerWard(w.name)
                                         : "Đường " + street + ", " + lowerKp(m_unitName[kp]) +
                                               ", " + lowerWard(w.name)},
                        {"status", "received"},
                        {"priority", chance(15)   ? "high"
                                     : chance(10) ? "low"
                                                  : "normal"}};
        if (!meeting.empty()) plan.created["meeting"] = meeting;
        plan.directiveAtMeeting = !meeting.empty() && chance(75);
        petitionLifecycle(plan);
        return out;
    }

    struct PetitionPlan {
        std::string id, kp, meeting, recorder, supervisor, chair, lead, support, target, resolution;
        const WardDef* ward = nullptr;
        std::int64_t receivedAt = 0;
        std::map<std::string, Json> created;
        bool directiveAtMeeting = false;
    };

    std::string handlingLevel(const std::string& agency) {
        const std::string level = m_agencyLevel[agency];
        return level.empty() ? "ward" : level;
    }

    /** Residents hear back at a later visit (report_back); "unsatisfied" reopens the petition
     *  through the workflow (reportBackStep). Returns false when it was reopened. */
    bool reportBack(std::int64_t t, const std::string& official, const std::string& petition,
                    const std::string& unit, const Json& current, const std::string& verdict,
                    const std::string& note) {
        if (!at(t, official, "report_back", newId(), unit,
                {{"petition", petition}, {"verdict", verdict}, {"note", note}}))
            return true;
        const auto step = reportBackStep(current.value("status", ""), verdict, note);
        if (!step) return true;
        auto fields = petitionStepFields(current, *step, t + kMinuteMs, {});
        if (fields) at(t + kMinuteMs, official, "petition", petition, "", *fields);
        return false;
    }

    /** Writes a petition's history up to its target status (or today). */
    void petitionLifecycle(PetitionPlan& p) {
        const std::string& unit = p.kp;
        if (p.target == "received" || p.target == "withdrawn") {
            p.created["status"] = "received";
        }
        at(p.receivedAt, p.recorder, "petition", p.id, unit, p.created);
        // A little over half are made public by the district once they were looked at.
        if (p.target != "withdrawn" && idChance(p.id, 1, 55))
            at(p.receivedAt + 2 * kDayMs, p.supervisor, "petition", p.id, "", {{"public", true}});

        // A directive given on the spot, recorded by the official during the meeting.
        std::string directive;
        const std::string instruction =
            m_agencyName[p.lead] + " kiểm tra, giải quyết kiến nghị \"" +
            p.created["title"].get<std::string>() + "\"; báo cáo kết quả cho Ban Thường vụ.";
        std::int64_t t = p.receivedAt;
        const std::int64_t due = vietnamDay(p.receivedAt) + between(15, 45);
        if (p.directiveAtMeeting) {
            directive = newId();
            at(p.receivedAt + 40 * kMinuteMs, p.recorder, "directive", directive, unit,
               {{"meeting", p.meeting},
                {"petition", p.id},
                {"issued_by", p.chair},
                {"agency", p.lead},
                {"instruction", instruction},
                {"due_date", formatDay(due)},
                {"status", "issued"}});
        }
        if (p.target == "received") return;
        if (p.target == "withdrawn") {
            at(t + between(2, 6) * kDayMs, p.supervisor, "petition", p.id, "",
               {{"status", "withdrawn"},
                {"status_reason", "Người dân rút kiến nghị do các bên đã tự thỏa thuận được."}});
            if (!directive.empty())
                at(t + 7 * kDayMs, p.supervisor, "directive", directive, "",
                   {{"status", "cancelled"}});
            return;
        }
        // Assigned by the district supervisor.
        t += between(1, 3) * kDayMs + between(1, 6) * kHourMs;
        if (!at(t, p.supervisor, "petition", p.id, "",
                {{"status", "assigned"},
                 {"lead_agency", p.lead},
                 {"support_agencies", Json::array({p.support})},
                 {"handling_level", handlingLevel(p.lead)},
                 {"due_date", formatDay(due)}}))
            return;
        if (directive.empty() && chance(60)) {
            directive = newId();
            at(t + 10 * kMinuteMs, p.supervisor, "directive", directive, unit,
               {{"petition", p.id},
                {"issued_by", p.chair},
                {"agency", p.lead},
                {"instruction", instruction},
                {"due_date", formatDay(due)},
                {"status", "issued"}});
        }
        if (p.target == "assigned") return;
        if (p.target == "not_competent") {
            t += between(2, 6) * kDayMs;
            at(t, p.supervisor, "petition", p.id, "",
               {{"status", "not_competent"},
                {"status_reason",
                 "Nội dung là tranh chấp dân sự, không thuộc thẩm quyền giải quyết "
                 "của các cơ quan hành chính; đã hướng dẫn người dân gửi đơn đến Tòa "
                 "án nhân dân để được giải quyết theo quy định."}});
            if (!directive.empty())
                at(t + kHourMs, p.supervisor, "directive", directive, "",
                   {{"status", "cancelled"}});
            return;
        }
        if (p.target == "escalated") {
            t += between(3, 8) * kDayMs;
            const std::string higher = m_agencyLevel[p.lead] == "ward" ? p.ward->district + "-qldt"
                                                                       : std::string("hcm-sotnmt");
            if (!at(t, p.supervisor, "petition", p.id, "",
                    {{"status", "escalated"},
                     {"lead_agency", higher},
                     {"handling_level", handlingLevel(higher)},
                     {"status_reason", "Vượt thẩm quyền của " + m_agencyName[p.lead] + "; chuyển " +
                                           m_agencyName[higher] + " chủ trì giải quyết."}}))
                return;
            at(t + 2 * kHourMs, p.recorder, "update", newId(), unit,
               {{"parent_entity", "petition"},
                {"parent", p.id},
                {"text", "Đã báo cáo và chuyển hồ sơ đến " + m_agencyName[higher] + "."}});
            if (!directive.empty())
                at(t + 3 * kHourMs, p.supervisor, "directive", directive, "",
                   {{"status", "in_progress"}});
            return;
        }
        // In progress.
        t += between(2, 7) * kDayMs;
        if (!at(t, p.supervisor, "petition", p.id, "", {{"status", "in_progress"}})) return;
        at(t + kHourMs, p.recorder, "update", newId(), unit,
           {{"parent_entity", "petition"},
            {"parent", p.id},
            {"text", m_agencyName[p.lead] + " đã tiếp nhận, cử cán bộ khảo sát thực tế tại " +
                         p.created["location"].get<std::string>() + "."}});
        if (!directive.empty())
            at(t + 2 * kHourMs, p.supervisor, "directive", directive, "",
               {{"status", "in_progress"}});
        if (p.target == "in_progress") return;
        // Resolved.
        t += between(5, 25) * kDayMs;
        if (!at(t, p.supervisor, "petition", p.id, "",
                {{"status", "resolved"}, {"resolution", p.resolution}, {"resolved_at", t}}))
            return;
        at(t + kHourMs, p.recorder, "update", newId(), unit,
           {{"parent_entity", "petition"},
            {"parent", p.id},
            {"text", "Đã thông báo kết quả giải quyết cho người dân và Ban điều hành khu phố."}});
        if (!directive.empty())
            at(t + 2 * kHourMs, p.supervisor, "directive", directive, "",
               {{"status", "done"}, {"result", p.resolution}, {"completed_at", t}});
        // Half are reported back at the next visit; one in five of those does not satisfy.
        if (idChance(p.id, 2, 50)) {
            const bool satisfied = idChance(p.id, 3, 80);
            if (!reportBack(t + 3 * kDayMs, p.recorder, p.id, unit,
                            {{"status", "resolved"}, {"resolved_at", t}},
                            satisfied ? "satisfied" : "unsatisfied",
                            satisfied ? "Người dân thống nhất với kết quả giải quyết."
                                      : "Người dân cho biết tình trạng vẫn tái diễn."))
                return;
        }
        if (p.target == "closed")
            at(t + between(5, 10) * kDayMs, p.supervisor, "petition", p.id, "",
               {{"status", "closed"}});
    }

    // ---- the article's two stories ----

    /** Khu phố 5, Phường 4, Quận 3: residents who lost their civil records cannot get chip ID
     *  cards; the district youth union and police help at once, the health centre finds free
     *  health insurance cards. */
    void chipIdStory(const Visit& v) {
        const std::int64_t heldAt = vnTime(v.day, 14, 0);
        const std::string meeting = createMeeting(
            v, heldAt, 46, "Nhà sinh hoạt cộng đồng khu phố 5, 215 Nguyễn Thiện Thuật");
        const std::string& official = v.ward->official;
        const std::string& supervisor = districtOf(*v.ward).supervisor;
        const std::string unit = v.kp;

        const std::string chip = newId();
        at(heldAt + 25 * kMinuteMs, official, "petition", chip, unit,
           {{"meeting", meeting},
            {"received_at", heldAt + 25 * kMinuteMs},
            {"channel", "meeting"},
            {"petitioner_name", "Ban công tác Mặt trận khu phố 5"},
            {"petitioner_contact", "0908 415 274"},
            {"households", 7},
            {"category", "civil_records"},
            {"title", "Người dân mất thông tin hộ tịch không làm được căn cước công dân gắn chip"},
            {"place_lat", 10769520},
            {"place_lon", 106681740},
            {"place_accuracy", 12},
            {"place_at", heldAt + 25 * kMinuteMs},
            {"description",
             "Một số người dân khu phố 5 (7 trường hợp, phần lớn là người cao tuổi "
             "và hộ khó khăn) gặp khó khăn khi làm căn cước công dân gắn chip do mất "
             "thông tin về hộ tịch: giấy khai sinh, sổ hộ khẩu cũ bị thất lạc."},
            {"location", "Khu phố 5, phường 4, quận 3"},
            {"status", "received"},
            {"priority", "high"}});
        const std::string bhyt = newId();
        at(heldAt + 40 * kMinuteMs, official, "petition", bhyt, unit,
           {{"meeting", meeting},
            {"received_at", heldAt + 40 * kMinuteMs},
            {"channel", "meeting"},
            {"petitioner_name", "Ban công tác Mặt trận khu phố 5"},
            {"petitioner_contact", "0908 415 274"},
            {"households", 7},
            {"category", "health_insurance"},
            {"title", "Hỗ trợ thẻ bảo hiểm y tế cho người khó khăn bị mất giấy tờ hộ tịch"},
            {"description",
             "Các trường hợp mất thông tin hộ tịch ở khu phố 5 đều có hoàn cảnh khó "
             "khăn, chưa có thẻ bảo hiểm y tế; đề nghị quận quan tâm hỗ trợ."},
            {"location", "Khu phố 5, phường 4, quận 3"},
            {"status", "received"},
            {"priority", "high"}});
        photo(heldAt + 5 * kMinuteMs, official, unit, "meeting", meeting, "meeting",
              "Quang cảnh buổi tiếp xúc nhân dân khu phố 5");
        photo(heldAt + 30 * kMinuteMs, official, unit, "petition", chip, "papers",
              "Giấy khai sinh, sổ hộ khẩu cũ của người dân bị hư hỏng, thất lạc");
        photo(heldAt + 32 * kMinuteMs, official, unit, "petition", chip, "idcard",
              "Mẫu căn cước công dân gắn chip người dân cần làm");
        const std::string chair = v.chair;
        const std::string due = formatDay(v.day + 14), dueBhyt = formatDay(v.day + 30);
        const std::string dDoan = newId(), dCa = newId(), dYte = newId();
        at(heldAt + 70 * kMinuteMs, official, "directive", dDoan, unit,
           {{"meeting", meeting},
            {"petition", chip},
            {"issued_by", chair},
            {"agency", "q3-doan"},
            {"instruction",
             "Quận đoàn 3 hỗ trợ ngay người dân khu phố 5 hoàn thiện hồ sơ hộ tịch "
             "để được cấp căn cước công dân gắn chip."},
            {"due_date", due},
            {"status", "issued"}});
        at(heldAt + 72 * kMinuteMs, official, "directive", dCa, unit,
           {{"meeting", meeting},
            {"petition", chip},
            {"issued_by", chair},
            {"agency", "q3-ca"},
            {"instruction",
             "Công an quận 3 hỗ trợ ngay thủ tục cấp căn cước công dân gắn chip cho "
             "các trường hợp mất thông tin hộ tịch ở khu phố 5, phường 4."},
            {"due_date", due},
            {"status", "issued"}});
        at(heldAt + 75 * kMinuteMs, official, "directive", dYte, unit,
           {{"meeting", meeting},
            {"petition", bhyt},
            {"issued_by", chair},
            {"agency", "q3-ttyt"},
            {"instruction",
             "Trung tâm Y tế quận 3 làm việc trực tiếp với đồng chí Chủ tịch UBND "
             "quận để có phương án hỗ trợ cấp thẻ bảo hiểm y tế miễn phí cho các "
             "trường hợp này, xem đây như một hoạt động chia sẻ với người dân khó "
             "khăn trên địa bàn."},
            {"due_date", dueBhyt},
            {"status", "issued"}});
        const std::int64_t d1 = vnTime(v.day + 3, 9, 0);
        at(d1, supervisor, "petition", chip, "",
           {{"status", "assigned"},
            {"lead_agency", "q3-ca"},
            {"support_agencies", Json::array({"q3-doan", "q3-p4-ubnd"})},
            {"handling_level", "district"},
            {"due_date", due}});
        at(d1 + 10 * kMinuteMs, supervisor, "petition", bhyt, "",
           {{"status", "assigned"},
            {"lead_agency", "q3-ttyt"},
            {"support_agencies", Json::array({"hcm-bhxh", "q3-ldtbxh"})},
            {"handling_level", "district"},
            {"due_date", dueBhyt}});
        const std::int64_t d2 = vnTime(v.day + 5, 10, 0);
        at(d2, supervisor, "petition", chip, "", {{"status", "in_progress"}});
        at(d2 + 5 * kMinuteMs, supervisor, "directive", dDoan, "", {{"status", "in_progress"}});
        at(d2 + 6 * kMinuteMs, supervisor, "directive", dCa, "", {{"status", "in_progress"}});
        at(d2 + 2 * kHourMs, official, "update", newId(), unit,
           {{"parent_entity", "petition"},
            {"parent", chip},
            {"text",
             "Quận đoàn 3 cử 6 đoàn viên đến từng nhà hướng dẫn, hỗ trợ 7 trường hợp làm "
             "thủ tục đăng ký lại khai sinh."}});
        const std::int64_t d3 = vnTime(v.day + 12, 15, 30);
        at(d3, official, "update", newId(), unit,
           {{"parent_entity", "petition"},
            {"parent", chip},
            {"text",
             "Công an quận 3 tổ chức thu nhận hồ sơ căn cước lưu động tại nhà sinh hoạt "
             "cộng đồng khu phố 5; 7/7 trường hợp đã được thu nhận hồ sơ."}});
        at(vnTime(v.day + 9, 8, 30), supervisor, "petition", bhyt, "", {{"status", "in_progress"}});
        at(vnTime(v.day + 9, 8, 40), supervisor, "directive", dYte, "",
           {{"status", "in_progress"}});
        const std::int64_t d4 = vnTime(v.day + 26, 10, 0);
        const std::string chipResult =
            "7/7 trường hợp đã được cấp căn cước công dân gắn chip; hồ sơ "
            "hộ tịch đã được đăng ký lại.";
        at(d4, supervisor, "directive", dCa, "",
           {{"status", "done"}, {"result", chipResult}, {"completed_at", d4}});
        at(d4 + 5 * kMinuteMs, supervisor, "directive", dDoan, "",
           {{"status", "done"},
            {"result", "Đã hỗ trợ 7 trường hợp hoàn thiện hồ sơ hộ tịch."},
            {"completed_at", d4}});
        at(d4 + 10 * kMinuteMs, supervisor, "petition", chip, "",
           {{"status", "resolved"}, {"resolution", chipResult}, {"resolved_at", d4}});
        const std::int64_t d5 = vnTime(v.day + 28, 9, 0);
        const std::string bhytResult =
            "Trung tâm Y tế quận 3 phối hợp Bảo hiểm xã hội vận động nhà hảo "
            "tâm tặng 7 thẻ bảo hiểm y tế miễn phí cho các trường hợp khó khăn.";
        at(d5, supervisor, "directive", dYte, "",
           {{"status", "done"}, {"result", bhytResult}, {"completed_at", d5}});
        at(d5 + 5 * kMinuteMs, supervisor, "petition", bhyt, "",
           {{"status", "resolved"}, {"resolution", bhytResult}, {"resolved_at", d5}});
        for (const std::string& id : {chip, bhyt})
            at(d5 + kHourMs, supervisor, "petition", id, "",
               {{"public", true},
                {"public_note", "Kết quả đã được báo cáo tại buổi tiếp xúc kỳ sau ở khu phố 5."}});
        for (const std::string& id : {chip, bhyt})
            reportBack(vnTime(v.day + 35, 15, 0), official, id, unit,
                       {{"status", "resolved"}, {"resolved_at", d4}}, "satisfied",
                       "Bà con khu phố 5 cảm ơn các cơ quan đã hỗ trợ kịp thời.");
        at(vnTime(v.day + 40, 9, 0), supervisor, "petition", chip, "", {{"status", "closed"}});
        at(vnTime(v.day + 40, 9, 5), supervisor, "petition", bhyt, "", {{"status", "closed"}});

        std::vector<PetitionOutline> outlines{
            {chip,
             "Người dân mất thông tin hộ tịch không làm được "
             "căn cước công dân gắn chip",
             "civil_records", "q3-ca"},
            {bhyt, "Hỗ trợ thẻ bảo hiểm y tế cho người khó khăn", "health_insurance", "q3-ttyt"}};
        for (int i = 0; i < 2; ++i)
            outlines.push_back(ordinaryPetition(*v.ward, v.kp, meeting, "meeting",
                                                heldAt + (50 + 10 * i) * kMinuteMs, chair,
                                                official));
        finaliseMeeting(v, meeting, heldAt, outlines,
                        "Đồng chí " + chairName(chair) +
                            " đề nghị Quận đoàn 3 và Công an quận 3 hỗ trợ ngay để "
                            "người dân được cấp căn cước công dân gắn chip; sẽ trực tiếp làm việc "
                            "với Trung tâm Y tế "
                            "quận 3 để có phương án hỗ trợ cấp thẻ bảo hiểm y tế miễn phí cho các "
                            "trường hợp này.",
                        false);
    }

    /** Khu dân cư Phú Nhuận, Phường Thới An, Quận 12: coach operators use the internal streets
     *  as a bus station; the ward surveys, escalates to the district and the city Department
     *  of Transport; no-stopping signs are installed. */
    void coachStory(const Visit& v) {
        const std::int64_t heldAt = vnTime(v.day, 15, 0);
        const std::string meeting = createMeeting(
            v, heldAt, 64, "Nhà sinh hoạt cộng đồng khu dân cư Phú Nhuận, Thới An 16");
        const std::string& official = v.ward->official;
        const std::string& supervisor = districtOf(*v.ward).supervisor;
        const std::string unit = v.kp;
        const std::string petition = newId();
        at(heldAt + 20 * kMinuteMs, official, "petition", petition, unit,
           {{"meeting", meeting},
            {"received_at", heldAt + 20 * kMinuteMs},
            {"channel", "meeting"},
            {"petitioner_name", "Ban điều hành khu dân cư Phú Nhuận"},
            {"petitioner_contact", "0937 208 561"},
            {"households", 240},
            {"category", "urban_transport"},
            {"title", "Nhà xe chiếm dụng đường nội khu khu dân cư Phú Nhuận làm nơi đón trả khách"},
            {"description",
             "Suốt thời gian dài, các nhà xe khách dùng các con đường nội khu của khu "
             "dân cư Phú Nhuận làm nơi đón, trả khách, trong khi nơi đây dân cư đông "
             "đúc, nhiều trẻ em; người dân lo ngại mất an toàn giao thông và trật tự."},
            {"location", "Các đường nội khu, khu dân cư Phú Nhuận, phường Thới An, quận 12"},
            {"place_lat", 10876310},
            {"place_lon", 106651880},
            {"place_accuracy", 25},
            {"place_at", heldAt + 20 * kMinuteMs},
            {"status", "received"},
            {"priority", "high"}});
        photo(heldAt + 22 * kMinuteMs, official, unit, "petition", petition, "coach",
              "Xe khách dừng đón, trả khách trên đường nội khu");
        photo(heldAt + 23 * kMinuteMs, official, unit, "petition", petition, "sign",
              "Vị trí đề nghị lắp biển cấm dừng, đỗ xe khách");
        const std::string survey = newId();
        at(heldAt + 60 * kMinuteMs, official, "directive", survey, unit,
           {{"meeting", meeting},
            {"petition", petition},
            {"issued_by", "Bí thư Đảng ủy phường Thới An"},
            {"agency", "q12-thoian-ubnd"},
            {"instruction",
             "UBND phường Thới An khảo sát thực tế việc nhà xe đón trả khách trong khu "
             "dân cư Phú Nhuận, báo cáo phương án xử lý."},
            {"due_date", formatDay(v.day + 7)},
            {"status", "issued"}});
        at(vnTime(v.day + 1, 9, 0), supervisor, "petition", petition, "",
           {{"status", "assigned"},
            {"lead_agency", "q12-thoian-ubnd"},
            {"support_agencies", Json::array({"q12-thoian-capw"})},
            {"handling_level", "ward"},
            {"due_date", formatDay(v.day + 21)}});
        at(vnTime(v.day + 2, 16, 0), supervisor, "petition", petition, "",
           {{"status", "in_progress"}});
        at(vnTime(v.day + 2, 17, 0), official, "update", newId(), unit,
           {{"parent_entity", "petition"},
            {"parent", petition},
            {"text",
             "Bí thư Đảng ủy và Chủ tịch UBND phường Thới An đến khảo sát thực tế: 4 nhà xe "
             "thường xuyên đón, trả khách trên 3 tuyến đường nội khu, nhất là giờ tan học."}});
        at(vnTime(v.day + 3, 9, 0), supervisor, "directive", survey, "",
           {{"status", "done"},
            {"result", "Đã khảo sát; vấn đề vượt thẩm quyền của phường."},
            {"completed_at", vnTime(v.day + 3, 9, 0)}});
        at(vnTime(v.day + 3, 10, 0), supervisor, "petition", petition, "",
           {{"status", "escalated"},
            {"handling_level", "city"},
            {"lead_agency", "hcm-sogtvt"},
            {"support_agencies", Json::array({"q12-qldt", "q12-ca", "q12-thoian-ubnd"})},
            {"status_reason",
             "Vượt thẩm quyền giải quyết của phường: việc tổ chức giao thông, cấm "
             "dừng đỗ xe khách thuộc thẩm quyền Sở Giao thông vận tải."},
            {"due_date", formatDay(v.day + 45)}});
        const std::string escalate = newId();
        at(vnTime(v.day + 3, 11, 0), supervisor, "directive", escalate, unit,
           {{"petition", petition},
            {"issued_by", "Võ Thị Kim Ngân — Phó Bí thư Quận ủy, Chủ tịch UBND quận 12"},
            {"agency", "q12-qldt"},
            {"instruction",
             "Phòng Quản lý đô thị quận 12 cùng UBND phường Thới An mời đại diện Sở "
             "Giao thông vận tải TP và các đơn vị liên quan đến khu dân cư Phú Nhuận "
             "khảo sát, đề xuất lắp biển báo cấm xe khách dừng, đậu."},
            {"due_date", formatDay(v.day + 30)},
            {"status", "issued"}});
        at(vnTime(v.day + 10, 9, 30), official, "update", newId(), unit,
           {{"parent_entity", "petition"},
            {"parent", petition},
            {"text",
             "Phường Thới An đã mời lãnh đạo quận 12, đại diện Sở Giao thông vận tải TP.HCM "
             "và các đơn vị liên quan khảo sát tại khu dân cư; Sở GTVT thống nhất phương án "
             "cấm xe khách dừng, đậu trên các tuyến nội khu."}});
        at(vnTime(v.day + 10, 10, 0), supervisor, "directive", escalate, "",
           {{"status", "in_progress"}});
        const std::int64_t done = vnTime(v.day + 24, 14, 0);
        const std::string result =
            "Cơ quan chức năng đã lắp đặt biển báo cấm xe khách dừng, đậu trên "
            "các tuyến đường nội khu khu dân cư Phú Nhuận; Công an quận 12 tăng "
            "cường kiểm tra, trật tự khu dân cư đã được trả lại.";
        at(done, official, "update", newId(), unit,
           {{"parent_entity", "petition"},
            {"parent", petition},
            {"text",
             "Sở GTVT đã lắp đặt 6 biển báo cấm xe khách dừng, đậu tại các lối vào khu dân cư."}});
        at(done + 30 * kMinuteMs, supervisor, "directive", escalate, "",
           {{"status", "done"}, {"result", result}, {"completed_at", done}});
        at(done + kHourMs, supervisor, "petition", petition, "",
           {{"status", "resolved"}, {"resolution", result}, {"resolved_at", done}});
        at(vnTime(v.day + 1, 10, 0), supervisor, "petition", petition, "", {{"public", true}});
        at(done + 2 * kHourMs, supervisor, "petition", petition, "",
           {{"public_note", "Đã lắp 6 biển báo cấm xe khách dừng, đậu tại các lối vào khu dân cư."}});
        reportBack(vnTime(v.day + 31, 15, 30), official, petition, unit,
                   {{"status", "resolved"}, {"resolved_at", done}}, "satisfied",
                   "Người dân xác nhận xe khách không còn đón trả khách trong khu dân cư.");

        std::vector<PetitionOutline> outlines{{petition,
                                               "Nhà xe chiếm dụng đường nội khu khu dân cư "
                                               "Phú Nhuận làm nơi đón trả khách",
                                               "urban_transport", "q12-thoian-ubnd"}};
        for (int i = 0; i < 2; ++i)
            outlines.push_back(ordinaryPetition(*v.ward, v.kp, meeting, "meeting",
                                                heldAt + (45 + 10 * i) * kMinuteMs, v.chair,
                                                official));
        finaliseMeeting(
            v, meeting, heldAt, outlines,
            "Giao UBND phường Thới An khảo sát ngay việc nhà xe đón trả khách trong khu dân "
            "cư Phú Nhuận; nội dung vượt thẩm quyền báo cáo quận và Sở Giao thông vận tải.",
            false);
    }

    /** The rest of today's city: with the demo's wards, 168 wards, communes and the special
     *  zone directly under the city (names generic), two neighbourhoods each. */
    void seedTwoTierUnits(std::int64_t t) {
        auto add = [&](const std::string& id, const std::string& code, const std::string& name,
                       const std::string& neighbourhood) {
            unit(id, "hcm", "ward", code, name, t);
            for (int k = 1; k <= 2; ++k)
                unit(id + "-kp" + std::to_string(k), id, "neighbourhood",
                     code + "-" + std::to_string(k), neighbourhood + " " + std::to_string(k), t);
        };
        char code[16];
        const int wards = 113 - static_cast<int>(m_wards.size());
        for (int i = 1; i <= wards; ++i) {
            std::snprintf(code, sizeof code, "%03d", i);
            add(std::string("phuong-") + code, std::string("P") + code,
                "Phường số " + std::to_string(i), "Khu phố");
        }
        for (int i = 1; i <= 54; ++i) {
            std::snprintf(code, sizeof code, "%03d", i);
            add(std::string("xa-") + code, std::string("X") + code, "Xã số " + std::to_string(i),
                "Ấp");
        }
        add("dk-condao", "DK-CD", "Đặc khu Côn Đảo", "Khu dân cư");
    }

public:
    /** Writes the queued photos' bytes into the blob store, claimed by their units (as if
     *  the tablets had uploaded them). */
    Status storePhotos() {
        BlobStore& blobs = m_replica.blobs();
        for (const auto& [asset, unit] : m_photos) {
            const std::string hash = sha256Of(*asset);
            if (!blobs.size(hash)) {
                auto writer = blobs.resume(hash, 0);
                if (!writer) return writer.error();
                if (Status s = (*writer)->write(reinterpret_cast<const char*>(asset->data), asset->size); !s)
                    return s;
                if (Status s = (*writer)->sync(); !s) return s;
                writer->reset();
                auto done = blobs.finish(hash, asset->size);
                if (!done) return done.error();
            }
            if (Status s = m_replica.claimBlob(hash, unit); !s) return s;
        }
        return {};
    }

private:
    std::vector<std::pair<const WebAsset*, std::string>> m_photos;  ///< blob, claiming unit
    Store& m_replica;
    std::int64_t m_now;
    bool m_twoTier = false;
    std::int64_t m_today = 0, m_startFriday = 0, m_endFriday = 0;
    std::mt19937_64 m_rng{20260102};
    std::vector<WardDef> m_wards;
    std::map<std::string, std::string> m_unitName, m_unitParent, m_agencyName, m_agencyLevel;
    std::vector<Event> m_events;
};

}  // namespace

Result<bool> seedDemoData(Store& replica, const std::function<void(std::int64_t)>& setClock,
                          DemoTree tree) {
    Store& users = replica;
    auto existing = users.listUsers();
    if (!existing) return existing.error();
    if (replica.changeCount() > 0 || !existing->empty()) return false;

    Seeder seeder(replica, systemMillis(), tree);
    if (Status s = seeder.seedReference(); !s) return s.error();
    seeder.seedVisits();
    // Thousands of small commits: durable once at the end instead of an fsync each.
    (void)replica.setBulkLoad(true);
    Status flushed = seeder.flush(setClock);
    Status durable = replica.setBulkLoad(false);
    if (!flushed) return flushed.error();
    if (!durable) return durable.error();
    if (Status s = seeder.storePhotos(); !s) return s.error();

    auto hash = hashPassword(kDemoPassword);  // one hash for all: the demo password is public
    if (!hash) return hash.error();
    for (const auto& [account, role] : seeder.accounts()) {
        (void)role;
        if (Status s = users.addUser(account, *hash); !s) return s.error();
    }
    if (Status s = users.audit(systemMillis(), "demo", "seed", "demo data set"); !s)
        return s.error();
    return true;
}

}  // namespace nghedan::server
