<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
    <context>
        <name>AgencyPicker</name>
        <message>
            <location filename="../../qml/components/AgencyPicker.qml" line="14" />
            <source>Chọn cơ quan</source>
            <translation>Choose an agency</translation>
        </message>
    </context>
    <context>
        <name>AttachmentDelegate</name>
        <message>
            <location filename="../../qml/delegates/AttachmentDelegate.qml" line="79" />
            <source>(chưa có chú thích)</source>
            <translation>(no caption)</translation>
        </message>
    </context>
    <context>
        <name>AttachmentListModel</name>
        <message>
            <location filename="../attachment_list_model.cpp" line="29" />
            <source>%1 KB</source>
            <translation>%1 KB</translation>
        </message>
        <message>
            <location filename="../attachment_list_model.cpp" line="31" />
            <source>%1 MB</source>
            <translation>%1 MB</translation>
        </message>
    </context>
    <context>
        <name>AttachmentViewDialog</name>
        <message>
            <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="29" />
            <source>Ảnh</source>
            <translation>Photo</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="29" />
            <source>Tài liệu</source>
            <translation>Document</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="61" />
            <source>Ảnh gốc chưa có trên máy này: sẽ được tải về khi có mạng.</source>
            <translation>The full photo is not on this device yet: it will be downloaded when there is a network.</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="90" />
            <source>Chụp lúc %1 · %2</source>
            <translation>Taken at %1 · %2</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="101" />
            <source>Chú thích (ví dụ: xe khách đỗ trước nhà số 12)</source>
            <translation>Caption (e.g. coach parked in front of no. 12)</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="107" />
            <source>Xóa</source>
            <translation>Remove</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="114" />
            <source>Đóng</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="130" />
            <source>Xóa tệp đính kèm?</source>
            <translation>Remove the attachment?</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/AttachmentViewDialog.qml" line="135" />
            <source>Tệp sẽ không còn hiện trong hồ sơ. Lịch sử thay đổi vẫn ghi lại việc xóa.</source>
            <translation>The file will no longer show in the record. The change history keeps the removal.</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsCard</name>
        <message>
            <location filename="../../qml/components/AttachmentsCard.qml" line="24" />
            <source>Ảnh và tài liệu</source>
            <translation>Photos and documents</translation>
        </message>
        <message>
            <location filename="../../qml/components/AttachmentsCard.qml" line="42" />
            <source>Chưa có ảnh hay tài liệu nào.</source>
            <translation>No photos or documents yet.</translation>
        </message>
        <message>
            <location filename="../../qml/components/AttachmentsCard.qml" line="65" />
            <source>Thêm ảnh</source>
            <translation>Add photo</translation>
        </message>
        <message>
            <location filename="../../qml/components/AttachmentsCard.qml" line="72" />
            <source>Thêm tài liệu</source>
            <translation>Add document</translation>
        </message>
        <message>
            <location filename="../../qml/components/AttachmentsCard.qml" line="80" />
            <source>Chọn ảnh</source>
            <translation>Choose a photo</translation>
        </message>
        <message>
            <location filename="../../qml/components/AttachmentsCard.qml" line="81" />
            <source>Ảnh (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
            <translation>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
        </message>
        <message>
            <location filename="../../qml/components/AttachmentsCard.qml" line="86" />
            <source>Chọn tài liệu</source>
            <translation>Choose a document</translation>
        </message>
        <message>
            <location filename="../../qml/components/AttachmentsCard.qml" line="87" />
            <source>Tài liệu (*.pdf *.doc *.docx *.xls *.xlsx *.odt *.ods)</source>
            <translation>Documents (*.pdf *.doc *.docx *.xls *.xlsx *.odt *.ods)</translation>
        </message>
    </context>
    <context>
        <name>AttendeeDelegate</name>
        <message>
            <location filename="../../qml/delegates/AttendeeDelegate.qml" line="57" />
            <source>Vai trò của %1</source>
            <translation>Role of %1</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/AttendeeDelegate.qml" line="69" />
            <source>Xoá %1</source>
            <translation>Remove %1</translation>
        </message>
    </context>
    <context>
        <name>ConflictBanner</name>
        <message numerus="yes">
            <location filename="../../qml/components/ConflictBanner.qml" line="29" />
            <source>Có %n mục được sửa khác nhau trên hai máy. Cả hai bản đều được giữ; hãy xem và chọn bản đúng.</source>
            <translation>
                <numerusform>%n item was edited differently on two devices. Both versions are kept; review them and choose the right one.</numerusform>
                <numerusform>%n items were edited differently on two devices. Both versions are kept; review them and choose the right one.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../qml/components/ConflictBanner.qml" line="36" />
            <source>Xem và chọn</source>
            <translation>Review and choose</translation>
        </message>
    </context>
    <context>
        <name>ConflictDelegate</name>
        <message>
            <location filename="../../qml/delegates/ConflictDelegate.qml" line="56" />
            <source>Bản của %1 · %2</source>
            <translation>Version by %1 · %2</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/ConflictDelegate.qml" line="76" />
            <source>Giữ bản này</source>
            <translation>Keep this version</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/ConflictDelegate.qml" line="89" />
            <source>Hoặc sửa thành một bản gộp:</source>
            <translation>Or edit a merged version:</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/ConflictDelegate.qml" line="106" />
            <source>Lưu bản gộp</source>
            <translation>Save merged version</translation>
        </message>
    </context>
    <context>
        <name>ConflictPage</name>
        <message>
            <location filename="../../qml/pages/ConflictPage.qml" line="17" />
            <source>Chọn bản đúng</source>
            <translation>Choose the right version</translation>
        </message>
        <message>
            <location filename="../../qml/pages/ConflictPage.qml" line="33" />
            <source>Hồ sơ này được sửa trên hai máy cùng lúc. Không bản nào bị mất: hãy giữ bản đúng, hoặc gộp lại thành một bản. Lựa chọn của bạn sẽ được đồng bộ tới mọi máy.</source>
            <translation>This record was edited on two devices at the same time. Nothing was lost: keep the right version or merge them into one. Your choice will be synced to every device.</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <location filename="../../qml/components/DateField.qml" line="24" />
            <source>dd/MM/yyyy HH:mm</source>
            <translation>dd/MM/yyyy HH:mm</translation>
        </message>
        <message>
            <location filename="../../qml/components/DateField.qml" line="24" />
            <source>dd/MM/yyyy</source>
            <translation>dd/MM/yyyy</translation>
        </message>
        <message>
            <location filename="../../qml/components/DateField.qml" line="38" />
            <source>Lịch</source>
            <translation>Calendar</translation>
        </message>
        <message>
            <location filename="../../qml/components/DateField.qml" line="40" />
            <source>Chọn ngày trên lịch</source>
            <translation>Pick a day on the calendar</translation>
        </message>
        <message>
            <location filename="../../qml/components/DateField.qml" line="86" />
            <source>Tháng trước</source>
            <translation>Previous month</translation>
        </message>
        <message>
            <location filename="../../qml/components/DateField.qml" line="101" />
            <source>Tháng sau</source>
            <translation>Next month</translation>
        </message>
        <message>
            <location filename="../../qml/components/DateField.qml" line="130" />
            <source>Đóng</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>DirectiveDelegate</name>
        <message>
            <location filename="../../qml/delegates/DirectiveDelegate.qml" line="43" />
            <source>Quá hạn</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/DirectiveDelegate.qml" line="48" />
            <source>Chưa được chấp nhận</source>
            <translation>Not accepted</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/DirectiveDelegate.qml" line="53" />
            <source>Cần chọn bản</source>
            <translation>Needs a choice</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/DirectiveDelegate.qml" line="61" />
            <source>Hạn: %1</source>
            <translation>Due: %1</translation>
        </message>
    </context>
    <context>
        <name>DirectivePage</name>
        <message>
            <location filename="../../qml/pages/DirectivePage.qml" line="20" />
            <source>Chỉ đạo</source>
            <translation>Directives</translation>
        </message>
        <message>
            <location filename="../../qml/pages/DirectivePage.qml" line="53" />
            <source>Quá hạn</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="../../qml/pages/DirectivePage.qml" line="103" />
            <source>Nội dung chỉ đạo</source>
            <translation>Instruction</translation>
        </message>
        <message>
            <location filename="../../qml/pages/DirectivePage.qml" line="140" />
            <source>Từ buổi họp: %1</source>
            <translation>From meeting: %1</translation>
        </message>
        <message>
            <location filename="../../qml/pages/DirectivePage.qml" line="157" />
            <source>Theo kiến nghị: %1</source>
            <translation>For petition: %1</translation>
        </message>
        <message>
            <location filename="../../qml/pages/DirectivePage.qml" line="171" />
            <source>Lịch sử thay đổi</source>
            <translation>Change history</translation>
        </message>
        <message>
            <location filename="../../qml/pages/DirectivePage.qml" line="188" />
            <source>Thực hiện</source>
            <translation>Execution</translation>
        </message>
        <message>
            <location filename="../../qml/pages/DirectivePage.qml" line="216" />
            <source>Hoàn thành lúc %1</source>
            <translation>Completed at %1</translation>
        </message>
        <message>
            <location filename="../../qml/pages/DirectivePage.qml" line="241" />
            <source>Tiến độ thực hiện</source>
            <translation>Progress</translation>
        </message>
        <message>
            <location filename="../../qml/pages/DirectivePage.qml" line="247" />
            <source>Cập nhật tiến độ…</source>
            <translation>Progress update…</translation>
        </message>
        <message>
            <location filename="../../qml/pages/DirectivePage.qml" line="252" />
            <source>Thêm</source>
            <translation>Add</translation>
        </message>
    </context>
    <context>
        <name>ErrorBanner</name>
        <message>
            <location filename="../../qml/components/ErrorBanner.qml" line="34" />
            <source>Đóng thông báo</source>
            <translation>Close message</translation>
        </message>
    </context>
    <context>
        <name>HistoryDelegate</name>
        <message>
            <location filename="../../qml/delegates/HistoryDelegate.qml" line="32" />
            <source>%1 — %2 tạo hồ sơ</source>
            <translation>%1 — %2 created the record</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/HistoryDelegate.qml" line="33" />
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
    </context>
    <context>
        <name>HomePage</name>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="20" />
            <source>Trang chủ</source>
            <translation>Home</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="42" />
            <source>Xin chào, %1</source>
            <translation>Hello, %1</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="51" />
            <source>Địa bàn: %1</source>
            <translation>Area: %1</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="66" />
            <source>Buổi họp tuần này</source>
            <translation>This week's meeting</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="70" />
            <source>Chưa có buổi họp nào trong tuần.</source>
            <translation>No meeting this week yet.</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="88" />
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="103" />
            <source>Mở biên bản</source>
            <translation>Open minutes</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="110" />
            <source>Buổi họp mới</source>
            <translation>New meeting</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="116" />
            <source>Thông báo kết quả</source>
            <translation>Results notice</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="130" />
            <source>kiến nghị đang xử lý</source>
            <translation>open petitions</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="136" />
            <source>chỉ đạo chưa xong</source>
            <translation>open directives</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="143" />
            <source>việc quá hạn</source>
            <translation>overdue items</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="149" />
            <source>buổi họp từ đầu năm</source>
            <translation>meetings this year</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="158" />
            <source>Đồng bộ</source>
            <translation>Sync</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="164" />
            <source>%1. %2.</source>
            <translation>%1. %2.</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="169" />
            <source>Đồng bộ ngay</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="191" />
            <source>Buổi họp gần đây</source>
            <translation>Recent meetings</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="215" />
            <source>Kiến nghị đang xử lý</source>
            <translation>Open petitions</translation>
        </message>
        <message>
            <location filename="../../qml/pages/HomePage.qml" line="236" />
            <source>Chỉ đạo chưa hoàn thành</source>
            <translation>Open directives</translation>
        </message>
    </context>
    <context>
        <name>LockPage</name>
        <message>
            <location filename="../../qml/pages/LockPage.qml" line="29" />
            <source>Khóa dữ liệu</source>
            <translation>Data lock</translation>
        </message>
        <message>
            <location filename="../../qml/pages/LockPage.qml" line="44" />
            <location filename="../../qml/pages/LockPage.qml" line="117" />
            <source>Đặt mã PIN</source>
            <translation>Set a PIN</translation>
        </message>
        <message>
            <location filename="../../qml/pages/LockPage.qml" line="44" />
            <source>Cần đồng bộ</source>
            <translation>Sync needed</translation>
        </message>
        <message>
            <location filename="../../qml/pages/LockPage.qml" line="44" />
            <source>Nhập mã PIN</source>
            <translation>Enter your PIN</translation>
        </message>
        <message>
            <location filename="../../qml/pages/LockPage.qml" line="53" />
            <source>Dữ liệu trên máy được mã hóa bằng mã PIN của bạn. Chọn 6 đến 12 chữ số và nhập hai lần.</source>
            <translation>The data on this device is encrypted with your PIN. Choose 6 to 12 digits and enter them twice.</translation>
        </message>
        <message>
            <location filename="../../qml/pages/LockPage.qml" line="55" />
            <source>Dữ liệu trên máy vẫn khóa cho tới khi đồng bộ được với máy chủ.</source>
            <translation>The data on this device stays locked until it syncs with the server.</translation>
        </message>
        <message>
            <location filename="../../qml/pages/LockPage.qml" line="56" />
            <source>%1 — dữ liệu trên máy đang khóa.</source>
            <translation>%1 — the data on this device is locked.</translation>
        </message>
        <message>
            <location filename="../../qml/pages/LockPage.qml" line="66" />
            <source>Mã PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <location filename="../../qml/pages/LockPage.qml" line="78" />
            <source>Nhập lại mã PIN</source>
            <translation>Enter the PIN again</translation>
        </message>
        <message>
            <location filename="../../qml/pages/LockPage.qml" line="117" />
            <source>Đồng bộ ngay</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <location filename="../../qml/pages/LockPage.qml" line="117" />
            <source>Mở khóa</source>
            <translation>Unlock</translation>
        </message>
    </context>
    <context>
        <name>Main</name>
        <message>
            <location filename="../../qml/Main.qml" line="52" />
            <source>Nghe Dân — ghi nhận ý kiến người dân</source>
            <translation>Nghe Dân — recording residents' voices</translation>
        </message>
        <message>
            <location filename="../../qml/Main.qml" line="75" />
            <source>Quay lại</source>
            <translation>Back</translation>
        </message>
        <message>
            <location filename="../../qml/Main.qml" line="75" />
            <source>Mở danh mục</source>
            <translation>Open menu</translation>
        </message>
        <message>
            <location filename="../../qml/Main.qml" line="91" />
            <source>NGOẠI TUYẾN</source>
            <translation>OFFLINE</translation>
        </message>
        <message>
            <location filename="../../qml/Main.qml" line="112" />
            <source>Nghe Dân</source>
            <translation>Nghe Dân</translation>
        </message>
        <message>
            <location filename="../../qml/Main.qml" line="126" />
            <source>Trang chủ</source>
            <translation>Home</translation>
        </message>
        <message>
            <location filename="../../qml/Main.qml" line="127" />
            <source>Buổi họp</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <location filename="../../qml/Main.qml" line="128" />
            <source>Kiến nghị</source>
            <translation>Petitions</translation>
        </message>
        <message>
            <location filename="../../qml/Main.qml" line="129" />
            <source>Chỉ đạo</source>
            <translation>Directives</translation>
        </message>
        <message>
            <location filename="../../qml/Main.qml" line="132" />
            <source>Chưa được chấp nhận</source>
            <translation>Not accepted</translation>
        </message>
        <message>
            <location filename="../../qml/Main.qml" line="137" />
            <source>Cài đặt</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location filename="../../qml/Main.qml" line="143" />
            <source>+ Buổi họp mới</source>
            <translation>+ New meeting</translation>
        </message>
    </context>
    <context>
        <name>MeetingDelegate</name>
        <message>
            <location filename="../../qml/delegates/MeetingDelegate.qml" line="67" />
            <source>Chưa được chấp nhận</source>
            <translation>Not accepted</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/MeetingDelegate.qml" line="72" />
            <source>Cần chọn bản</source>
            <translation>Needs a choice</translation>
        </message>
    </context>
    <context>
        <name>MeetingPage</name>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="28" />
            <source>Biên bản buổi họp</source>
            <translation>Meeting minutes</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="57" />
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="75" />
            <location filename="../../qml/pages/MeetingPage.qml" line="405" />
            <source>+ Kiến nghị</source>
            <translation>+ Petition</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="82" />
            <location filename="../../qml/pages/MeetingPage.qml" line="596" />
            <source>Chốt biên bản</source>
            <translation>Finalise minutes</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="88" />
            <source>Sửa bổ sung</source>
            <translation>Amend</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="133" />
            <source>Biên bản đã chốt. Chọn «Sửa bổ sung» nếu cần sửa; mọi phiên bản cũ vẫn được lưu trong lịch sử.</source>
            <translation>The minutes are finalised. Choose “Amend” to change them; every earlier version stays in the history.</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="144" />
            <source>1. Báo cáo lại kết quả kiến nghị kỳ trước (%1)</source>
            <translation>1. Report back on petitions from earlier visits (%1)</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="147" />
            <source>Thông báo kết quả</source>
            <translation>Results notice</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="155" />
            <source>Đọc cho người dân kết quả từng kiến nghị, rồi ghi ý kiến của họ. «Chưa hài lòng» mở lại kiến nghị đã giải quyết.</source>
            <translation>Read out the result of each petition to the residents, then record their verdict. “Not satisfied” reopens a resolved petition.</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="156" />
            <source>Kết quả đã báo cáo lại và ý kiến của người dân; cán bộ của địa bàn ghi ý kiến.</source>
            <translation>Results reported back and the residents' verdicts; the area's officials record the verdicts.</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="157" />
            <source>Không có kiến nghị nào từ các lần trước cần báo cáo lại.</source>
            <translation>No petition from earlier visits to report back.</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="207" />
            <source>Thông tin buổi họp</source>
            <translation>Meeting details</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="261" />
            <source>Thành phần đoàn công tác</source>
            <translation>Members of the delegation</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="275" />
            <source>Người tham dự (%1)</source>
            <translation>Attendees (%1)</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="284" />
            <source>Họ tên</source>
            <translation>Full name</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="298" />
            <source>Thêm</source>
            <translation>Add</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="358" />
            <source>Đang soạn…</source>
            <translation>Typing…</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="358" />
            <source>Tự động lưu</source>
            <translation>Saved automatically</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="368" />
            <source>Diễn biến, ý kiến người dân… (tự lưu khi gõ)</source>
            <translation>What happened, residents' opinions… (saved as you type)</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="402" />
            <source>Kiến nghị tại buổi họp (%1)</source>
            <translation>Petitions at this meeting (%1)</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="430" />
            <source>Chỉ đạo tại buổi họp (%1)</source>
            <translation>Directives at this meeting (%1)</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="434" />
            <source>+ Chỉ đạo</source>
            <translation>+ Directive</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="460" />
            <source>Chưa được máy chủ chấp nhận (%1)</source>
            <translation>Not accepted by the server (%1)</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="488" />
            <source>Đã lưu kiến nghị «%1»</source>
            <translation>Petition “%1” saved</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="489" />
            <source>Đã ghi nhận nêu lại: «%1»</source>
            <translation>Recorded as raised again: “%1”</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="539" />
            <source>Mở</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="548" />
            <source>Đóng</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="556" />
            <source>Mã tiếp nhận — đọc hoặc ghi cho người dân để tra cứu kết quả:</source>
            <translation>Receipt code — read it out or write it down for the resident to look up the result:</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="586" />
            <source>Chốt biên bản?</source>
            <translation>Finalise the minutes?</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="590" />
            <source>Huỷ</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../qml/pages/MeetingPage.qml" line="604" />
            <source>Sau khi chốt, biên bản không sửa được nữa trừ khi chọn «Sửa bổ sung». Mọi phiên bản đều được lưu lại.</source>
            <translation>Once finalised, the minutes can only be changed with “Amend”. Every version is kept.</translation>
        </message>
    </context>
    <context>
        <name>NewDirectiveDialog</name>
        <message>
            <location filename="../../qml/dialogs/NewDirectiveDialog.qml" line="24" />
            <source>Ghi chỉ đạo</source>
            <translation>Record a directive</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/NewDirectiveDialog.qml" line="55" />
            <source>Ví dụ: Công an quận phối hợp làm căn cước cho các hộ trong tuần</source>
            <translation>E.g. the district police issue ID cards to these households this week</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/NewDirectiveDialog.qml" line="109" />
            <source>Huỷ</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/NewDirectiveDialog.qml" line="115" />
            <source>Lưu chỉ đạo</source>
            <translation>Save directive</translation>
        </message>
    </context>
    <context>
        <name>NewMeetingDialog</name>
        <message>
            <location filename="../../qml/dialogs/NewMeetingDialog.qml" line="18" />
            <source>Buổi họp mới</source>
            <translation>New meeting</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/NewMeetingDialog.qml" line="43" />
            <source>Thời gian họp</source>
            <translation>Meeting time</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/NewMeetingDialog.qml" line="52" />
            <source>Tên buổi họp</source>
            <translation>Meeting title</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/NewMeetingDialog.qml" line="57" />
            <source>Họp dân</source>
            <translation>Residents’ meeting</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/NewMeetingDialog.qml" line="64" />
            <source>Các kiến nghị, chỉ đạo còn tồn đọng của khu phố sẽ được đưa vào chương trình họp.</source>
            <translation>The neighbourhood's open petitions and directives will be put on the agenda.</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/NewMeetingDialog.qml" line="83" />
            <source>Huỷ</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/NewMeetingDialog.qml" line="89" />
            <source>Tạo buổi họp</source>
            <translation>Create meeting</translation>
        </message>
    </context>
    <context>
        <name>PetitionController</name>
        <message>
            <location filename="../petition_controller.cpp" line="19" />
            <source>Hãy nhập nội dung cập nhật.</source>
            <translation>Please enter the update.</translation>
        </message>
        <message>
            <location filename="../petition_controller.cpp" line="29" />
            <source>Chưa lưu được: %1</source>
            <translation>Not saved: %1</translation>
        </message>
    </context>
    <context>
        <name>PetitionDelegate</name>
        <message>
            <location filename="../../qml/delegates/PetitionDelegate.qml" line="44" />
            <source>Quá hạn</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/PetitionDelegate.qml" line="49" />
            <source>Chưa được chấp nhận</source>
            <translation>Not accepted</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/PetitionDelegate.qml" line="54" />
            <source>Cần chọn bản</source>
            <translation>Needs a choice</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/PetitionDelegate.qml" line="70" />
            <source>Chủ trì: %1</source>
            <translation>Lead: %1</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/PetitionDelegate.qml" line="71" />
            <source>Hạn: %1</source>
            <translation>Due: %1</translation>
        </message>
    </context>
    <context>
        <name>PetitionPage</name>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="35" />
            <source>Kiến nghị</source>
            <translation>Petitions</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="72" />
            <source>Mã tiếp nhận: %1</source>
            <translation>Receipt code: %1</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="79" />
            <source>Quá hạn</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="141" />
            <source>Nội dung kiến nghị</source>
            <translation>Petition</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="143" />
            <source>Mã tiếp nhận (người dân dùng để tra cứu kết quả)</source>
            <translation>Receipt code (residents use it to look up the result)</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="181" />
            <source>Chưa chọn</source>
            <translation>Not set</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="214" />
            <source>Từ buổi họp: %1</source>
            <translation>From meeting: %1</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="228" />
            <source>Người kiến nghị</source>
            <translation>Petitioner</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="267" />
            <source>Lịch sử thay đổi</source>
            <translation>Change history</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="293" />
            <source>Xử lý</source>
            <translation>Handling</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="296" />
            <source>Trạng thái hiện tại: %1</source>
            <translation>Current status: %1</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="304" />
            <source>Lý do: %1</source>
            <translation>Reason: %1</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="311" />
            <source>Cấp xử lý: %1</source>
            <translation>Handled at: %1</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="316" />
            <source>Chuyển sang:</source>
            <translation>Move to:</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="366" />
            <source>Thêm cơ quan phối hợp</source>
            <translation>Add a supporting agency</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="387" />
            <source>Ghi chỉ đạo</source>
            <translation>Record a directive</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="408" />
            <source>Công khai cho người dân</source>
            <translation>Public for residents</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="413" />
            <source>Công khai kết quả cho người dân</source>
            <translation>Publish the result for residents</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="424" />
            <source>Khi công khai, người dân tra cứu được kiến nghị bằng mã tiếp nhận và kiến nghị có trong thông báo kết quả của khu phố, gồm: nội dung tóm tắt, lĩnh vực, khu phố, tình trạng, cơ quan chủ trì, hạn giải quyết, kết quả và ghi chú công khai. Tên và số điện thoại của người kiến nghị không bao giờ được công khai.</source>
            <translation>When public, residents can look the petition up by its receipt code and it appears in the neighbourhood's results notice, with: summary, category, neighbourhood, status, lead agency, due date, result and public note. The petitioner's name and phone number are never made public.</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="452" />
            <source>Tiến độ xử lý</source>
            <translation>Progress</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="459" />
            <source>Cập nhật tiến độ…</source>
            <translation>Progress update…</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="464" />
            <source>Thêm</source>
            <translation>Add</translation>
        </message>
        <message>
            <location filename="../../qml/pages/PetitionPage.qml" line="493" />
            <source>Chỉ đạo liên quan</source>
            <translation>Related directives</translation>
        </message>
    </context>
    <context>
        <name>PlaceField</name>
        <message>
            <location filename="../../qml/components/PlaceField.qml" line="42" />
            <source>Vị trí (vĩ độ, kinh độ)</source>
            <translation>Location (latitude, longitude)</translation>
        </message>
        <message>
            <location filename="../../qml/components/PlaceField.qml" line="53" />
            <source>Vĩ độ, ví dụ 10.8231</source>
            <translation>Latitude, e.g. 10.8231</translation>
        </message>
        <message>
            <location filename="../../qml/components/PlaceField.qml" line="62" />
            <source>Kinh độ, ví dụ 106.6297</source>
            <translation>Longitude, e.g. 106.6297</translation>
        </message>
        <message>
            <location filename="../../qml/components/PlaceField.qml" line="72" />
            <source>Lưu vị trí</source>
            <translation>Save location</translation>
        </message>
        <message>
            <location filename="../../qml/components/PlaceField.qml" line="79" />
            <source>Đang lấy vị trí…</source>
            <translation>Locating…</translation>
        </message>
        <message>
            <location filename="../../qml/components/PlaceField.qml" line="79" />
            <source>Lấy vị trí hiện tại</source>
            <translation>Use current location</translation>
        </message>
        <message>
            <location filename="../../qml/components/PlaceField.qml" line="91" />
            <source>Không lấy được vị trí của máy; hãy nhập vĩ độ, kinh độ.</source>
            <translation>The device's location is not available; type the latitude and longitude.</translation>
        </message>
    </context>
    <context>
        <name>QuickPetitionDialog</name>
        <message>
            <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="55" />
            <source>Ghi kiến nghị</source>
            <translation>Record a petition</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="80" />
            <source>Người kiến nghị (chọn người tham dự hoặc nhập tên)</source>
            <translation>Petitioner (pick an attendee or type a name)</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="93" />
            <source>Nội dung tóm tắt (có thể bổ sung sau)</source>
            <translation>Summary (can be completed later)</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="94" />
            <source>Nhấn Enter để lưu.</source>
            <translation>Press Enter to save.</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="99" />
            <source>Ví dụ: Xe khách dừng đón trả khách trong hẻm</source>
            <translation>E.g. coaches stop for passengers in the alley</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="110" />
            <source>Có thể khu phố đã có kiến nghị này:</source>
            <translation>The neighbourhood may already have this petition:</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="128" />
            <source>%1 (%2, %3)</source>
            <translation>%1 (%2, %3)</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="134" />
            <source>Đây là kiến nghị này</source>
            <translation>It is this petition</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="143" />
            <source>Lĩnh vực *</source>
            <translation>Category *</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="181" />
            <source>* Bắt buộc: chọn lĩnh vực. Các mục khác có thể bổ sung sau.</source>
            <translation>* Required: pick a category. Everything else can be added later.</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="187" />
            <source>Huỷ</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/QuickPetitionDialog.qml" line="193" />
            <source>Lưu kiến nghị</source>
            <translation>Save petition</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <location filename="../../qml/dialogs/ReasonDialog.qml" line="21" />
            <source>Chuyển cấp trên xử lý</source>
            <translation>Escalate to a higher level</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/ReasonDialog.qml" line="22" />
            <source>Chuyển sang «%1»</source>
            <translation>Move to “%1”</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/ReasonDialog.qml" line="27" />
            <source>Huỷ</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/ReasonDialog.qml" line="33" />
            <source>Chuyển cấp</source>
            <translation>Escalate</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/ReasonDialog.qml" line="33" />
            <source>Chuyển trạng thái</source>
            <translation>Change status</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/ReasonDialog.qml" line="46" />
            <source>Cấp sẽ xử lý</source>
            <translation>Level that will handle it</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/ReasonDialog.qml" line="58" />
            <source>Lý do</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/ReasonDialog.qml" line="66" />
            <source>Ghi rõ lý do để người dân và cấp trên theo dõi</source>
            <translation>State the reason so residents and higher levels can follow</translation>
        </message>
    </context>
    <context>
        <name>ReceiptCode</name>
        <message>
            <location filename="../../qml/components/ReceiptCode.qml" line="35" />
            <location filename="../../qml/components/ReceiptCode.qml" line="45" />
            <source>Sao chép</source>
            <translation>Copy</translation>
        </message>
        <message>
            <location filename="../../qml/components/ReceiptCode.qml" line="39" />
            <source>Đã chép</source>
            <translation>Copied</translation>
        </message>
    </context>
    <context>
        <name>RecordsPage</name>
        <message>
            <location filename="../../qml/pages/RecordsPage.qml" line="21" />
            <source>Buổi họp</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <location filename="../../qml/pages/RecordsPage.qml" line="22" />
            <source>Kiến nghị</source>
            <translation>Petitions</translation>
        </message>
        <message>
            <location filename="../../qml/pages/RecordsPage.qml" line="22" />
            <source>Chỉ đạo</source>
            <translation>Directives</translation>
        </message>
        <message>
            <location filename="../../qml/pages/RecordsPage.qml" line="51" />
            <source>Tìm theo nội dung, tên, địa điểm (gõ có dấu hoặc không dấu)</source>
            <translation>Search content, names, places (with or without diacritics)</translation>
        </message>
        <message>
            <location filename="../../qml/pages/RecordsPage.qml" line="57" />
            <source>+ Buổi họp mới</source>
            <translation>+ New meeting</translation>
        </message>
        <message>
            <location filename="../../qml/pages/RecordsPage.qml" line="58" />
            <source>+ Kiến nghị mới</source>
            <translation>+ New petition</translation>
        </message>
        <message>
            <location filename="../../qml/pages/RecordsPage.qml" line="58" />
            <source>+ Chỉ đạo mới</source>
            <translation>+ New directive</translation>
        </message>
        <message>
            <location filename="../../qml/pages/RecordsPage.qml" line="72" />
            <source>Mọi trạng thái</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <location filename="../../qml/pages/RecordsPage.qml" line="81" />
            <source>Mọi lĩnh vực</source>
            <translation>All categories</translation>
        </message>
        <message>
            <location filename="../../qml/pages/RecordsPage.qml" line="91" />
            <source>Mọi phường</source>
            <translation>All wards</translation>
        </message>
        <message>
            <location filename="../../qml/pages/RecordsPage.qml" line="99" />
            <source>Mọi cơ quan</source>
            <translation>All agencies</translation>
        </message>
        <message>
            <location filename="../../qml/pages/RecordsPage.qml" line="105" />
            <source>Chỉ việc quá hạn</source>
            <translation>Overdue only</translation>
        </message>
        <message>
            <location filename="../../qml/pages/RecordsPage.qml" line="110" />
            <source>Bỏ lọc</source>
            <translation>Clear filters</translation>
        </message>
        <message numerus="yes">
            <location filename="../../qml/pages/RecordsPage.qml" line="123" />
            <source>%n kết quả</source>
            <translation>
                <numerusform>%n result</numerusform>
                <numerusform>%n results</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../qml/pages/RecordsPage.qml" line="148" />
            <source>Không tìm thấy kết quả cho «%1».</source>
            <translation>No results for “%1”.</translation>
        </message>
        <message>
            <location filename="../../qml/pages/RecordsPage.qml" line="149" />
            <source>Chưa có hồ sơ nào.</source>
            <translation>No records yet.</translation>
        </message>
    </context>
    <context>
        <name>RefusalBanner</name>
        <message>
            <location filename="../../qml/components/RefusalBanner.qml" line="28" />
            <source>Máy chủ chưa chấp nhận một thay đổi của hồ sơ này. Hồ sơ đang hiển thị như trên máy chủ.</source>
            <translation>The server did not accept a change to this record. The record is shown as the server has it.</translation>
        </message>
        <message>
            <location filename="../../qml/components/RefusalBanner.qml" line="29" />
            <source>Máy chủ chưa chấp nhận hồ sơ mới này, nên nó chưa có hiệu lực. Nội dung vẫn được giữ trên máy.</source>
            <translation>The server did not accept this new record, so it has no effect yet. Its content is kept on this device.</translation>
        </message>
        <message>
            <location filename="../../qml/components/RefusalBanner.qml" line="37" />
            <source>Lý do: %1</source>
            <translation>Reason: %1</translation>
        </message>
        <message>
            <location filename="../../qml/components/RefusalBanner.qml" line="46" />
            <source>Bỏ thay đổi</source>
            <translation>Discard the change</translation>
        </message>
        <message>
            <location filename="../../qml/components/RefusalBanner.qml" line="52" />
            <source>Gửi lại</source>
            <translation>Send again</translation>
        </message>
    </context>
    <context>
        <name>RefusedDelegate</name>
        <message>
            <location filename="../../qml/delegates/RefusedDelegate.qml" line="32" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/RefusedDelegate.qml" line="40" />
            <source>Lý do: %1</source>
            <translation>Reason: %1</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/RefusedDelegate.qml" line="55" />
            <source>Ghi lúc %1</source>
            <translation>Recorded at %1</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/RefusedDelegate.qml" line="61" />
            <source>Bỏ</source>
            <translation>Discard</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/RefusedDelegate.qml" line="67" />
            <source>Gửi lại</source>
            <translation>Send again</translation>
        </message>
    </context>
    <context>
        <name>RefusedPage</name>
        <message>
            <location filename="../../qml/pages/RefusedPage.qml" line="12" />
            <source>Chưa được chấp nhận</source>
            <translation>Not accepted</translation>
        </message>
        <message>
            <location filename="../../qml/pages/RefusedPage.qml" line="23" />
            <source>Các thay đổi dưới đây được lưu trên máy nhưng máy chủ không nhận, nên chưa có hiệu lực. Chúng không bị xoá; hãy xem lý do, sửa lại hoặc báo cán bộ quản trị.</source>
            <translation>The changes below are stored on this device but the server did not accept them, so they have no effect. They are not deleted: read the reason, correct them or tell an administrator.</translation>
        </message>
        <message>
            <location filename="../../qml/pages/RefusedPage.qml" line="46" />
            <source>Không có thay đổi nào bị từ chối.</source>
            <translation>No change was refused.</translation>
        </message>
    </context>
    <context>
        <name>ReportBackDelegate</name>
        <message>
            <location filename="../../qml/delegates/ReportBackDelegate.qml" line="43" />
            <source>%1. %2</source>
            <translation>%1. %2</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/ReportBackDelegate.qml" line="67" />
            <source>Chủ trì: %1</source>
            <translation>Lead: %1</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/ReportBackDelegate.qml" line="68" />
            <source>Hạn: %1</source>
            <translation>Due: %1</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/ReportBackDelegate.qml" line="76" />
            <source>Kết quả: %1</source>
            <translation>Result: %1</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/ReportBackDelegate.qml" line="76" />
            <source>Chưa có kết quả giải quyết.</source>
            <translation>No result yet.</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/ReportBackDelegate.qml" line="87" />
            <source>Người dân: %1 — %2</source>
            <translation>Residents: %1 — %2</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/ReportBackDelegate.qml" line="88" />
            <source>Người dân: %1</source>
            <translation>Residents: %1</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/ReportBackDelegate.qml" line="98" />
            <source>Xem</source>
            <translation>View</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/ReportBackDelegate.qml" line="105" />
            <source>Hài lòng</source>
            <translation>Satisfied</translation>
        </message>
        <message>
            <location filename="../../qml/delegates/ReportBackDelegate.qml" line="112" />
            <source>Chưa hài lòng</source>
            <translation>Not satisfied</translation>
        </message>
    </context>
    <context>
        <name>ReportBackDialog</name>
        <message>
            <location filename="../../qml/dialogs/ReportBackDialog.qml" line="19" />
            <source>Người dân chưa hài lòng</source>
            <translation>Residents are not satisfied</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/ReportBackDialog.qml" line="24" />
            <source>Huỷ</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/ReportBackDialog.qml" line="30" />
            <source>Ghi nhận</source>
            <translation>Record</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/ReportBackDialog.qml" line="49" />
            <source>Ý kiến của người dân</source>
            <translation>What the residents said</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/ReportBackDialog.qml" line="50" />
            <source>Kiến nghị đã giải quyết sẽ được mở lại để tiếp tục xử lý.</source>
            <translation>A resolved petition will be reopened for further handling.</translation>
        </message>
        <message>
            <location filename="../../qml/dialogs/ReportBackDialog.qml" line="58" />
            <source>Ví dụ: xe khách vẫn dừng đón khách buổi tối</source>
            <translation>E.g. coaches still stop for passengers in the evening</translation>
        </message>
    </context>
    <context>
        <name>ResultsNoticePage</name>
        <message>
            <location filename="../../qml/pages/ResultsNoticePage.qml" line="19" />
            <source>Thông báo kết quả</source>
            <translation>Results notice</translation>
        </message>
        <message>
            <location filename="../../qml/pages/ResultsNoticePage.qml" line="36" />
            <source>Thông báo kết quả giải quyết kiến nghị</source>
            <translation>Notice of petition results</translation>
        </message>
        <message>
            <location filename="../../qml/pages/ResultsNoticePage.qml" line="47" />
            <location filename="../../qml/pages/ResultsNoticePage.qml" line="56" />
            <source>Sao chép</source>
            <translation>Copy</translation>
        </message>
        <message>
            <location filename="../../qml/pages/ResultsNoticePage.qml" line="50" />
            <source>Đã chép</source>
            <translation>Copied</translation>
        </message>
        <message>
            <location filename="../../qml/pages/ResultsNoticePage.qml" line="78" />
            <source>Khu phố và thời gian</source>
            <translation>Neighbourhood and period</translation>
        </message>
        <message>
            <location filename="../../qml/pages/ResultsNoticePage.qml" line="89" />
            <source>Tiếp nhận từ ngày</source>
            <translation>Received from</translation>
        </message>
        <message>
            <location filename="../../qml/pages/ResultsNoticePage.qml" line="99" />
            <source>đến ngày</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../qml/pages/ResultsNoticePage.qml" line="111" />
            <source>Chỉ gồm các kiến nghị đã bật «Công khai kết quả cho người dân»; không có tên người kiến nghị.</source>
            <translation>Only petitions with “Publish the result for residents” switched on; no petitioner names.</translation>
        </message>
        <message>
            <location filename="../../qml/pages/ResultsNoticePage.qml" line="124" />
            <source>Nội dung (%1 kiến nghị)</source>
            <translation>Text (%1 petitions)</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="12" />
            <source>Cài đặt</source>
            <translation>Settings</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="28" />
            <source>Máy chủ đồng bộ</source>
            <translation>Sync server</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="30" />
            <source>Địa chỉ máy chủ</source>
            <translation>Server address</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="41" />
            <source>Lưu</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="48" />
            <source>Lần đồng bộ gần nhất: %1</source>
            <translation>Last synced: %1</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="48" />
            <source>chưa có</source>
            <translation>never</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="53" />
            <source>Thay đổi chưa gửi: %1 · Bị từ chối: %2</source>
            <translation>Not sent: %1 · Refused: %2</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="59" />
            <source>Chỉ đồng bộ hồ sơ (không tải ảnh)</source>
            <translation>Sync records only (no photos)</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="65" />
            <source>Dùng khi mạng chậm hoặc tính tiền theo dung lượng: ảnh và tài liệu được giữ trên máy và gửi sau; ảnh thu nhỏ của trang đang xem vẫn được tải về.</source>
            <translation>For slow or metered networks: photos and documents stay on the device and are sent later; thumbnails of the page you are viewing are still downloaded.</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="95" />
            <source>Đã báo quản trị viên</source>
            <translation>Administrator told</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="99" />
            <source>Đồng bộ ngay</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="106" />
            <source>Khóa dữ liệu</source>
            <translation>Data lock</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="111" />
            <source>Tự khóa sau (phút không dùng)</source>
            <translation>Lock after (minutes idle)</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="126" />
            <source>Xóa dữ liệu trên máy sau số lần nhập sai mã PIN</source>
            <translation>Wipe the data on this device after this many wrong PINs</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="141" />
            <source>Khóa ngay</source>
            <translation>Lock now</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="147" />
            <source>Ngôn ngữ</source>
            <translation>Language</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="165" />
            <source>Tài khoản</source>
            <translation>Account</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="168" />
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="174" />
            <source>Vai trò: %1</source>
            <translation>Role: %1</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="179" />
            <source>Địa bàn: %1</source>
            <translation>Area: %1</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="193" />
            <source>Thông tin kỹ thuật…</source>
            <translation>Technical details…</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="200" />
            <source>Thư mục dữ liệu: %1</source>
            <translation>Data folder: %1</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="184" />
            <location filename="../../qml/pages/SettingsPage.qml" line="224" />
            <source>Đăng xuất</source>
            <translation>Sign out</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="214" />
            <source>Đăng xuất?</source>
            <translation>Sign out?</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="218" />
            <source>Huỷ</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="233" />
            <source>Còn %1 thay đổi chưa gửi. Chúng vẫn được giữ trên máy và sẽ gửi khi đăng nhập lại, nhưng cần có mạng để đăng nhập.</source>
            <translation>%1 changes are not sent yet. They stay on this device and are sent after you sign in again, which needs a network.</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SettingsPage.qml" line="234" />
            <source>Dữ liệu vẫn được giữ trên máy. Lần đăng nhập sau cần có mạng.</source>
            <translation>The data stays on this device. Signing in again needs a network.</translation>
        </message>
    </context>
    <context>
        <name>SignInPage</name>
        <message>
            <location filename="../../qml/pages/SignInPage.qml" line="13" />
            <location filename="../../qml/pages/SignInPage.qml" line="99" />
            <source>Đăng nhập</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SignInPage.qml" line="28" />
            <source>Nghe Dân</source>
            <translation>Nghe Dân</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SignInPage.qml" line="36" />
            <source>Ghi nhận ý kiến, kiến nghị của người dân — «Mỗi tuần một khu phố»</source>
            <translation>Recording residents' opinions and petitions — “One neighbourhood each week”</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SignInPage.qml" line="42" />
            <source>Tên đăng nhập</source>
            <translation>Username</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SignInPage.qml" line="53" />
            <source>Mật khẩu</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SignInPage.qml" line="68" />
            <source>Ẩn máy chủ</source>
            <translation>Hide server</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SignInPage.qml" line="68" />
            <source>Máy chủ…</source>
            <translation>Server…</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SignInPage.qml" line="75" />
            <source>Địa chỉ máy chủ</source>
            <translation>Server address</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SignInPage.qml" line="76" />
            <source>Chỉ cần khi đăng nhập lần đầu; sau đó ứng dụng dùng được cả khi không có mạng.</source>
            <translation>Needed for the first sign-in only; afterwards the app works without a network.</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SignInPage.qml" line="99" />
            <source>Đang đăng nhập…</source>
            <translation>Signing in…</translation>
        </message>
        <message>
            <location filename="../../qml/pages/SignInPage.qml" line="109" />
            <source>Ngôn ngữ:</source>
            <translation>Language:</translation>
        </message>
    </context>
    <context>
        <name>SyncIndicator</name>
        <message>
            <location filename="../../qml/components/SyncIndicator.qml" line="69" />
            <source>Đồng bộ</source>
            <translation>Sync</translation>
        </message>
        <message>
            <location filename="../../qml/components/SyncIndicator.qml" line="71" />
            <source>Đồng bộ ngay</source>
            <translation>Sync now</translation>
        </message>
    </context>
    <context>
        <name>UnitPicker</name>
        <message>
            <location filename="../../qml/components/UnitPicker.qml" line="55" />
            <source>Địa bàn: %1</source>
            <translation>Area: %1</translation>
        </message>
        <message>
            <location filename="../../qml/components/UnitPicker.qml" line="95" />
            <source>Chọn %1</source>
            <translation>Choose %1</translation>
        </message>
    </context>
    <context>
        <name>UpdateDelegate</name>
        <message>
            <location filename="../../qml/delegates/UpdateDelegate.qml" line="25" />
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client</name>
        <message>
            <location filename="../value_format.cpp" line="148" />
            <source>«%1» không được để trống.</source>
            <translation>“%1” cannot be empty.</translation>
        </message>
        <message>
            <location filename="../value_format.cpp" line="155" />
            <source>«%1» quá dài.</source>
            <translation>“%1” is too long.</translation>
        </message>
        <message>
            <location filename="../value_format.cpp" line="163" />
            <source>«%1» phải là một số.</source>
            <translation>“%1” must be a number.</translation>
        </message>
        <message>
            <location filename="../value_format.cpp" line="165" />
            <source>«%1» phải từ %2 đến %3.</source>
            <translation>“%1” must be between %2 and %3.</translation>
        </message>
        <message>
            <location filename="../value_format.cpp" line="172" />
            <location filename="../value_format.cpp" line="174" />
            <source>«%1»: ngày không hợp lệ, hãy nhập dạng dd/MM/yyyy.</source>
            <translation>“%1”: invalid date, type it as dd/MM/yyyy.</translation>
        </message>
        <message>
            <location filename="../value_format.cpp" line="180" />
            <source>«%1»: thời gian không hợp lệ, hãy nhập dạng dd/MM/yyyy HH:mm.</source>
            <translation>“%1”: invalid time, type it as dd/MM/yyyy HH:mm.</translation>
        </message>
        <message>
            <location filename="../value_format.cpp" line="185" />
            <source>«%1»: thời gian không hợp lệ.</source>
            <translation>“%1”: invalid time.</translation>
        </message>
        <message>
            <location filename="../value_format.cpp" line="191" />
            <source>«%1» phải là một danh sách.</source>
            <translation>“%1” must be a list.</translation>
        </message>
        <message>
            <location filename="../value_format.cpp" line="195" />
            <source>«%1» không hợp lệ.</source>
            <translation>“%1” is invalid.</translation>
        </message>
        <message>
            <location filename="../value_format.cpp" line="209" />
            <source>(trống)</source>
            <translation>(empty)</translation>
        </message>
        <message>
            <location filename="../value_format.cpp" line="213" />
            <source>có</source>
            <translation>yes</translation>
        </message>
        <message>
            <location filename="../value_format.cpp" line="213" />
            <source>không</source>
            <translation>no</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::AttachmentListModel</name>
        <message>
            <location filename="../attachment_list_model.cpp" line="151" />
            <source>Vai trò của bạn không được thêm ảnh hoặc tài liệu cho hồ sơ này.</source>
            <translation>Your role may not add photos or documents to this record.</translation>
        </message>
        <message>
            <location filename="../attachment_list_model.cpp" line="156" />
            <source>Không mở được kho ảnh trên máy.</source>
            <translation>The device's photo store could not be opened.</translation>
        </message>
        <message>
            <location filename="../attachment_list_model.cpp" line="196" />
            <location filename="../attachment_list_model.cpp" line="216" />
            <source>Chưa lưu được: %1</source>
            <translation>Not saved: %1</translation>
        </message>
        <message>
            <location filename="../attachment_list_model.cpp" line="207" />
            <source>Không tìm thấy tệp đính kèm này.</source>
            <translation>This attachment was not found.</translation>
        </message>
        <message>
            <location filename="../attachment_list_model.cpp" line="278" />
            <source>Ảnh</source>
            <translation>Photo</translation>
        </message>
        <message>
            <location filename="../attachment_list_model.cpp" line="287" />
            <source>Tài liệu</source>
            <translation>Document</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::Catalog</name>
        <message>
            <location filename="../catalog.cpp" line="90" />
            <source>Không có ngày %1 trên lịch. Hãy chọn lại ngày.</source>
            <translation>There is no day %1 on the calendar. Choose the day again.</translation>
        </message>
        <message>
            <location filename="../catalog.cpp" line="92" />
            <source>Hãy nhập ngày giờ dạng ngày/tháng/năm giờ:phút, ví dụ 05/03/2026 19:30.</source>
            <translation>Enter the date and time as day/month/year hour:minute, e.g. 05/03/2026 19:30.</translation>
        </message>
        <message>
            <location filename="../catalog.cpp" line="93" />
            <source>Hãy nhập ngày dạng ngày/tháng/năm, ví dụ 05/03/2026.</source>
            <translation>Enter the date as day/month/year, e.g. 05/03/2026.</translation>
        </message>
        <message>
            <location filename="../catalog.cpp" line="110" />
            <source>Tháng %1 năm %2</source>
            <translation>%1/%2</translation>
        </message>
        <message>
            <location filename="../catalog.cpp" line="128" />
            <source>Người dân</source>
            <translation>Resident</translation>
        </message>
        <message>
            <location filename="../catalog.cpp" line="128" />
            <source>Bí thư chi bộ</source>
            <translation>Party cell secretary</translation>
        </message>
        <message>
            <location filename="../catalog.cpp" line="128" />
            <source>Trưởng khu phố</source>
            <translation>Neighbourhood head</translation>
        </message>
        <message>
            <location filename="../catalog.cpp" line="128" />
            <source>Ban công tác Mặt trận</source>
            <translation>Front work committee</translation>
        </message>
        <message>
            <location filename="../catalog.cpp" line="129" />
            <source>Đại biểu</source>
            <translation>Delegate</translation>
        </message>
        <message>
            <location filename="../catalog.cpp" line="129" />
            <source>Thư ký</source>
            <translation>Secretary</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::ConflictListModel</name>
        <message>
            <location filename="../conflict_list_model.cpp" line="69" />
            <source>Chưa lưu được: %1</source>
            <translation>Not saved: %1</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::DeviceLock</name>
        <message numerus="yes">
            <location filename="../device_lock.cpp" line="73" />
            <source>Đã gửi lên máy chủ %n thay đổi được giữ lại khi dữ liệu trên máy bị xóa.</source>
            <translation>
                <numerusform>Sent to the server %n change kept when the data on this device was wiped.</numerusform>
                <numerusform>Sent to the server %n changes kept when the data on this device was wiped.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../device_lock.cpp" line="210" />
            <source>%1 phút %2 giây</source>
            <translation>%1 min %2 s</translation>
        </message>
        <message>
            <location filename="../device_lock.cpp" line="212" />
            <source>%1 phút</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <location filename="../device_lock.cpp" line="214" />
            <source>%1 giây</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <location filename="../device_lock.cpp" line="215" />
            <source>Thử lại sau %1</source>
            <translation>Try again in %1</translation>
        </message>
        <message>
            <location filename="../device_lock.cpp" line="225" />
            <source>Không mở được dữ liệu trên máy (%1).</source>
            <translation>The data on this device could not be opened (%1).</translation>
        </message>
        <message numerus="yes">
            <location filename="../device_lock.cpp" line="232" />
            <source>Máy chưa đồng bộ quá %n ngày nên dữ liệu vẫn khóa. Hãy kết nối mạng và đồng bộ ngay.</source>
            <translation>
                <numerusform>This device has not synced for more than %n day, so its data stays locked. Connect to a network and sync now.</numerusform>
                <numerusform>This device has not synced for more than %n days, so its data stays locked. Connect to a network and sync now.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../device_lock.cpp" line="248" />
            <source>Hai lần nhập mã PIN không giống nhau.</source>
            <translation>The two PINs are not the same.</translation>
        </message>
        <message>
            <location filename="../device_lock.cpp" line="254" />
            <source>Mã PIN phải gồm 6 đến 12 chữ số.</source>
            <translation>The PIN must have 6 to 12 digits.</translation>
        </message>
        <message>
            <location filename="../device_lock.cpp" line="255" />
            <source>Không lưu được mã PIN (%1).</source>
            <translation>The PIN could not be saved (%1).</translation>
        </message>
        <message>
            <location filename="../device_lock.cpp" line="262" />
            <source>Không mã hóa được dữ liệu trên máy (%1).</source>
            <translation>The data on this device could not be encrypted (%1).</translation>
        </message>
        <message>
            <location filename="../device_lock.cpp" line="282" />
            <source>Không đọc được khóa dữ liệu trên máy (%1).</source>
            <translation>The device's data key could not be read (%1).</translation>
        </message>
        <message numerus="yes">
            <location filename="../device_lock.cpp" line="298" />
            <source>Mã PIN không đúng. Còn %n lần thử; sau đó dữ liệu trên máy sẽ bị xóa.</source>
            <translation>
                <numerusform>Wrong PIN. %n try left; after that the data on this device will be wiped.</numerusform>
                <numerusform>Wrong PIN. %n tries left; after that the data on this device will be wiped.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../device_lock.cpp" line="352" />
            <source>Thiết bị này đã bị thu hồi: quản trị viên đã yêu cầu xóa dữ liệu trên máy. Mọi thay đổi đã được gửi lên máy chủ trước khi xóa.</source>
            <translation>This device has been revoked: an administrator ordered its data wiped. Every change was sent to the server before the wipe.</translation>
        </message>
        <message numerus="yes">
            <location filename="../device_lock.cpp" line="358" />
            <source>Đã nhập sai mã PIN %n lần nên dữ liệu trên máy này đã bị xóa. Các thay đổi chưa gửi được giữ kín và sẽ được gửi lên máy chủ khi bạn đăng nhập lại.</source>
            <translation>
                <numerusform>A wrong PIN was entered %n time, so the data on this device was wiped. Unsent changes are kept sealed and will be sent to the server when you sign in again.</numerusform>
                <numerusform>A wrong PIN was entered %n times, so the data on this device was wiped. Unsent changes are kept sealed and will be sent to the server when you sign in again.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::DirectiveController</name>
        <message>
            <location filename="../directive_controller.cpp" line="30" />
            <source>Hãy chọn địa bàn của chỉ đạo.</source>
            <translation>Choose the area of the directive.</translation>
        </message>
        <message>
            <location filename="../directive_controller.cpp" line="34" />
            <source>Hãy chọn cơ quan thực hiện.</source>
            <translation>Choose the agency.</translation>
        </message>
        <message>
            <location filename="../directive_controller.cpp" line="38" />
            <source>Hãy nhập nội dung chỉ đạo.</source>
            <translation>Enter the instruction.</translation>
        </message>
        <message>
            <location filename="../directive_controller.cpp" line="42" />
            <source>Hãy nhập người chỉ đạo.</source>
            <translation>Enter who gave the directive.</translation>
        </message>
        <message>
            <location filename="../directive_controller.cpp" line="55" />
            <source>Hạn xử lý không hợp lệ, hãy nhập dạng dd/MM/yyyy.</source>
            <translation>Invalid due date, type it as dd/MM/yyyy.</translation>
        </message>
        <message>
            <location filename="../directive_controller.cpp" line="68" />
            <source>Trạng thái không hợp lệ.</source>
            <translation>Invalid status.</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::HistoryListModel</name>
        <message>
            <location filename="../history_list_model.cpp" line="79" />
            <source>(đã xóa theo yêu cầu)</source>
            <translation>(erased on request)</translation>
        </message>
        <message>
            <location filename="../history_list_model.cpp" line="80" />
            <source>(đã ẩn)</source>
            <translation>(hidden)</translation>
        </message>
        <message>
            <location filename="../history_list_model.cpp" line="96" />
            <source>(ghi trước khi có chữ ký thiết bị)</source>
            <translation>(written before device signatures)</translation>
        </message>
        <message>
            <location filename="../history_list_model.cpp" line="133" />
            <source>Xóa ảnh: %1</source>
            <translation>Removed photo: %1</translation>
        </message>
        <message>
            <location filename="../history_list_model.cpp" line="133" />
            <source>Xóa tài liệu: %1</source>
            <translation>Removed document: %1</translation>
        </message>
        <message>
            <location filename="../history_list_model.cpp" line="135" />
            <source>Chú thích: %1</source>
            <translation>Caption: %1</translation>
        </message>
        <message>
            <location filename="../history_list_model.cpp" line="137" />
            <source>Thêm ảnh: %1</source>
            <translation>Added photo: %1</translation>
        </message>
        <message>
            <location filename="../history_list_model.cpp" line="137" />
            <source>Thêm tài liệu: %1</source>
            <translation>Added document: %1</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::MeetingController</name>
        <message>
            <location filename="../meeting_controller.cpp" line="19" />
            <source>Biên bản đã chốt. Chọn «Sửa bổ sung» nếu cần sửa; mọi phiên bản cũ vẫn được lưu.</source>
            <translation>The minutes are finalised. Choose “Amend” to change them; every earlier version is kept.</translation>
        </message>
        <message>
            <location filename="../meeting_controller.cpp" line="25" />
            <source>Họp dân</source>
            <translation>Residents’ meeting</translation>
        </message>
        <message>
            <location filename="../meeting_controller.cpp" line="25" />
            <source>Họp dân %1</source>
            <translation>Residents’ meeting, %1</translation>
        </message>
        <message>
            <location filename="../meeting_controller.cpp" line="46" />
            <source>- Kiến nghị chưa xong: %1</source>
            <translation>- Open petition: %1</translation>
        </message>
        <message>
            <location filename="../meeting_controller.cpp" line="47" />
            <source>- Chỉ đạo chưa xong: %1</source>
            <translation>- Open directive: %1</translation>
        </message>
        <message>
            <location filename="../meeting_controller.cpp" line="51" />
            <source>Các việc còn tồn đọng từ những lần trước:</source>
            <translation>Open items from earlier visits:</translation>
        </message>
        <message>
            <location filename="../meeting_controller.cpp" line="56" />
            <source>Hãy chọn khu phố nơi họp.</source>
            <translation>Choose the neighbourhood of the meeting.</translation>
        </message>
        <message>
            <location filename="../meeting_controller.cpp" line="61" />
            <source>Thời gian họp không hợp lệ, hãy nhập dạng dd/MM/yyyy HH:mm.</source>
            <translation>Invalid meeting time, type it as dd/MM/yyyy HH:mm.</translation>
        </message>
        <message>
            <location filename="../meeting_controller.cpp" line="82" />
            <source>Hãy nhập tên người tham dự.</source>
            <translation>Enter the attendee's name.</translation>
        </message>
        <message>
            <location filename="../meeting_controller.cpp" line="110" />
            <source>Chưa có biên bản hoặc kết luận: chưa thể chốt.</source>
            <translation>There are no minutes or conclusions yet: cannot finalise.</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::PetitionController</name>
        <message>
            <location filename="../petition_controller.cpp" line="41" />
            <source>Hãy chọn địa bàn của kiến nghị.</source>
            <translation>Choose the area of the petition.</translation>
        </message>
        <message>
            <location filename="../petition_controller.cpp" line="45" />
            <source>Hãy chọn lĩnh vực.</source>
            <translation>Choose a category.</translation>
        </message>
        <message>
            <location filename="../petition_controller.cpp" line="70" />
            <location filename="../petition_controller.cpp" line="81" />
            <source>Không tìm thấy buổi họp.</source>
            <translation>Meeting not found.</translation>
        </message>
        <message>
            <location filename="../petition_controller.cpp" line="88" />
            <source>Không tìm thấy kiến nghị này ở khu phố của buổi họp.</source>
            <translation>This petition is not in the meeting's neighbourhood.</translation>
        </message>
        <message>
            <location filename="../petition_controller.cpp" line="93" />
            <source>Được nêu lại tại buổi họp «%1» (%2)</source>
            <translation>Raised again at the meeting “%1” (%2)</translation>
        </message>
        <message>
            <location filename="../petition_controller.cpp" line="98" />
            <source>, người nêu: %1</source>
            <translation>, raised by: %1</translation>
        </message>
        <message>
            <location filename="../petition_controller.cpp" line="100" />
            <source>. Ý kiến: %1</source>
            <translation>. Said: %1</translation>
        </message>
        <message>
            <location filename="../petition_controller.cpp" line="167" />
            <source>Không thể chuyển kiến nghị từ «%1» sang «%2».</source>
            <translation>A petition cannot move from “%1” to “%2”.</translation>
        </message>
        <message>
            <location filename="../petition_controller.cpp" line="161" />
            <source>Hãy ghi rõ lý do.</source>
            <translation>Please state the reason.</translation>
        </message>
        <message>
            <location filename="../petition_controller.cpp" line="179" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location filename="../petition_controller.cpp" line="165" />
            <source>Kiến nghị ở trạng thái «%1» không thể chuyển cấp trên.</source>
            <translation>A petition in “%1” cannot be escalated.</translation>
        </message>
        <message>
            <location filename="../petition_controller.cpp" line="163" />
            <source>Hãy chọn cấp sẽ xử lý.</source>
            <translation>Choose the level that will handle it.</translation>
        </message>
        <message>
            <location filename="../petition_controller.cpp" line="161" />
            <source>Hãy ghi rõ lý do chuyển cấp.</source>
            <translation>Please state why it is escalated.</translation>
        </message>
        <message>
            <location filename="../petition_controller.cpp" line="176" />
            <source>Chuyển lên cấp %1: %2</source>
            <translation>Escalated to the %1 level: %2</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::RecordController</name>
        <message>
            <location filename="../record_controller.cpp" line="61" />
            <source>Không đọc được hồ sơ: %1</source>
            <translation>Cannot read the record: %1</translation>
        </message>
        <message>
            <location filename="../record_controller.cpp" line="134" />
            <source>Sửa lần cuối %1 bởi %2</source>
            <translation>Last edited %1 by %2</translation>
        </message>
        <message>
            <location filename="../record_controller.cpp" line="182" />
            <source>Giám sát thay đổi phần xử lý kiến nghị (trạng thái, cơ quan, hạn, kết quả); nội dung và người kiến nghị do cán bộ tiếp nhận ghi.</source>
            <translation>Supervisors change how a petition is handled (status, agencies, due date, result); its content and petitioner are recorded by the official who received it.</translation>
        </message>
        <message>
            <location filename="../record_controller.cpp" line="185" />
            <source>Giám sát xem %1 này; cán bộ của địa bàn ghi và sửa.</source>
            <translation>Supervisors read this %1; the area's officials record and edit it.</translation>
        </message>
        <message>
            <location filename="../record_controller.cpp" line="187" />
            <source>Vai trò của bạn không được sửa các mục này.</source>
            <translation>Your role may not change these fields.</translation>
        </message>
        <message>
            <location filename="../record_controller.cpp" line="207" />
            <source>Chưa gửi lại được: %1</source>
            <translation>Could not send again: %1</translation>
        </message>
        <message>
            <location filename="../record_controller.cpp" line="211" />
            <source>Chưa bỏ được: %1</source>
            <translation>Could not discard: %1</translation>
        </message>
        <message>
            <location filename="../record_controller.cpp" line="218" />
            <source>Trường «%1» không có trong hồ sơ.</source>
            <translation>The record has no field “%1”.</translation>
        </message>
        <message>
            <location filename="../record_controller.cpp" line="242" />
            <source>Chưa lưu được: %1</source>
            <translation>Not saved: %1</translation>
        </message>
        <message>
            <location filename="../record_controller.cpp" line="246" />
            <source>Đã lưu lúc %1</source>
            <translation>Saved at %1</translation>
        </message>
        <message>
            <location filename="../record_controller.cpp" line="263" />
            <source>Chưa có hồ sơ để lưu.</source>
            <translation>No record to save yet.</translation>
        </message>
        <message>
            <location filename="../record_controller.cpp" line="286" />
            <source>Đang soạn…</source>
            <translation>Typing…</translation>
        </message>
        <message>
            <location filename="../record_controller.cpp" line="334" />
            <source> (sai số khoảng %1 m)</source>
            <translation> (accurate to about %1 m)</translation>
        </message>
        <message>
            <location filename="../record_controller.cpp" line="337" />
            <source> · ghi lúc %1</source>
            <translation> · recorded at %1</translation>
        </message>
        <message>
            <location filename="../record_controller.cpp" line="344" />
            <source>Vị trí chưa đúng: vĩ độ từ -90 đến 90, kinh độ từ -180 đến 180, dạng 10.823456.</source>
            <translation>The location is not valid: latitude from -90 to 90, longitude from -180 to 180, written like 10.823456.</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::RecordListModel</name>
        <message>
            <location filename="../record_list_model.cpp" line="90" />
            <source>Không đọc được danh sách: %1</source>
            <translation>Cannot read the list: %1</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::RefusedListModel</name>
        <message>
            <location filename="../refused_list_model.cpp" line="47" />
            <source>«%1» nằm ngoài địa bàn mà tài khoản được ghi; %2 này cần thuộc địa bàn của bạn.</source>
            <translation>“%1” is outside the area this account may write; this %2 must belong to your area.</translation>
        </message>
        <message>
            <location filename="../refused_list_model.cpp" line="50" />
            <source>Vai trò của tài khoản không được ghi %1 của %2 này.</source>
            <translation>This account's role may not write %1 of this %2.</translation>
        </message>
        <message>
            <location filename="../refused_list_model.cpp" line="53" />
            <source>Máy chủ không nhận người ghi thay đổi này là người đang đăng nhập trên máy.</source>
            <translation>The server does not accept the author of this change as the user signed in on this device.</translation>
        </message>
        <message>
            <location filename="../refused_list_model.cpp" line="56" />
            <source>Dữ liệu chưa đúng quy định (%1).</source>
            <translation>The data does not meet the rules (%1).</translation>
        </message>
        <message>
            <location filename="../refused_list_model.cpp" line="58" />
            <source>Không được đổi địa bàn của hồ sơ đã tạo.</source>
            <translation>A record's area cannot change after it is created.</translation>
        </message>
        <message>
            <location filename="../refused_list_model.cpp" line="60" />
            <source>Máy chủ đã giữ một thay đổi khác mang cùng mã của máy này (có thể tệp dữ liệu của máy đã bị sao chép). Hãy ghi lại nếu nội dung này vẫn đúng, và báo quản trị viên.</source>
            <translation>The server holds a different change under this device's id (the device's data file may have been copied). Write it again if it is still right, and tell the administrator.</translation>
        </message>
        <message>
            <location filename="../refused_list_model.cpp" line="64" />
            <source>Máy chủ không xác nhận được thay đổi này do chính máy này ghi (chữ ký thiết bị). Hãy báo quản trị viên.</source>
            <translation>The server could not confirm that this device wrote this change (device signature). Please tell the administrator.</translation>
        </message>
        <message>
            <location filename="../refused_list_model.cpp" line="67" />
            <source>Máy chủ không chấp nhận thay đổi này.</source>
            <translation>The server did not accept this change.</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::ReplicaService</name>
        <message>
            <location filename="../replica_service.cpp" line="106" />
            <source>Dữ liệu trên máy đang khóa.</source>
            <translation>The data on this device is locked.</translation>
        </message>
        <message>
            <location filename="../replica_service.cpp" line="125" />
            <source>Vai trò của bạn không được %1 %2 này.</source>
            <translation>Your role may not %1 this %2.</translation>
        </message>
        <message>
            <location filename="../replica_service.cpp" line="126" />
            <source>tạo</source>
            <translation>create</translation>
        </message>
        <message>
            <location filename="../replica_service.cpp" line="126" />
            <source>sửa</source>
            <translation>change</translation>
        </message>
        <message>
            <location filename="../replica_service.cpp" line="130" />
            <source>«%1» nằm ngoài địa bàn của bạn (%2).</source>
            <translation>“%1” is outside your area (%2).</translation>
        </message>
        <message>
            <location filename="../replica_service.cpp" line="177" />
            <source>Không tìm thấy %1 được liên kết trên máy này.</source>
            <translation>The linked %1 is not on this device.</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::ReportBackModel</name>
        <message>
            <location filename="../report_back_model.cpp" line="133" />
            <source>Nêu tại buổi họp ngày %1</source>
            <translation>Raised at the meeting of %1</translation>
        </message>
        <message>
            <location filename="../report_back_model.cpp" line="169" />
            <source>Chỉ cán bộ ghi ý kiến của người dân khi báo cáo lại.</source>
            <translation>Only officials record the residents' verdict when reporting back.</translation>
        </message>
        <message>
            <location filename="../report_back_model.cpp" line="174" />
            <source>Kiến nghị này không có trong phần báo cáo lại của buổi họp.</source>
            <translation>This petition is not in the meeting's report back.</translation>
        </message>
        <message>
            <location filename="../report_back_model.cpp" line="178" />
            <source>Đã ghi ý kiến của người dân về kiến nghị này tại buổi họp.</source>
            <translation>The residents' verdict on this petition is already recorded at this meeting.</translation>
        </message>
        <message>
            <location filename="../report_back_model.cpp" line="190" />
            <source>Chưa lưu được: %1</source>
            <translation>Not saved: %1</translation>
        </message>
        <message>
            <location filename="../report_back_model.cpp" line="198" />
            <source>Đã ghi ý kiến nhưng chưa mở lại được kiến nghị: %1</source>
            <translation>The verdict is recorded but the petition could not be reopened: %1</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::ResultsNotice</name>
        <message>
            <location filename="../results_notice.cpp" line="83" />
            <source>Hãy chọn khu phố.</source>
            <translation>Choose a neighbourhood.</translation>
        </message>
        <message>
            <location filename="../results_notice.cpp" line="85" />
            <source>Hãy nhập ngày dạng dd/MM/yyyy.</source>
            <translation>Enter the dates as dd/MM/yyyy.</translation>
        </message>
        <message>
            <location filename="../results_notice.cpp" line="87" />
            <source>Ngày kết thúc đứng trước ngày bắt đầu.</source>
            <translation>The end date is before the start date.</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::SessionController</name>
        <message>
            <location filename="../session_controller.cpp" line="55" />
            <source>Hãy nhập tên đăng nhập và mật khẩu.</source>
            <translation>Enter your username and password.</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::SyncController</name>
        <message numerus="yes">
            <location filename="../sync_controller.cpp" line="297" />
            <source>Máy chủ đã nhận %n thay đổi mang mã của máy này nhưng không do máy này ghi.</source>
            <translation>
                <numerusform>The server received %n change carrying this device's id that this device did not write.</numerusform>
                <numerusform>The server received %n changes carrying this device's id that this device did not write.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../sync_controller.cpp" line="300" />
            <source>%n thay đổi nhận về không có chữ ký hợp lệ của thiết bị đã ghi nên không được nhận.</source>
            <translation>
                <numerusform>%n received change was not taken: it lacks a valid signature of the device that wrote it.</numerusform>
                <numerusform>%n received changes were not taken: they lack a valid signature of the device that wrote them.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="305" />
            <source>Hãy báo quản trị viên.</source>
            <translation>Please tell the administrator.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="340" />
            <source>Đang kết nối máy chủ…</source>
            <translation>Connecting to the server…</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="342" />
            <source>Đang gửi %1/%2 thay đổi</source>
            <translation>Sending %1/%2 changes</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="343" />
            <source>Đang gửi %1 thay đổi</source>
            <translation>Sending %1 changes</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="345" />
            <source>Đang nhận %1/%2 thay đổi</source>
            <translation>Receiving %1/%2 changes</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="346" />
            <source>Đang nhận %1 thay đổi</source>
            <translation>Receiving %1 changes</translation>
        </message>
        <message numerus="yes">
            <location filename="../sync_controller.cpp" line="360" />
            <source>%n thay đổi chưa được chấp nhận</source>
            <translation>
                <numerusform>%n change not accepted</numerusform>
                <numerusform>%n changes not accepted</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../sync_controller.cpp" line="361" />
            <source>%n thay đổi chưa gửi</source>
            <translation>
                <numerusform>%n change not sent</numerusform>
                <numerusform>%n changes not sent</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="362" />
            <source>Mọi thay đổi đã được gửi</source>
            <translation>Every change has been sent</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="366" />
            <source>Đang đồng bộ…</source>
            <translation>Syncing…</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="367" />
            <source>Ngoại tuyến</source>
            <translation>Offline</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="368" />
            <source>Lỗi đồng bộ</source>
            <translation>Sync error</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="370" />
            <source>Chưa đồng bộ</source>
            <translation>Not synced yet</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="370" />
            <source>Đã đồng bộ %1</source>
            <translation>Synced %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../sync_controller.cpp" line="398" />
            <source>đã gửi %n tệp</source>
            <translation>
                <numerusform>sent %n file</numerusform>
                <numerusform>sent %n files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../sync_controller.cpp" line="399" />
            <source>đã tải về %n tệp</source>
            <translation>
                <numerusform>downloaded %n file</numerusform>
                <numerusform>downloaded %n files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../sync_controller.cpp" line="400" />
            <source>%n tệp chưa chuyển được, sẽ thử lại</source>
            <translation>
                <numerusform>%n file not moved yet, will retry</numerusform>
                <numerusform>%n files not moved yet, will retry</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="401" />
            <source>Ảnh và tài liệu: %1</source>
            <translation>Photos and documents: %1</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="405" />
            <source>Ảnh và tài liệu chưa đồng bộ được: %1</source>
            <translation>Photos and documents could not sync: %1</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="418" />
            <source>Đang gửi ảnh và tài liệu: %1/%2 tệp · %3/%4 MB</source>
            <translation>Sending photos and documents: %1/%2 files · %3/%4 MB</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="419" />
            <source>Đang tải ảnh và tài liệu: %1/%2 tệp · %3/%4 MB</source>
            <translation>Downloading photos and documents: %1/%2 files · %3/%4 MB</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="421" />
            <source>Đang đồng bộ ảnh và tài liệu…</source>
            <translation>Syncing photos and documents…</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="422" />
            <source>Chỉ đồng bộ hồ sơ: ảnh và tài liệu chờ mạng phù hợp.</source>
            <translation>Records only: photos and documents wait for a suitable network.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="440" />
            <source>Không kết nối được máy chủ. Dữ liệu vẫn được lưu trên máy và sẽ tự đồng bộ khi có mạng.</source>
            <translation>Cannot reach the server. Your data is stored on this device and syncs automatically when a network is available.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="441" />
            <source>Sai tên đăng nhập hoặc mật khẩu.</source>
            <translation>Wrong username or password.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="443" />
            <source>Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.</source>
            <translation>Too many failed sign-ins. Please try again in a few minutes.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="446" />
            <source>Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.</source>
            <translation>Your session has expired. Please sign in again.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="448" />
            <source>Tài khoản không có quyền thực hiện thao tác này.</source>
            <translation>This account may not do that.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="450" />
            <source>Máy chủ đang gặp sự cố. Ứng dụng sẽ tự thử lại; dữ liệu vẫn an toàn trên máy.</source>
            <translation>The server has a problem. The app will retry; your data is safe on this device.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="451" />
            <source>Phiên bản ứng dụng đã cũ. Vui lòng cập nhật ứng dụng.</source>
            <translation>This version of the app is too old. Please update the app.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="453" />
            <source>Phiên bản ứng dụng đã quá cũ, máy chủ không nhận nữa. Vui lòng cập nhật ứng dụng; các thay đổi chưa gửi vẫn được giữ an toàn trên máy.</source>
            <translation>This version of the app is too old: the server no longer accepts it. Please update the app; changes not yet sent stay safe on this device.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="456" />
            <source>Máy chủ chưa được cập nhật cho phiên bản ứng dụng này. Các thay đổi chưa gửi vẫn được giữ an toàn trên máy và sẽ được gửi khi máy chủ được cập nhật.</source>
            <translation>The server is not yet updated for this version of the app. Changes not yet sent stay safe on this device and will be sent once the server is updated.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="459" />
            <source>Quản trị viên đã thu hồi máy này: các thay đổi chưa gửi đang được gửi, sau đó dữ liệu trên máy sẽ được xóa.</source>
            <translation>An administrator has revoked this device: unsent changes are being sent, then the data on this device will be wiped.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="462" />
            <source>Máy này đã bị thu hồi quyền đồng bộ. Vui lòng liên hệ quản trị viên.</source>
            <translation>This device may no longer sync. Please contact the administrator.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="464" />
            <source>Mã thiết bị của máy này đã được đăng ký với khóa khác. Vui lòng liên hệ quản trị viên.</source>
            <translation>This device's id is registered with another key. Please contact the administrator.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="466" />
            <source>Máy chủ trả lời không đúng. Hãy kiểm tra địa chỉ máy chủ trong phần Cài đặt.</source>
            <translation>The server answered unexpectedly. Check the server address in Settings.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="468" />
            <source>Không tin được chứng chỉ bảo mật của máy chủ. Hãy kiểm tra địa chỉ máy chủ; nếu đúng, liên hệ quản trị viên để cài chứng chỉ gốc cho máy.</source>
            <translation>The server's security certificate is not trusted. Check the server address; if it is right, ask the administrator to install the root certificate on this device.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="471" />
            <source>Máy chủ chỉ nhận kết nối bảo mật: hãy sửa địa chỉ máy chủ thành https:// trong phần Cài đặt.</source>
            <translation>The server only accepts secure connections: change the server address to https:// in Settings.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="474" />
            <source>Máy chủ đang bận. Ứng dụng sẽ tự thử lại; dữ liệu vẫn an toàn trên máy.</source>
            <translation>The server is busy. The app will try again; your data is safe on this device.</translation>
        </message>
        <message>
            <location filename="../sync_controller.cpp" line="475" />
            <source>Đồng bộ chưa thành công (mã lỗi: %1). Dữ liệu vẫn an toàn trên máy.</source>
            <translation>Sync did not complete (error code: %1). Your data is safe on this device.</translation>
        </message>
    </context>
    <context>
        <name>nghedan::client::TextCheck</name>
        <message>
            <location filename="../text_check.cpp" line="16" />
            <source>Nội dung có vẻ chứa số điện thoại. Thông tin cá nhân chỉ ghi ở ô Liên hệ của người kiến nghị.</source>
            <translation>The text seems to contain a phone number. Personal details belong only in the petitioner's contact field.</translation>
        </message>
        <message>
            <location filename="../text_check.cpp" line="18" />
            <source>Nội dung có vẻ chứa số CCCD/CMND. Thông tin cá nhân chỉ ghi ở ô Liên hệ của người kiến nghị.</source>
            <translation>The text seems to contain an ID card number. Personal details belong only in the petitioner's contact field.</translation>
        </message>
    </context>
</TS>