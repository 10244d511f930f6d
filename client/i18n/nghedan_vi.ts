<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="vi_VN">
<context>
    <name>AgencyPicker</name>
    <message>
        <location filename="../../qml/components/AgencyPicker.qml" line="14"/>
        <source>Chọn cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentDelegate</name>
    <message>
        <location filename="../../qml/delegates/AttachmentDelegate.qml" line="79"/>
        <source>(chưa có chú thích)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentListModel</name>
    <message>
        <location filename="../attachment_list_model.cpp" line="29"/>
        <source>%1 KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../attachment_list_model.cpp" line="31"/>
        <source>%1 MB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentViewDialog</name>
    <message>
        <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="29"/>
        <source>Ảnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="29"/>
        <source>Tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="61"/>
        <source>Ảnh gốc chưa có trên máy này: sẽ được tải về khi có mạng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="90"/>
        <source>Chụp lúc %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="101"/>
        <source>Chú thích (ví dụ: xe khách đỗ trước nhà số 12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="107"/>
        <source>Xóa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="114"/>
        <source>Đóng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="130"/>
        <source>Xóa tệp đính kèm?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="135"/>
        <source>Tệp sẽ không còn hiện trong hồ sơ. Lịch sử thay đổi vẫn ghi lại việc xóa.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsCard</name>
    <message>
        <location filename="../../qml/components/AttachmentsCard.qml" line="24"/>
        <source>Ảnh và tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AttachmentsCard.qml" line="42"/>
        <source>Chưa có ảnh hay tài liệu nào.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AttachmentsCard.qml" line="65"/>
        <source>Thêm ảnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AttachmentsCard.qml" line="72"/>
        <source>Thêm tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AttachmentsCard.qml" line="80"/>
        <source>Chọn ảnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AttachmentsCard.qml" line="81"/>
        <source>Ảnh (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AttachmentsCard.qml" line="86"/>
        <source>Chọn tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/AttachmentsCard.qml" line="87"/>
        <source>Tài liệu (*.pdf *.doc *.docx *.xls *.xlsx *.odt *.ods)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttendeeDelegate</name>
    <message>
        <location filename="../../qml/delegates/AttendeeDelegate.qml" line="57"/>
        <source>Vai trò của %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/AttendeeDelegate.qml" line="69"/>
        <source>Xoá %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message numerus="yes">
        <location filename="../../qml/components/ConflictBanner.qml" line="29"/>
        <source>Có %n mục được sửa khác nhau trên hai máy. Cả hai bản đều được giữ; hãy xem và chọn bản đúng.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/components/ConflictBanner.qml" line="36"/>
        <source>Xem và chọn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDelegate</name>
    <message>
        <location filename="../../qml/delegates/ConflictDelegate.qml" line="56"/>
        <source>Bản của %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/ConflictDelegate.qml" line="76"/>
        <source>Giữ bản này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/ConflictDelegate.qml" line="89"/>
        <source>Hoặc sửa thành một bản gộp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/ConflictDelegate.qml" line="106"/>
        <source>Lưu bản gộp</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictPage</name>
    <message>
        <location filename="../../qml/pages/ConflictPage.qml" line="17"/>
        <source>Chọn bản đúng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/ConflictPage.qml" line="33"/>
        <source>Hồ sơ này được sửa trên hai máy cùng lúc. Không bản nào bị mất: hãy giữ bản đúng, hoặc gộp lại thành một bản. Lựa chọn của bạn sẽ được đồng bộ tới mọi máy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../qml/components/DateField.qml" line="24"/>
        <source>dd/MM/yyyy HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/DateField.qml" line="24"/>
        <source>dd/MM/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/DateField.qml" line="38"/>
        <source>Lịch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/DateField.qml" line="40"/>
        <source>Chọn ngày trên lịch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/DateField.qml" line="86"/>
        <source>Tháng trước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/DateField.qml" line="101"/>
        <source>Tháng sau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/DateField.qml" line="130"/>
        <source>Đóng</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectiveDelegate</name>
    <message>
        <location filename="../../qml/delegates/DirectiveDelegate.qml" line="43"/>
        <source>Quá hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/DirectiveDelegate.qml" line="48"/>
        <source>Chưa được chấp nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/DirectiveDelegate.qml" line="53"/>
        <source>Cần chọn bản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/DirectiveDelegate.qml" line="61"/>
        <source>Hạn: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectivePage</name>
    <message>
        <location filename="../../qml/pages/DirectivePage.qml" line="20"/>
        <source>Chỉ đạo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/DirectivePage.qml" line="53"/>
        <source>Quá hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/DirectivePage.qml" line="103"/>
        <source>Nội dung chỉ đạo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/DirectivePage.qml" line="140"/>
        <source>Từ buổi họp: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/DirectivePage.qml" line="157"/>
        <source>Theo kiến nghị: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/DirectivePage.qml" line="171"/>
        <source>Lịch sử thay đổi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/DirectivePage.qml" line="188"/>
        <source>Thực hiện</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/DirectivePage.qml" line="216"/>
        <source>Hoàn thành lúc %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/DirectivePage.qml" line="241"/>
        <source>Tiến độ thực hiện</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/DirectivePage.qml" line="247"/>
        <source>Cập nhật tiến độ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/DirectivePage.qml" line="252"/>
        <source>Thêm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../../qml/components/ErrorBanner.qml" line="34"/>
        <source>Đóng thông báo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDelegate</name>
    <message>
        <location filename="../../qml/delegates/HistoryDelegate.qml" line="32"/>
        <source>%1 — %2 tạo hồ sơ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/HistoryDelegate.qml" line="33"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="20"/>
        <source>Trang chủ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="42"/>
        <source>Xin chào, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="51"/>
        <source>Địa bàn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="66"/>
        <source>Buổi họp tuần này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="70"/>
        <source>Chưa có buổi họp nào trong tuần.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="88"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="103"/>
        <source>Mở biên bản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="110"/>
        <source>Buổi họp mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="116"/>
        <source>Thông báo kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="130"/>
        <source>kiến nghị đang xử lý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="136"/>
        <source>chỉ đạo chưa xong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="143"/>
        <source>việc quá hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="149"/>
        <source>buổi họp từ đầu năm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="158"/>
        <source>Đồng bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="164"/>
        <source>%1. %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="169"/>
        <source>Đồng bộ ngay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="191"/>
        <source>Buổi họp gần đây</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="215"/>
        <source>Kiến nghị đang xử lý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="236"/>
        <source>Chỉ đạo chưa hoàn thành</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../qml/pages/LockPage.qml" line="29"/>
        <source>Khóa dữ liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/LockPage.qml" line="44"/>
        <location filename="../../qml/pages/LockPage.qml" line="117"/>
        <source>Đặt mã PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/LockPage.qml" line="44"/>
        <source>Cần đồng bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/LockPage.qml" line="44"/>
        <source>Nhập mã PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/LockPage.qml" line="53"/>
        <source>Dữ liệu trên máy được mã hóa bằng mã PIN của bạn. Chọn 6 đến 12 chữ số và nhập hai lần.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/LockPage.qml" line="55"/>
        <source>Dữ liệu trên máy vẫn khóa cho tới khi đồng bộ được với máy chủ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/LockPage.qml" line="56"/>
        <source>%1 — dữ liệu trên máy đang khóa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/LockPage.qml" line="66"/>
        <source>Mã PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/LockPage.qml" line="78"/>
        <source>Nhập lại mã PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/LockPage.qml" line="117"/>
        <source>Đồng bộ ngay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/LockPage.qml" line="117"/>
        <source>Mở khóa</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="52"/>
        <source>Nghe Dân — ghi nhận ý kiến người dân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="75"/>
        <source>Quay lại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="75"/>
        <source>Mở danh mục</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="91"/>
        <source>NGOẠI TUYẾN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="112"/>
        <source>Nghe Dân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="126"/>
        <source>Trang chủ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="127"/>
        <source>Buổi họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="128"/>
        <source>Kiến nghị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="129"/>
        <source>Chỉ đạo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="132"/>
        <source>Chưa được chấp nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="137"/>
        <source>Cài đặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Main.qml" line="143"/>
        <source>+ Buổi họp mới</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingDelegate</name>
    <message>
        <location filename="../../qml/delegates/MeetingDelegate.qml" line="67"/>
        <source>Chưa được chấp nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/MeetingDelegate.qml" line="72"/>
        <source>Cần chọn bản</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="28"/>
        <source>Biên bản buổi họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="57"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="75"/>
        <location filename="../../qml/pages/MeetingPage.qml" line="405"/>
        <source>+ Kiến nghị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="82"/>
        <location filename="../../qml/pages/MeetingPage.qml" line="596"/>
        <source>Chốt biên bản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="88"/>
        <source>Sửa bổ sung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="133"/>
        <source>Biên bản đã chốt. Chọn «Sửa bổ sung» nếu cần sửa; mọi phiên bản cũ vẫn được lưu trong lịch sử.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="144"/>
        <source>1. Báo cáo lại kết quả kiến nghị kỳ trước (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="147"/>
        <source>Thông báo kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="155"/>
        <source>Đọc cho người dân kết quả từng kiến nghị, rồi ghi ý kiến của họ. «Chưa hài lòng» mở lại kiến nghị đã giải quyết.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="156"/>
        <source>Kết quả đã báo cáo lại và ý kiến của người dân; cán bộ của địa bàn ghi ý kiến.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="157"/>
        <source>Không có kiến nghị nào từ các lần trước cần báo cáo lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="207"/>
        <source>Thông tin buổi họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="261"/>
        <source>Thành phần đoàn công tác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="275"/>
        <source>Người tham dự (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="284"/>
        <source>Họ tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="298"/>
        <source>Thêm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="358"/>
        <source>Đang soạn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="358"/>
        <source>Tự động lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="368"/>
        <source>Diễn biến, ý kiến người dân… (tự lưu khi gõ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="402"/>
        <source>Kiến nghị tại buổi họp (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="430"/>
        <source>Chỉ đạo tại buổi họp (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="434"/>
        <source>+ Chỉ đạo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="460"/>
        <source>Chưa được máy chủ chấp nhận (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="488"/>
        <source>Đã lưu kiến nghị «%1»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="489"/>
        <source>Đã ghi nhận nêu lại: «%1»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="539"/>
        <source>Mở</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="548"/>
        <source>Đóng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="556"/>
        <source>Mã tiếp nhận — đọc hoặc ghi cho người dân để tra cứu kết quả:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="586"/>
        <source>Chốt biên bản?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="590"/>
        <source>Huỷ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/MeetingPage.qml" line="604"/>
        <source>Sau khi chốt, biên bản không sửa được nữa trừ khi chọn «Sửa bổ sung». Mọi phiên bản đều được lưu lại.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewDirectiveDialog</name>
    <message>
        <location filename="../../qml/dialogs/NewDirectiveDialog.qml" line="24"/>
        <source>Ghi chỉ đạo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewDirectiveDialog.qml" line="55"/>
        <source>Ví dụ: Công an quận phối hợp làm căn cước cho các hộ trong tuần</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewDirectiveDialog.qml" line="109"/>
        <source>Huỷ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewDirectiveDialog.qml" line="115"/>
        <source>Lưu chỉ đạo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewMeetingDialog</name>
    <message>
        <location filename="../../qml/dialogs/NewMeetingDialog.qml" line="18"/>
        <source>Buổi họp mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewMeetingDialog.qml" line="43"/>
        <source>Thời gian họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewMeetingDialog.qml" line="52"/>
        <source>Tên buổi họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewMeetingDialog.qml" line="57"/>
        <source>Họp dân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewMeetingDialog.qml" line="64"/>
        <source>Các kiến nghị, chỉ đạo còn tồn đọng của khu phố sẽ được đưa vào chương trình họp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewMeetingDialog.qml" line="83"/>
        <source>Huỷ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/NewMeetingDialog.qml" line="89"/>
        <source>Tạo buổi họp</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PetitionController</name>
    <message>
        <location filename="../petition_controller.cpp" line="19"/>
        <source>Hãy nhập nội dung cập nhật.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../petition_controller.cpp" line="29"/>
        <source>Chưa lưu được: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PetitionDelegate</name>
    <message>
        <location filename="../../qml/delegates/PetitionDelegate.qml" line="44"/>
        <source>Quá hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/PetitionDelegate.qml" line="49"/>
        <source>Chưa được chấp nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/PetitionDelegate.qml" line="54"/>
        <source>Cần chọn bản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/PetitionDelegate.qml" line="70"/>
        <source>Chủ trì: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/PetitionDelegate.qml" line="71"/>
        <source>Hạn: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PetitionPage</name>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="35"/>
        <source>Kiến nghị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="72"/>
        <source>Mã tiếp nhận: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="79"/>
        <source>Quá hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="141"/>
        <source>Nội dung kiến nghị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="143"/>
        <source>Mã tiếp nhận (người dân dùng để tra cứu kết quả)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="181"/>
        <source>Chưa chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="214"/>
        <source>Từ buổi họp: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="228"/>
        <source>Người kiến nghị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="267"/>
        <source>Lịch sử thay đổi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="293"/>
        <source>Xử lý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="296"/>
        <source>Trạng thái hiện tại: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="304"/>
        <source>Lý do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="311"/>
        <source>Cấp xử lý: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="316"/>
        <source>Chuyển sang:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="366"/>
        <source>Thêm cơ quan phối hợp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="387"/>
        <source>Ghi chỉ đạo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="408"/>
        <source>Công khai cho người dân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="413"/>
        <source>Công khai kết quả cho người dân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="424"/>
        <source>Khi công khai, người dân tra cứu được kiến nghị bằng mã tiếp nhận và kiến nghị có trong thông báo kết quả của khu phố, gồm: nội dung tóm tắt, lĩnh vực, khu phố, tình trạng, cơ quan chủ trì, hạn giải quyết, kết quả và ghi chú công khai. Tên và số điện thoại của người kiến nghị không bao giờ được công khai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="452"/>
        <source>Tiến độ xử lý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="459"/>
        <source>Cập nhật tiến độ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="464"/>
        <source>Thêm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/PetitionPage.qml" line="493"/>
        <source>Chỉ đạo liên quan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceField</name>
    <message>
        <location filename="../../qml/components/PlaceField.qml" line="42"/>
        <source>Vị trí (vĩ độ, kinh độ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/PlaceField.qml" line="53"/>
        <source>Vĩ độ, ví dụ 10.8231</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/PlaceField.qml" line="62"/>
        <source>Kinh độ, ví dụ 106.6297</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/PlaceField.qml" line="72"/>
        <source>Lưu vị trí</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/PlaceField.qml" line="79"/>
        <source>Đang lấy vị trí…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/PlaceField.qml" line="79"/>
        <source>Lấy vị trí hiện tại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/PlaceField.qml" line="91"/>
        <source>Không lấy được vị trí của máy; hãy nhập vĩ độ, kinh độ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickPetitionDialog</name>
    <message>
        <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="55"/>
        <source>Ghi kiến nghị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="80"/>
        <source>Người kiến nghị (chọn người tham dự hoặc nhập tên)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="93"/>
        <source>Nội dung tóm tắt (có thể bổ sung sau)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="94"/>
        <source>Nhấn Enter để lưu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="99"/>
        <source>Ví dụ: Xe khách dừng đón trả khách trong hẻm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="110"/>
        <source>Có thể khu phố đã có kiến nghị này:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="128"/>
        <source>%1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="134"/>
        <source>Đây là kiến nghị này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="143"/>
        <source>Lĩnh vực *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="181"/>
        <source>* Bắt buộc: chọn lĩnh vực. Các mục khác có thể bổ sung sau.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="187"/>
        <source>Huỷ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="193"/>
        <source>Lưu kiến nghị</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../qml/dialogs/ReasonDialog.qml" line="21"/>
        <source>Chuyển cấp trên xử lý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ReasonDialog.qml" line="22"/>
        <source>Chuyển sang «%1»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ReasonDialog.qml" line="27"/>
        <source>Huỷ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ReasonDialog.qml" line="33"/>
        <source>Chuyển cấp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ReasonDialog.qml" line="33"/>
        <source>Chuyển trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ReasonDialog.qml" line="46"/>
        <source>Cấp sẽ xử lý</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ReasonDialog.qml" line="58"/>
        <source>Lý do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ReasonDialog.qml" line="66"/>
        <source>Ghi rõ lý do để người dân và cấp trên theo dõi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptCode</name>
    <message>
        <location filename="../../qml/components/ReceiptCode.qml" line="35"/>
        <location filename="../../qml/components/ReceiptCode.qml" line="45"/>
        <source>Sao chép</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/ReceiptCode.qml" line="39"/>
        <source>Đã chép</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../qml/pages/RecordsPage.qml" line="21"/>
        <source>Buổi họp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordsPage.qml" line="22"/>
        <source>Kiến nghị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordsPage.qml" line="22"/>
        <source>Chỉ đạo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordsPage.qml" line="51"/>
        <source>Tìm theo nội dung, tên, địa điểm (gõ có dấu hoặc không dấu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordsPage.qml" line="57"/>
        <source>+ Buổi họp mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordsPage.qml" line="58"/>
        <source>+ Kiến nghị mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordsPage.qml" line="58"/>
        <source>+ Chỉ đạo mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordsPage.qml" line="72"/>
        <source>Mọi trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordsPage.qml" line="81"/>
        <source>Mọi lĩnh vực</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordsPage.qml" line="91"/>
        <source>Mọi phường</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordsPage.qml" line="99"/>
        <source>Mọi cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordsPage.qml" line="105"/>
        <source>Chỉ việc quá hạn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordsPage.qml" line="110"/>
        <source>Bỏ lọc</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/pages/RecordsPage.qml" line="123"/>
        <source>%n kết quả</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordsPage.qml" line="148"/>
        <source>Không tìm thấy kết quả cho «%1».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/RecordsPage.qml" line="149"/>
        <source>Chưa có hồ sơ nào.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefusalBanner</name>
    <message>
        <location filename="../../qml/components/RefusalBanner.qml" line="28"/>
        <source>Máy chủ chưa chấp nhận một thay đổi của hồ sơ này. Hồ sơ đang hiển thị như trên máy chủ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/RefusalBanner.qml" line="29"/>
        <source>Máy chủ chưa chấp nhận hồ sơ mới này, nên nó chưa có hiệu lực. Nội dung vẫn được giữ trên máy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/RefusalBanner.qml" line="37"/>
        <source>Lý do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/RefusalBanner.qml" line="46"/>
        <source>Bỏ thay đổi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/RefusalBanner.qml" line="52"/>
        <source>Gửi lại</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefusedDelegate</name>
    <message>
        <location filename="../../qml/delegates/RefusedDelegate.qml" line="32"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/RefusedDelegate.qml" line="40"/>
        <source>Lý do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/RefusedDelegate.qml" line="55"/>
        <source>Ghi lúc %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/RefusedDelegate.qml" line="61"/>
        <source>Bỏ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/RefusedDelegate.qml" line="67"/>
        <source>Gửi lại</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefusedPage</name>
    <message>
        <location filename="../../qml/pages/RefusedPage.qml" line="12"/>
        <source>Chưa được chấp nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/RefusedPage.qml" line="23"/>
        <source>Các thay đổi dưới đây được lưu trên máy nhưng máy chủ không nhận, nên chưa có hiệu lực. Chúng không bị xoá; hãy xem lý do, sửa lại hoặc báo cán bộ quản trị.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/RefusedPage.qml" line="46"/>
        <source>Không có thay đổi nào bị từ chối.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportBackDelegate</name>
    <message>
        <location filename="../../qml/delegates/ReportBackDelegate.qml" line="43"/>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/ReportBackDelegate.qml" line="67"/>
        <source>Chủ trì: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/ReportBackDelegate.qml" line="68"/>
        <source>Hạn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/ReportBackDelegate.qml" line="76"/>
        <source>Kết quả: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/ReportBackDelegate.qml" line="76"/>
        <source>Chưa có kết quả giải quyết.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/ReportBackDelegate.qml" line="87"/>
        <source>Người dân: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/ReportBackDelegate.qml" line="88"/>
        <source>Người dân: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/ReportBackDelegate.qml" line="98"/>
        <source>Xem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/ReportBackDelegate.qml" line="105"/>
        <source>Hài lòng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/delegates/ReportBackDelegate.qml" line="112"/>
        <source>Chưa hài lòng</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportBackDialog</name>
    <message>
        <location filename="../../qml/dialogs/ReportBackDialog.qml" line="19"/>
        <source>Người dân chưa hài lòng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ReportBackDialog.qml" line="24"/>
        <source>Huỷ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ReportBackDialog.qml" line="30"/>
        <source>Ghi nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ReportBackDialog.qml" line="49"/>
        <source>Ý kiến của người dân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ReportBackDialog.qml" line="50"/>
        <source>Kiến nghị đã giải quyết sẽ được mở lại để tiếp tục xử lý.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/dialogs/ReportBackDialog.qml" line="58"/>
        <source>Ví dụ: xe khách vẫn dừng đón khách buổi tối</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsNoticePage</name>
    <message>
        <location filename="../../qml/pages/ResultsNoticePage.qml" line="19"/>
        <source>Thông báo kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/ResultsNoticePage.qml" line="36"/>
        <source>Thông báo kết quả giải quyết kiến nghị</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/ResultsNoticePage.qml" line="47"/>
        <location filename="../../qml/pages/ResultsNoticePage.qml" line="56"/>
        <source>Sao chép</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/ResultsNoticePage.qml" line="50"/>
        <source>Đã chép</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/ResultsNoticePage.qml" line="78"/>
        <source>Khu phố và thời gian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/ResultsNoticePage.qml" line="89"/>
        <source>Tiếp nhận từ ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/ResultsNoticePage.qml" line="99"/>
        <source>đến ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/ResultsNoticePage.qml" line="111"/>
        <source>Chỉ gồm các kiến nghị đã bật «Công khai kết quả cho người dân»; không có tên người kiến nghị.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/ResultsNoticePage.qml" line="124"/>
        <source>Nội dung (%1 kiến nghị)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="12"/>
        <source>Cài đặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="28"/>
        <source>Máy chủ đồng bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="30"/>
        <source>Địa chỉ máy chủ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="41"/>
        <source>Lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="48"/>
        <source>Lần đồng bộ gần nhất: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="48"/>
        <source>chưa có</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="53"/>
        <source>Thay đổi chưa gửi: %1 · Bị từ chối: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="59"/>
        <source>Chỉ đồng bộ hồ sơ (không tải ảnh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="65"/>
        <source>Dùng khi mạng chậm hoặc tính tiền theo dung lượng: ảnh và tài liệu được giữ trên máy và gửi sau; ảnh thu nhỏ của trang đang xem vẫn được tải về.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="95"/>
        <source>Đã báo quản trị viên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="99"/>
        <source>Đồng bộ ngay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="106"/>
        <source>Khóa dữ liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="111"/>
        <source>Tự khóa sau (phút không dùng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="126"/>
        <source>Xóa dữ liệu trên máy sau số lần nhập sai mã PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="141"/>
        <source>Khóa ngay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="147"/>
        <source>Ngôn ngữ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="165"/>
        <source>Tài khoản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="168"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="174"/>
        <source>Vai trò: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="179"/>
        <source>Địa bàn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="193"/>
        <source>Thông tin kỹ thuật…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="200"/>
        <source>Thư mục dữ liệu: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="184"/>
        <location filename="../../qml/pages/SettingsPage.qml" line="224"/>
        <source>Đăng xuất</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="214"/>
        <source>Đăng xuất?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="218"/>
        <source>Huỷ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="233"/>
        <source>Còn %1 thay đổi chưa gửi. Chúng vẫn được giữ trên máy và sẽ gửi khi đăng nhập lại, nhưng cần có mạng để đăng nhập.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="234"/>
        <source>Dữ liệu vẫn được giữ trên máy. Lần đăng nhập sau cần có mạng.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="13"/>
        <location filename="../../qml/pages/SignInPage.qml" line="99"/>
        <source>Đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="28"/>
        <source>Nghe Dân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="36"/>
        <source>Ghi nhận ý kiến, kiến nghị của người dân — «Mỗi tuần một khu phố»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="42"/>
        <source>Tên đăng nhập</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="53"/>
        <source>Mật khẩu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="68"/>
        <source>Ẩn máy chủ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="68"/>
        <source>Máy chủ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="75"/>
        <source>Địa chỉ máy chủ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="76"/>
        <source>Chỉ cần khi đăng nhập lần đầu; sau đó ứng dụng dùng được cả khi không có mạng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="99"/>
        <source>Đang đăng nhập…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="109"/>
        <source>Ngôn ngữ:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../qml/components/SyncIndicator.qml" line="69"/>
        <source>Đồng bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/SyncIndicator.qml" line="71"/>
        <source>Đồng bộ ngay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <location filename="../../qml/components/UnitPicker.qml" line="55"/>
        <source>Địa bàn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/components/UnitPicker.qml" line="95"/>
        <source>Chọn %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpdateDelegate</name>
    <message>
        <location filename="../../qml/delegates/UpdateDelegate.qml" line="25"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client</name>
    <message>
        <location filename="../value_format.cpp" line="148"/>
        <source>«%1» không được để trống.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../value_format.cpp" line="155"/>
        <source>«%1» quá dài.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../value_format.cpp" line="163"/>
        <source>«%1» phải là một số.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../value_format.cpp" line="165"/>
        <source>«%1» phải từ %2 đến %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../value_format.cpp" line="172"/>
        <location filename="../value_format.cpp" line="174"/>
        <source>«%1»: ngày không hợp lệ, hãy nhập dạng dd/MM/yyyy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../value_format.cpp" line="180"/>
        <source>«%1»: thời gian không hợp lệ, hãy nhập dạng dd/MM/yyyy HH:mm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../value_format.cpp" line="185"/>
        <source>«%1»: thời gian không hợp lệ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../value_format.cpp" line="191"/>
        <source>«%1» phải là một danh sách.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../value_format.cpp" line="195"/>
        <source>«%1» không hợp lệ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../value_format.cpp" line="209"/>
        <source>(trống)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../value_format.cpp" line="213"/>
        <source>có</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../value_format.cpp" line="213"/>
        <source>không</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client::AttachmentListModel</name>
    <message>
        <location filename="../attachment_list_model.cpp" line="151"/>
        <source>Vai trò của bạn không được thêm ảnh hoặc tài liệu cho hồ sơ này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../attachment_list_model.cpp" line="156"/>
        <source>Không mở được kho ảnh trên máy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../attachment_list_model.cpp" line="196"/>
        <location filename="../attachment_list_model.cpp" line="216"/>
        <source>Chưa lưu được: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../attachment_list_model.cpp" line="207"/>
        <source>Không tìm thấy tệp đính kèm này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../attachment_list_model.cpp" line="278"/>
        <source>Ảnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../attachment_list_model.cpp" line="287"/>
        <source>Tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client::Catalog</name>
    <message>
        <location filename="../catalog.cpp" line="90"/>
        <source>Không có ngày %1 trên lịch. Hãy chọn lại ngày.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../catalog.cpp" line="92"/>
        <source>Hãy nhập ngày giờ dạng ngày/tháng/năm giờ:phút, ví dụ 05/03/2026 19:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../catalog.cpp" line="93"/>
        <source>Hãy nhập ngày dạng ngày/tháng/năm, ví dụ 05/03/2026.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../catalog.cpp" line="110"/>
        <source>Tháng %1 năm %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../catalog.cpp" line="128"/>
        <source>Người dân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../catalog.cpp" line="128"/>
        <source>Bí thư chi bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../catalog.cpp" line="128"/>
        <source>Trưởng khu phố</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../catalog.cpp" line="128"/>
        <source>Ban công tác Mặt trận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../catalog.cpp" line="129"/>
        <source>Đại biểu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../catalog.cpp" line="129"/>
        <source>Thư ký</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client::ConflictListModel</name>
    <message>
        <location filename="../conflict_list_model.cpp" line="69"/>
        <source>Chưa lưu được: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client::DeviceLock</name>
    <message numerus="yes">
        <location filename="../device_lock.cpp" line="73"/>
        <source>Đã gửi lên máy chủ %n thay đổi được giữ lại khi dữ liệu trên máy bị xóa.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../device_lock.cpp" line="210"/>
        <source>%1 phút %2 giây</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../device_lock.cpp" line="212"/>
        <source>%1 phút</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../device_lock.cpp" line="214"/>
        <source>%1 giây</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../device_lock.cpp" line="215"/>
        <source>Thử lại sau %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../device_lock.cpp" line="225"/>
        <source>Không mở được dữ liệu trên máy (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../device_lock.cpp" line="232"/>
        <source>Máy chưa đồng bộ quá %n ngày nên dữ liệu vẫn khóa. Hãy kết nối mạng và đồng bộ ngay.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../device_lock.cpp" line="248"/>
        <source>Hai lần nhập mã PIN không giống nhau.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../device_lock.cpp" line="254"/>
        <source>Mã PIN phải gồm 6 đến 12 chữ số.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../device_lock.cpp" line="255"/>
        <source>Không lưu được mã PIN (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../device_lock.cpp" line="262"/>
        <source>Không mã hóa được dữ liệu trên máy (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../device_lock.cpp" line="282"/>
        <source>Không đọc được khóa dữ liệu trên máy (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../device_lock.cpp" line="298"/>
        <source>Mã PIN không đúng. Còn %n lần thử; sau đó dữ liệu trên máy sẽ bị xóa.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../device_lock.cpp" line="352"/>
        <source>Thiết bị này đã bị thu hồi: quản trị viên đã yêu cầu xóa dữ liệu trên máy. Mọi thay đổi đã được gửi lên máy chủ trước khi xóa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../device_lock.cpp" line="358"/>
        <source>Đã nhập sai mã PIN %n lần nên dữ liệu trên máy này đã bị xóa. Các thay đổi chưa gửi được giữ kín và sẽ được gửi lên máy chủ khi bạn đăng nhập lại.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nghedan::client::DirectiveController</name>
    <message>
        <location filename="../directive_controller.cpp" line="30"/>
        <source>Hãy chọn địa bàn của chỉ đạo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../directive_controller.cpp" line="34"/>
        <source>Hãy chọn cơ quan thực hiện.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../directive_controller.cpp" line="38"/>
        <source>Hãy nhập nội dung chỉ đạo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../directive_controller.cpp" line="42"/>
        <source>Hãy nhập người chỉ đạo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../directive_controller.cpp" line="55"/>
        <source>Hạn xử lý không hợp lệ, hãy nhập dạng dd/MM/yyyy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../directive_controller.cpp" line="68"/>
        <source>Trạng thái không hợp lệ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client::HistoryListModel</name>
    <message>
        <location filename="../history_list_model.cpp" line="79"/>
        <source>(đã xóa theo yêu cầu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_list_model.cpp" line="80"/>
        <source>(đã ẩn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_list_model.cpp" line="96"/>
        <source>(ghi trước khi có chữ ký thiết bị)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_list_model.cpp" line="133"/>
        <source>Xóa ảnh: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_list_model.cpp" line="133"/>
        <source>Xóa tài liệu: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_list_model.cpp" line="135"/>
        <source>Chú thích: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_list_model.cpp" line="137"/>
        <source>Thêm ảnh: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_list_model.cpp" line="137"/>
        <source>Thêm tài liệu: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client::MeetingController</name>
    <message>
        <location filename="../meeting_controller.cpp" line="19"/>
        <source>Biên bản đã chốt. Chọn «Sửa bổ sung» nếu cần sửa; mọi phiên bản cũ vẫn được lưu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../meeting_controller.cpp" line="25"/>
        <source>Họp dân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../meeting_controller.cpp" line="25"/>
        <source>Họp dân %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../meeting_controller.cpp" line="46"/>
        <source>- Kiến nghị chưa xong: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../meeting_controller.cpp" line="47"/>
        <source>- Chỉ đạo chưa xong: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../meeting_controller.cpp" line="51"/>
        <source>Các việc còn tồn đọng từ những lần trước:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../meeting_controller.cpp" line="56"/>
        <source>Hãy chọn khu phố nơi họp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../meeting_controller.cpp" line="61"/>
        <source>Thời gian họp không hợp lệ, hãy nhập dạng dd/MM/yyyy HH:mm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../meeting_controller.cpp" line="82"/>
        <source>Hãy nhập tên người tham dự.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../meeting_controller.cpp" line="110"/>
        <source>Chưa có biên bản hoặc kết luận: chưa thể chốt.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client::PetitionController</name>
    <message>
        <location filename="../petition_controller.cpp" line="41"/>
        <source>Hãy chọn địa bàn của kiến nghị.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../petition_controller.cpp" line="45"/>
        <source>Hãy chọn lĩnh vực.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../petition_controller.cpp" line="70"/>
        <location filename="../petition_controller.cpp" line="81"/>
        <source>Không tìm thấy buổi họp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../petition_controller.cpp" line="88"/>
        <source>Không tìm thấy kiến nghị này ở khu phố của buổi họp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../petition_controller.cpp" line="93"/>
        <source>Được nêu lại tại buổi họp «%1» (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../petition_controller.cpp" line="98"/>
        <source>, người nêu: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../petition_controller.cpp" line="100"/>
        <source>. Ý kiến: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../petition_controller.cpp" line="167"/>
        <source>Không thể chuyển kiến nghị từ «%1» sang «%2».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../petition_controller.cpp" line="161"/>
        <source>Hãy ghi rõ lý do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../petition_controller.cpp" line="179"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../petition_controller.cpp" line="165"/>
        <source>Kiến nghị ở trạng thái «%1» không thể chuyển cấp trên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../petition_controller.cpp" line="163"/>
        <source>Hãy chọn cấp sẽ xử lý.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../petition_controller.cpp" line="161"/>
        <source>Hãy ghi rõ lý do chuyển cấp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../petition_controller.cpp" line="176"/>
        <source>Chuyển lên cấp %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client::RecordController</name>
    <message>
        <location filename="../record_controller.cpp" line="61"/>
        <source>Không đọc được hồ sơ: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../record_controller.cpp" line="134"/>
        <source>Sửa lần cuối %1 bởi %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../record_controller.cpp" line="182"/>
        <source>Giám sát thay đổi phần xử lý kiến nghị (trạng thái, cơ quan, hạn, kết quả); nội dung và người kiến nghị do cán bộ tiếp nhận ghi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../record_controller.cpp" line="185"/>
        <source>Giám sát xem %1 này; cán bộ của địa bàn ghi và sửa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../record_controller.cpp" line="187"/>
        <source>Vai trò của bạn không được sửa các mục này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../record_controller.cpp" line="207"/>
        <source>Chưa gửi lại được: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../record_controller.cpp" line="211"/>
        <source>Chưa bỏ được: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../record_controller.cpp" line="218"/>
        <source>Trường «%1» không có trong hồ sơ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../record_controller.cpp" line="242"/>
        <source>Chưa lưu được: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../record_controller.cpp" line="246"/>
        <source>Đã lưu lúc %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../record_controller.cpp" line="263"/>
        <source>Chưa có hồ sơ để lưu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../record_controller.cpp" line="286"/>
        <source>Đang soạn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../record_controller.cpp" line="334"/>
        <source> (sai số khoảng %1 m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../record_controller.cpp" line="337"/>
        <source> · ghi lúc %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../record_controller.cpp" line="344"/>
        <source>Vị trí chưa đúng: vĩ độ từ -90 đến 90, kinh độ từ -180 đến 180, dạng 10.823456.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client::RecordListModel</name>
    <message>
        <location filename="../record_list_model.cpp" line="90"/>
        <source>Không đọc được danh sách: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client::RefusedListModel</name>
    <message>
        <location filename="../refused_list_model.cpp" line="47"/>
        <source>«%1» nằm ngoài địa bàn mà tài khoản được ghi; %2 này cần thuộc địa bàn của bạn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../refused_list_model.cpp" line="50"/>
        <source>Vai trò của tài khoản không được ghi %1 của %2 này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../refused_list_model.cpp" line="53"/>
        <source>Máy chủ không nhận người ghi thay đổi này là người đang đăng nhập trên máy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../refused_list_model.cpp" line="56"/>
        <source>Dữ liệu chưa đúng quy định (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../refused_list_model.cpp" line="58"/>
        <source>Không được đổi địa bàn của hồ sơ đã tạo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../refused_list_model.cpp" line="60"/>
        <source>Máy chủ đã giữ một thay đổi khác mang cùng mã của máy này (có thể tệp dữ liệu của máy đã bị sao chép). Hãy ghi lại nếu nội dung này vẫn đúng, và báo quản trị viên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../refused_list_model.cpp" line="64"/>
        <source>Máy chủ không xác nhận được thay đổi này do chính máy này ghi (chữ ký thiết bị). Hãy báo quản trị viên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../refused_list_model.cpp" line="67"/>
        <source>Máy chủ không chấp nhận thay đổi này.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client::ReplicaService</name>
    <message>
        <location filename="../replica_service.cpp" line="106"/>
        <source>Dữ liệu trên máy đang khóa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../replica_service.cpp" line="125"/>
        <source>Vai trò của bạn không được %1 %2 này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../replica_service.cpp" line="126"/>
        <source>tạo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../replica_service.cpp" line="126"/>
        <source>sửa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../replica_service.cpp" line="130"/>
        <source>«%1» nằm ngoài địa bàn của bạn (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../replica_service.cpp" line="177"/>
        <source>Không tìm thấy %1 được liên kết trên máy này.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client::ReportBackModel</name>
    <message>
        <location filename="../report_back_model.cpp" line="133"/>
        <source>Nêu tại buổi họp ngày %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../report_back_model.cpp" line="169"/>
        <source>Chỉ cán bộ ghi ý kiến của người dân khi báo cáo lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../report_back_model.cpp" line="174"/>
        <source>Kiến nghị này không có trong phần báo cáo lại của buổi họp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../report_back_model.cpp" line="178"/>
        <source>Đã ghi ý kiến của người dân về kiến nghị này tại buổi họp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../report_back_model.cpp" line="190"/>
        <source>Chưa lưu được: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../report_back_model.cpp" line="198"/>
        <source>Đã ghi ý kiến nhưng chưa mở lại được kiến nghị: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client::ResultsNotice</name>
    <message>
        <location filename="../results_notice.cpp" line="83"/>
        <source>Hãy chọn khu phố.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../results_notice.cpp" line="85"/>
        <source>Hãy nhập ngày dạng dd/MM/yyyy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../results_notice.cpp" line="87"/>
        <source>Ngày kết thúc đứng trước ngày bắt đầu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client::SessionController</name>
    <message>
        <location filename="../session_controller.cpp" line="55"/>
        <source>Hãy nhập tên đăng nhập và mật khẩu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client::SyncController</name>
    <message numerus="yes">
        <location filename="../sync_controller.cpp" line="297"/>
        <source>Máy chủ đã nhận %n thay đổi mang mã của máy này nhưng không do máy này ghi.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../sync_controller.cpp" line="300"/>
        <source>%n thay đổi nhận về không có chữ ký hợp lệ của thiết bị đã ghi nên không được nhận.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="305"/>
        <source>Hãy báo quản trị viên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="340"/>
        <source>Đang kết nối máy chủ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="342"/>
        <source>Đang gửi %1/%2 thay đổi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="343"/>
        <source>Đang gửi %1 thay đổi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="345"/>
        <source>Đang nhận %1/%2 thay đổi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="346"/>
        <source>Đang nhận %1 thay đổi</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../sync_controller.cpp" line="360"/>
        <source>%n thay đổi chưa được chấp nhận</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../sync_controller.cpp" line="361"/>
        <source>%n thay đổi chưa gửi</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="362"/>
        <source>Mọi thay đổi đã được gửi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="366"/>
        <source>Đang đồng bộ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="367"/>
        <source>Ngoại tuyến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="368"/>
        <source>Lỗi đồng bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="370"/>
        <source>Chưa đồng bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="370"/>
        <source>Đã đồng bộ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../sync_controller.cpp" line="398"/>
        <source>đã gửi %n tệp</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../sync_controller.cpp" line="399"/>
        <source>đã tải về %n tệp</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../sync_controller.cpp" line="400"/>
        <source>%n tệp chưa chuyển được, sẽ thử lại</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="401"/>
        <source>Ảnh và tài liệu: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="405"/>
        <source>Ảnh và tài liệu chưa đồng bộ được: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="418"/>
        <source>Đang gửi ảnh và tài liệu: %1/%2 tệp · %3/%4 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="419"/>
        <source>Đang tải ảnh và tài liệu: %1/%2 tệp · %3/%4 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="421"/>
        <source>Đang đồng bộ ảnh và tài liệu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="422"/>
        <source>Chỉ đồng bộ hồ sơ: ảnh và tài liệu chờ mạng phù hợp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="440"/>
        <source>Không kết nối được máy chủ. Dữ liệu vẫn được lưu trên máy và sẽ tự đồng bộ khi có mạng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="441"/>
        <source>Sai tên đăng nhập hoặc mật khẩu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="443"/>
        <source>Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="446"/>
        <source>Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="448"/>
        <source>Tài khoản không có quyền thực hiện thao tác này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="450"/>
        <source>Máy chủ đang gặp sự cố. Ứng dụng sẽ tự thử lại; dữ liệu vẫn an toàn trên máy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="451"/>
        <source>Phiên bản ứng dụng đã cũ. Vui lòng cập nhật ứng dụng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="453"/>
        <source>Phiên bản ứng dụng đã quá cũ, máy chủ không nhận nữa. Vui lòng cập nhật ứng dụng; các thay đổi chưa gửi vẫn được giữ an toàn trên máy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="456"/>
        <source>Máy chủ chưa được cập nhật cho phiên bản ứng dụng này. Các thay đổi chưa gửi vẫn được giữ an toàn trên máy và sẽ được gửi khi máy chủ được cập nhật.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="459"/>
        <source>Quản trị viên đã thu hồi máy này: các thay đổi chưa gửi đang được gửi, sau đó dữ liệu trên máy sẽ được xóa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="462"/>
        <source>Máy này đã bị thu hồi quyền đồng bộ. Vui lòng liên hệ quản trị viên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="464"/>
        <source>Mã thiết bị của máy này đã được đăng ký với khóa khác. Vui lòng liên hệ quản trị viên.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="466"/>
        <source>Máy chủ trả lời không đúng. Hãy kiểm tra địa chỉ máy chủ trong phần Cài đặt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="468"/>
        <source>Không tin được chứng chỉ bảo mật của máy chủ. Hãy kiểm tra địa chỉ máy chủ; nếu đúng, liên hệ quản trị viên để cài chứng chỉ gốc cho máy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="471"/>
        <source>Máy chủ chỉ nhận kết nối bảo mật: hãy sửa địa chỉ máy chủ thành https:// trong phần Cài đặt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="474"/>
        <source>Máy chủ đang bận. Ứng dụng sẽ tự thử lại; dữ liệu vẫn an toàn trên máy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sync_controller.cpp" line="475"/>
        <source>Đồng bộ chưa thành công (mã lỗi: %1). Dữ liệu vẫn an toàn trên máy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nghedan::client::TextCheck</name>
    <message>
        <location filename="../text_check.cpp" line="16"/>
        <source>Nội dung có vẻ chứa số điện thoại. Thông tin cá nhân chỉ ghi ở ô Liên hệ của người kiến nghị.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../text_check.cpp" line="18"/>
        <source>Nội dung có vẻ chứa số CCCD/CMND. Thông tin cá nhân chỉ ghi ở ô Liên hệ của người kiến nghị.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
