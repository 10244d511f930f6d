#include "nghedan/labels.h"

#include <map>
#include <tuple>

#include "nghedan/schema.h"

namespace nghedan {
namespace {

struct Names {
    const char* vi;
    const char* en;
};

/** Enum values by (field group, value); statuses are per entity ("petition.status"). */
const std::map<std::pair<std::string_view, std::string_view>, Names>& enumTable() {
    static const std::map<std::pair<std::string_view, std::string_view>, Names> table = {
        {{"petition.status", "received"}, {"Mới tiếp nhận", "Received"}},
        {{"petition.status", "assigned"}, {"Đã giao xử lý", "Assigned"}},
        {{"petition.status", "in_progress"}, {"Đang xử lý", "In progress"}},
        {{"petition.status", "resolved"}, {"Đã giải quyết", "Resolved"}},
        {{"petition.status", "closed"}, {"Đã kết thúc", "Closed"}},
        {{"petition.status", "escalated"}, {"Chuyển cấp trên", "Escalated"}},
        {{"petition.status", "not_competent"}, {"Không thuộc thẩm quyền", "Not competent"}},
        {{"petition.status", "withdrawn"}, {"Người dân rút lại", "Withdrawn"}},
        {{"directive.status", "issued"}, {"Đã giao", "Issued"}},
        {{"directive.status", "in_progress"}, {"Đang thực hiện", "In progress"}},
        {{"directive.status", "done"}, {"Đã hoàn thành", "Done"}},
        {{"directive.status", "cancelled"}, {"Đã hủy", "Cancelled"}},
        {{"meeting.status", "draft"}, {"Đang ghi", "Being recorded"}},
        {{"meeting.status", "finalised"}, {"Đã chốt biên bản", "Minutes finalised"}},
        {{"category", "security_order"}, {"An ninh, trật tự", "Security and order"}},
        {{"category", "social_welfare"}, {"An sinh xã hội", "Social welfare"}},
        {{"category", "environment_sanitation"}, {"Môi trường, vệ sinh", "Environment and sanitation"}},
        {{"category", "urban_transport"}, {"Trật tự đô thị, giao thông", "Urban order and transport"}},
        {{"category", "civil_records"}, {"Hộ tịch, giấy tờ", "Civil records and papers"}},
        {{"category", "health_insurance"}, {"Y tế, bảo hiểm", "Health and insurance"}},
        {{"category", "land_construction"}, {"Đất đai, xây dựng", "Land and construction"}},
        {{"category", "other"}, {"Khác", "Other"}},
        {{"level", "city"}, {"Thành phố", "City"}},
        {{"level", "district"}, {"Quận/Huyện", "District"}},
        {{"level", "ward"}, {"Phường/Xã", "Ward/commune"}},
        {{"level", "neighbourhood"}, {"Khu phố", "Neighbourhood"}},
        {{"channel", "meeting"}, {"Tại buổi họp", "At a meeting"}},
        {{"channel", "visit"}, {"Khi đi cơ sở", "On a visit"}},
        {{"channel", "hotline"}, {"Đường dây nóng", "Hotline"}},
        {{"channel", "written"}, {"Đơn thư", "Written"}},
        {{"channel", "online"}, {"Trực tuyến", "Online"}},
        {{"channel", "other"}, {"Khác", "Other"}},
        {{"verdict", "satisfied"}, {"Hài lòng", "Satisfied"}},
        {{"verdict", "unsatisfied"}, {"Chưa hài lòng", "Not satisfied"}},
        {{"kind", "photo"}, {"Ảnh", "Photo"}},
        {{"kind", "document"}, {"Tài liệu", "Document"}},
        {{"mime", "image/jpeg"}, {"Ảnh JPEG", "JPEG photo"}},
        {{"mime", "application/pdf"}, {"PDF", "PDF"}},
        {{"mime", "application/msword"}, {"Word (.doc)", "Word (.doc)"}},
        {{"mime", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
         {"Word (.docx)", "Word (.docx)"}},
        {{"mime", "application/vnd.ms-excel"}, {"Excel (.xls)", "Excel (.xls)"}},
        {{"mime", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
         {"Excel (.xlsx)", "Excel (.xlsx)"}},
        {{"mime", "application/vnd.oasis.opendocument.text"}, {"OpenDocument văn bản", "OpenDocument text"}},
        {{"mime", "application/vnd.oasis.opendocument.spreadsheet"},
         {"OpenDocument bảng tính", "OpenDocument spreadsheet"}},
        {{"priority", "low"}, {"Thấp", "Low"}},
        {{"priority", "normal"}, {"Bình thường", "Normal"}},
        {{"priority", "high"}, {"Cao", "High"}},
        {{"priority", "urgent"}, {"Khẩn", "Urgent"}},
    };
    return table;
}

const std::map<std::string_view, Names>& entityTable() {
    static const std::map<std::string_view, Names> table = {
        {"unit", {"Đơn vị hành chính", "Administrative unit"}},
        {"agency", {"Cơ quan", "Agency"}},
        {"meeting", {"Buổi họp", "Meeting"}},
        {"petition", {"Kiến nghị", "Petition"}},
        {"directive", {"Chỉ đạo", "Directive"}},
        {"update", {"Cập nhật tiến độ", "Progress update"}},
        {"report_back", {"Báo cáo lại với người dân", "Report back to residents"}},
        {"redaction", {"Xóa dữ liệu cá nhân", "Personal data erasure"}},
        {"attachment", {"Tệp đính kèm", "Attachment"}},
    };
    return table;
}

const std::map<std::string_view, Names>& roleTable() {
    static const std::map<std::string_view, Names> table = {
        {"official", {"Cán bộ", "Official"}},
        {"supervisor", {"Giám sát", "Supervisor"}},
        {"admin", {"Quản trị", "Administrator"}},
    };
    return table;
}

/** Field names by (entity or "*" for every entity, field). */
const std::map<std::pair<std::string_view, std::string_view>, Names>& fieldTable() {
    static const std::map<std::pair<std::string_view, std::string_view>, Names> table = {
        {{"redaction", "target_entity"}, {"Loại hồ sơ", "Record type"}},
        {{"redaction", "target_id"}, {"Hồ sơ", "Record"}},
        {{"redaction", "fields"}, {"Trường đã xóa", "Erased fields"}},
        {{"redaction", "reason"}, {"Lý do", "Reason"}},
        {{"*", "id"}, {"Mã", "ID"}},
        {{"*", "deleted"}, {"Đã xóa", "Deleted"}},
        {{"*", "unit"}, {"Địa bàn", "Area"}},
        {{"*", "overdue"}, {"Quá hạn", "Overdue"}},
        {{"*", "created_by"}, {"Người tạo", "Created by"}},
        {{"*", "updated_by"}, {"Người sửa cuối", "Last edited by"}},
        {{"*", "name"}, {"Tên", "Name"}},
        {{"*", "level"}, {"Cấp", "Level"}},
        {{"*", "parent"}, {"Thuộc", "Parent"}},
        {{"*", "code"}, {"Mã số", "Code"}},
        {{"*", "short_name"}, {"Tên viết tắt", "Short name"}},
        {{"*", "contact"}, {"Liên hệ", "Contact"}},
        {{"*", "title"}, {"Tiêu đề", "Title"}},
        {{"meeting", "title"}, {"Tên buổi họp", "Meeting title"}},
        {{"*", "location"}, {"Địa điểm", "Location"}},
        {{"*", "status"}, {"Trạng thái", "Status"}},
        {{"*", "due_date"}, {"Hạn xử lý", "Due date"}},
        {{"*", "meeting"}, {"Buổi họp", "Meeting"}},
        {{"*", "held_at"}, {"Thời gian họp", "Held at"}},
        {{"*", "chaired_by"}, {"Chủ trì", "Chaired by"}},
        {{"*", "secretary"}, {"Thư ký", "Secretary"}},
        {{"*", "delegation"}, {"Đoàn công tác", "Delegation"}},
        {{"*", "attendees"}, {"Thành phần tham dự", "Attendees"}},
        {{"*", "resident_count"}, {"Số người dân dự", "Residents present"}},
        {{"*", "agenda"}, {"Chương trình", "Agenda"}},
        {{"*", "minutes"}, {"Diễn biến", "Minutes"}},
        {{"*", "conclusions"}, {"Kết luận", "Conclusions"}},
        {{"*", "recorded_by"}, {"Người ghi", "Recorded by"}},
        {{"*", "received_at"}, {"Ngày tiếp nhận", "Received"}},
        {{"*", "channel"}, {"Hình thức tiếp nhận", "Channel"}},
        {{"*", "petitioner_name"}, {"Người kiến nghị", "Petitioner"}},
        {{"*", "petitioner_contact"}, {"Liên hệ người kiến nghị", "Petitioner contact"}},
        {{"*", "households"}, {"Số hộ liên quan", "Households"}},
        {{"*", "category"}, {"Lĩnh vực", "Category"}},
        {{"*", "description"}, {"Nội dung chi tiết", "Description"}},
        {{"*", "priority"}, {"Mức ưu tiên", "Priority"}},
        {{"*", "lead_agency"}, {"Cơ quan chủ trì", "Lead agency"}},
        {{"*", "support_agencies"}, {"Cơ quan phối hợp", "Supporting agencies"}},
        {{"*", "handling_level"}, {"Cấp xử lý", "Handling level"}},
        {{"*", "resolution"}, {"Kết quả giải quyết", "Resolution"}},
        {{"*", "resolved_at"}, {"Ngày giải quyết", "Resolved"}},
        {{"*", "status_reason"}, {"Lý do", "Reason"}},
        {{"*", "petition"}, {"Kiến nghị", "Petition"}},
        {{"*", "issued_by"}, {"Người chỉ đạo", "Issued by"}},
        {{"*", "agency"}, {"Cơ quan thực hiện", "Agency"}},
        {{"*", "instruction"}, {"Nội dung chỉ đạo", "Instruction"}},
        {{"*", "result"}, {"Kết quả thực hiện", "Result"}},
        {{"*", "completed_at"}, {"Ngày hoàn thành", "Completed"}},
        {{"*", "parent_entity"}, {"Loại hồ sơ", "Kind"}},
        {{"*", "text"}, {"Nội dung", "Text"}},
        {{"*", "public"}, {"Công khai", "Public"}},
        {{"*", "public_note"}, {"Ghi chú công khai", "Public note"}},
        {{"*", "receipt_code"}, {"Mã tra cứu", "Receipt code"}},
        {{"*", "verdict"}, {"Ý kiến người dân", "Residents' verdict"}},
        {{"*", "note"}, {"Ghi chú", "Note"}},
        {{"*", "place_lat"}, {"Vĩ độ", "Latitude"}},
        {{"*", "place_lon"}, {"Kinh độ", "Longitude"}},
        {{"*", "place_accuracy"}, {"Sai số vị trí (m)", "Location accuracy (m)"}},
        {{"*", "place_at"}, {"Thời điểm định vị", "Located at"}},
        {{"attachment", "parent"}, {"Thuộc hồ sơ", "Belongs to"}},
        {{"attachment", "kind"}, {"Loại tệp", "Kind"}},
        {{"attachment", "caption"}, {"Chú thích", "Caption"}},
        {{"attachment", "sha256"}, {"Mã băm SHA-256", "SHA-256"}},
        {{"attachment", "size"}, {"Dung lượng (byte)", "Size (bytes)"}},
        {{"attachment", "mime"}, {"Định dạng", "Type"}},
        {{"attachment", "file_name"}, {"Tên tệp", "File name"}},
        {{"attachment", "width"}, {"Chiều rộng (px)", "Width (px)"}},
        {{"attachment", "height"}, {"Chiều cao (px)", "Height (px)"}},
        {{"attachment", "thumb_sha256"}, {"Mã băm ảnh thu nhỏ", "Thumbnail SHA-256"}},
        {{"attachment", "thumb_size"}, {"Dung lượng ảnh thu nhỏ", "Thumbnail size"}},
        {{"attachment", "taken_at"}, {"Thời điểm chụp", "Taken at"}},
    };
    return table;
}

std::string pick(const Names& n, Lang lang) { return lang == Lang::En ? n.en : n.vi; }

/** The table group of an enum field: statuses per entity, levels shared. */
std::string groupOf(std::string_view entity, std::string_view field) {
    if (field == "status") return std::string(entity) + ".status";
    if (field == "handling_level") return "level";
    return std::string(field);
}

const std::vector<std::string_view>& derivedColumns() {
    static const std::vector<std::string_view> columns = {"id", "overdue", "created_by",
                                                          "updated_by", "receipt_code"};
    return columns;
}

Json both(const Names& n) { return {{"vi", n.vi}, {"en", n.en}}; }

}  // namespace

Lang langOf(std::string_view code) { return code == "en" ? Lang::En : Lang::Vi; }

std::string enumLabel(std::string_view entity, std::string_view field, std::string_view value,
                      Lang lang) {
    if (field == "parent_entity") return entityLabel(value, lang);
    const std::string group = groupOf(entity, field);
    auto it = enumTable().find({group, value});
    return it == enumTable().end() ? std::string(value) : pick(it->second, lang);
}

std::string fieldLabel(std::string_view entity, std::string_view field, Lang lang) {
    auto it = fieldTable().find({entity, field});
    if (it == fieldTable().end()) it = fieldTable().find({"*", field});
    return it == fieldTable().end() ? std::string(field) : pick(it->second, lang);
}

std::string entityLabel(std::string_view entity, Lang lang) {
    auto it = entityTable().find(entity);
    return it == entityTable().end() ? std::string(entity) : pick(it->second, lang);
}

std::string roleLabel(std::string_view role, Lang lang) {
    auto it = roleTable().find(role);
    return it == roleTable().end() ? std::string(role) : pick(it->second, lang);
}

Json labelTable() {
    Json enums = Json::object(), fields = Json::object(), ents = Json::object(),
         roles = Json::object();
    for (const EntityDef& e : entities()) {
        Json ef = Json::object();
        for (const FieldDef& f : e.fields) {
            ef[f.name] = {{"vi", fieldLabel(e.name, f.name, Lang::Vi)},
                          {"en", fieldLabel(e.name, f.name, Lang::En)}};
            if (f.type != FieldType::Enum) continue;
            for (const std::string& v : f.enumValues)
                enums[e.name][f.name][v] = {{"vi", enumLabel(e.name, f.name, v, Lang::Vi)},
                                            {"en", enumLabel(e.name, f.name, v, Lang::En)}};
        }
        for (std::string_view c : derivedColumns())
            ef[std::string(c)] = {{"vi", fieldLabel(e.name, c, Lang::Vi)},
                                  {"en", fieldLabel(e.name, c, Lang::En)}};
        fields[e.name] = std::move(ef);
    }
    for (const auto& [code, n] : entityTable()) ents[std::string(code)] = both(n);
    for (const auto& [code, n] : roleTable()) roles[std::string(code)] = both(n);
    return {{"enums", enums}, {"fields", fields}, {"entities", ents}, {"roles", roles}};
}

}  // namespace nghedan
