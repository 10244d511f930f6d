// Interface texts in Vietnamese (default) and English. Labels of fields and enum values come
// from the server (/api/v1/schema), the same ones the exports use.

const kLangKey = 'nghedan.lang';

const texts = {
    vi: {
        appTitle: 'NgheDan — Bảng điều hành',
        navOverview: 'Tổng quan',
        navPetitions: 'Kiến nghị',
        navMeetings: 'Buổi họp',
        navDirectives: 'Chỉ đạo',
        logout: 'Đăng xuất',
        switchLang: 'English',
        loading: 'Đang tải…',
        loginTitle: 'Đăng nhập bảng điều hành',
        loginLead:
            'Theo dõi các buổi họp “Mỗi tuần một khu phố”, kiến nghị của người dân và việc thực hiện chỉ đạo.',
        username: 'Tên đăng nhập',
        password: 'Mật khẩu',
        signIn: 'Đăng nhập',
        signingIn: 'Đang đăng nhập…',
        badLogin: 'Sai tên đăng nhập hoặc mật khẩu.',
        tooMany: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.',
        sessionExpired: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
        overviewTitle: 'Tổng quan',
        period: 'Kỳ báo cáo',
        from: 'Từ ngày',
        to: 'Đến ngày',
        apply: 'Xem',
        area: 'Địa bàn',
        showAll: 'Xem tất cả ({n})',
        showLess: 'Thu gọn',
        fromServerShort: 'máy chủ',
        sinceYearStart: 'Từ đầu năm',
        last30: '30 ngày qua',
        last90: '90 ngày qua',
        allUnits: 'Toàn địa bàn',
        meetingsHeld: 'Buổi họp đã tổ chức',
        neighbourhoodsSince: '{n} khu phố từ {since}',
        monthN: 'tháng {m}',
        petitionsReceived: 'Kiến nghị tiếp nhận',
        resolved: 'Đã giải quyết',
        resolutionRate: 'Tỷ lệ giải quyết',
        overdue: 'Quá hạn',
        open: 'Đang xử lý',
        medianDays: 'Thời gian giải quyết (trung vị)',
        days: 'ngày',
        directivesOpen: 'Chỉ đạo đang thực hiện',
        directivesOverdueN: '{n} chỉ đạo quá hạn',
        weeklyChart: 'Theo tuần: buổi họp và kiến nghị',
        weekOf: 'Tuần từ {d}',
        meetingsSeries: 'Buổi họp',
        petitionsSeries: 'Kiến nghị',
        byCategory: 'Theo lĩnh vực',
        byUnit: 'Theo địa bàn',
        byAgency: 'Theo cơ quan chủ trì',
        noAgency: '(chưa giao)',
        oldestOverdue: 'Kiến nghị quá hạn lâu nhất',
        daysOverdue: 'quá {n} ngày',
        noOverdue: 'Không có kiến nghị quá hạn trong kỳ.',
        received: 'Tiếp nhận',
        meetings: 'Buổi họp',
        periodNote:
            'Số liệu kiến nghị tính trên các kiến nghị tiếp nhận trong kỳ; trạng thái và quá hạn tính đến hôm nay ({today}).',
        petitionsTitle: 'Kiến nghị',
        search: 'Tìm kiếm',
        searchPlaceholder: 'Tiêu đề, nội dung, địa điểm… (không cần dấu)',
        anyStatus: 'Mọi trạng thái',
        anyCategory: 'Mọi lĩnh vực',
        anyAgency: 'Mọi cơ quan',
        overdueOnly: 'Chỉ quá hạn',
        filter: 'Lọc',
        clear: 'Xóa lọc',
        exportCsv: 'Xuất CSV',
        exportXlsx: 'Xuất Excel',
        resultsN: '{n} kết quả',
        page: 'Trang {p}/{n}',
        prev: '‹ Trước',
        next: 'Sau ›',
        none: 'Không có dữ liệu phù hợp.',
        conflictBadge: '{n} xung đột',
        overdueBadge: 'Quá hạn',
        petitionTitle: 'Kiến nghị',
        currentValues: 'Thông tin hiện tại',
        handling: 'Xử lý kiến nghị',
        save: 'Lưu',
        saved: 'Đã lưu.',
        conflicts: 'Giá trị xung đột (cần thống nhất)',
        conflictsLead:
            'Hai máy ghi khác nhau cùng lúc. Cả hai giá trị được giữ; chọn giá trị đúng để thống nhất.',
        useThis: 'Dùng giá trị này',
        history: 'Lịch sử thay đổi',
        historyLead: 'Mọi giá trị từng ghi: ai, lúc nào, từ máy nào.',
        fromServer: 'máy chủ',
        fromTablet: 'máy tính bảng {id}',
        unsigned: 'ghi trước khi có chữ ký thiết bị',
        unsignedHint: 'Thay đổi này được ghi trước khi các máy ký thay đổi của mình; nó vẫn có giá trị nhưng không có bằng chứng máy nào đã ghi.',
        replaced: 'đã thay',
        current: 'hiện tại',
        hiddenPersonal: '(thông tin cá nhân — ẩn theo quyền)',
        directives: 'Chỉ đạo',
        issueDirective: 'Giao chỉ đạo',
        instruction: 'Nội dung chỉ đạo',
        agency: 'Cơ quan thực hiện',
        dueDate: 'Hạn',
        issue: 'Giao',
        updates: 'Cập nhật tiến độ',
        addUpdate: 'Thêm cập nhật',
        add: 'Thêm',
        noUpdates: 'Chưa có cập nhật.',
        noDirectives: 'Chưa có chỉ đạo.',
        meeting: 'Buổi họp',
        notFound: 'Không tìm thấy (hoặc ngoài phạm vi của bạn).',
        back: '← Quay lại',
        meetingsTitle: 'Buổi họp',
        petitionsRaised: 'Kiến nghị tại buổi họp',
        directivesGiven: 'Chỉ đạo tại buổi họp',
        printMinutes: 'In biên bản',
        residents: 'người dân',
        petitionCount: 'Kiến nghị',
        directivesTitle: 'Chỉ đạo',
        byAgencyLead: 'Theo cơ quan thực hiện; quá hạn xếp trước.',
        result: 'Kết quả',
        noResult: '(chưa báo cáo)',
        markDone: 'Báo hoàn thành',
        resultPrompt: 'Kết quả thực hiện',
        errorGeneric: 'Có lỗi: {m}',
        forbidden: 'Vai trò của bạn không được thực hiện thao tác này.',
        error_reason_required: 'Bước chuyển trạng thái này cần ghi rõ lý do.',
        error_invalid_transition: 'Kiến nghị ở trạng thái hiện tại không chuyển sang trạng thái đã chọn được.',
        error_level_required: 'Hãy chọn cấp sẽ xử lý khi chuyển cấp trên.',
        error_invalid_level: 'Địa bàn của kiến nghị không có cấp này (từ 1/7/2025 không còn cấp quận, huyện).',
        error_forbidden_field: 'Mục này không sửa được từ bảng điều hành.',
        readOnly: 'Chỉ xem',
        selectNone: '— chọn —',
        personalNote:
            'Thông tin liên hệ của người kiến nghị chỉ hiển thị với cán bộ phụ trách địa bàn.',
        attendeesList: 'Đại biểu và người dân tham dự',
        updatedBy: 'cập nhật bởi {u}',
        createdAt: 'Tạo lúc',
        dateFormat: '“{v}” không phải là ngày. Nhập ngày/tháng/năm, ví dụ 10/03/2025.',
        dateNoMonth: '“{v}”: không có tháng {m}. Nhập ngày/tháng/năm, ví dụ 10/03/2025.',
        dateNoDay: '“{v}”: tháng {m}/{y} không có ngày {d} (tháng này có {n} ngày).',
        supportFilter: 'Lọc cơ quan…',
        supportChosen: '(đã chọn {n})',
        publicTitle: 'Công khai cho người dân',
        publicSwitch: 'Công khai kết quả cho người dân',
        publicExplain:
            'Khi công khai, người dân tra cứu được bằng mã: tiêu đề, lĩnh vực, khu phố, ngày tiếp nhận, trạng thái, cơ quan chủ trì, hạn xử lý, kết quả và ghi chú công khai — không bao giờ có thông tin người kiến nghị.',
        publicYes: 'Đã công khai',
        publicNo: 'Chưa công khai',
        printReceipt: 'In phiếu tiếp nhận',
        reportBacks: 'Báo cáo lại với người dân',
        noReportBacks: 'Chưa báo cáo lại tại buổi họp nào.',
        navNotice: 'Thông báo kết quả',
        noticeTitle: 'Thông báo kết quả giải quyết kiến nghị',
        noticeLead:
            'Các kiến nghị đã công khai của một khu phố trong một khoảng thời gian: in khổ A4 để niêm yết, hoặc sao chép nội dung để gửi nhóm Zalo của khu phố, đọc trên loa.',
        noticeUnit: 'Khu phố / địa bàn',
        noticePrint: 'Xem bản in A4',
        noticeCopy: 'Sao chép nội dung',
        noticeCopied: 'Đã sao chép nội dung thông báo.',
        noticeCount: '{n} kiến nghị công khai',
        satisfied: 'Hài lòng',
        unsatisfied: 'Chưa hài lòng',
        acceptance: 'Người dân hài lòng khi báo cáo lại',
        acceptanceSub: '{s} hài lòng / {u} chưa hài lòng',
    },
    en: {
        appTitle: 'NgheDan — Dashboard',
        navOverview: 'Overview',
        navPetitions: 'Petitions',
        navMeetings: 'Meetings',
        navDirectives: 'Directives',
        logout: 'Sign out',
        switchLang: 'Tiếng Việt',
        loading: 'Loading…',
        loginTitle: 'Sign in to the dashboard',
        loginLead:
            'Follow the “one neighbourhood each week” meetings, residents’ petitions and how directives are carried out.',
        username: 'Username',
        password: 'Password',
        signIn: 'Sign in',
        signingIn: 'Signing in…',
        badLogin: 'Wrong username or password.',
        tooMany: 'Too many failed attempts. Try again in a few minutes.',
        sessionExpired: 'Your session has ended. Please sign in again.',
        overviewTitle: 'Overview',
        period: 'Period',
        from: 'From',
        to: 'To',
        apply: 'Show',
        area: 'Area',
        showAll: 'Show all ({n})',
        showLess: 'Show fewer',
        fromServerShort: 'server',
        sinceYearStart: 'Year to date',
        last30: 'Last 30 days',
        last90: 'Last 90 days',
        allUnits: 'Whole area',
        meetingsHeld: 'Meetings held',
        neighbourhoodsSince: '{n} neighbourhoods since {since}',
        monthN: 'month {m}',
        petitionsReceived: 'Petitions received',
        resolved: 'Resolved',
        resolutionRate: 'Resolution rate',
        overdue: 'Overdue',
        open: 'Open',
        medianDays: 'Median time to resolve',
        days: 'days',
        directivesOpen: 'Directives in progress',
        directivesOverdueN: '{n} directives overdue',
        weeklyChart: 'Weekly: meetings and petitions',
        weekOf: 'Week of {d}',
        meetingsSeries: 'Meetings',
        petitionsSeries: 'Petitions',
        byCategory: 'By category',
        byUnit: 'By area',
        byAgency: 'By lead agency',
        noAgency: '(not assigned)',
        oldestOverdue: 'Oldest overdue petitions',
        daysOverdue: '{n} days overdue',
        noOverdue: 'No overdue petition in this period.',
        received: 'Received',
        meetings: 'Meetings',
        periodNote:
            'Petition figures count petitions received in the period; status and overdue as of today ({today}).',
        petitionsTitle: 'Petitions',
        search: 'Search',
        searchPlaceholder: 'Title, description, place… (accents optional)',
        anyStatus: 'Any status',
        anyCategory: 'Any category',
        anyAgency: 'Any agency',
        overdueOnly: 'Overdue only',
        filter: 'Filter',
        clear: 'Clear',
        exportCsv: 'Export CSV',
        exportXlsx: 'Export Excel',
        resultsN: '{n} results',
        page: 'Page {p}/{n}',
        prev: '‹ Previous',
        next: 'Next ›',
        none: 'Nothing matches.',
        conflictBadge: '{n} conflicts',
        overdueBadge: 'Overdue',
        petitionTitle: 'Petition',
        currentValues: 'Current values',
        handling: 'Handling',
        save: 'Save',
        saved: 'Saved.',
        conflicts: 'Conflicting values (to be settled)',
        conflictsLead:
            'Two devices wrote different values at the same time. Both are kept; choose the right one to settle it.',
        useThis: 'Use this value',
        history: 'History',
        historyLead: 'Every value ever written: who, when, from which device.',
        fromServer: 'server',
        fromTablet: 'tablet {id}',
        unsigned: 'written before device signatures',
        unsignedHint: 'This change was written before devices signed their changes; it stays valid but carries no proof of the device that wrote it.',
        replaced: 'replaced',
        current: 'current',
        hiddenPersonal: '(personal data — hidden for your role)',
        directives: 'Directives',
        issueDirective: 'Issue a directive',
        instruction: 'Instruction',
        agency: 'Agency',
        dueDate: 'Due',
        issue: 'Issue',
        updates: 'Progress updates',
        addUpdate: 'Add an update',
        add: 'Add',
        noUpdates: 'No updates yet.',
        noDirectives: 'No directives yet.',
        meeting: 'Meeting',
        notFound: 'Not found (or outside your scope).',
        back: '← Back',
        meetingsTitle: 'Meetings',
        petitionsRaised: 'Petitions raised',
        directivesGiven: 'Directives given',
        printMinutes: 'Print minutes',
        residents: 'residents',
        petitionCount: 'Petitions',
        directivesTitle: 'Directives',
        byAgencyLead: 'By agency; overdue first.',
        result: 'Result',
        noResult: '(not reported)',
        markDone: 'Report done',
        resultPrompt: 'Result',
        errorGeneric: 'Error: {m}',
        forbidden: 'Your role cannot do this.',
        error_reason_required: 'This status step needs a written reason.',
        error_invalid_transition: 'The petition cannot move from its current status to the one chosen.',
        error_level_required: 'Choose the level that takes the petition over.',
        error_invalid_level: 'The petition’s area has no such level (districts no longer exist since 1 July 2025).',
        error_forbidden_field: 'This field cannot be changed from the dashboard.',
        readOnly: 'Read only',
        selectNone: '— choose —',
        personalNote: 'Petitioners’ contact details are shown only to the officials of the area.',
        publicTitle: 'Public for residents',
        publicSwitch: 'Publish the outcome to residents',
        publicExplain:
            'Once public, residents can look it up by its code: title, category, neighbourhood, date received, status, lead agency, due date, result and public note — never anything about the petitioner.',
        publicYes: 'Public',
        publicNo: 'Not public',
        printReceipt: 'Print receipt slip',
        reportBacks: 'Reported back to residents',
        noReportBacks: 'Not yet reported back at a meeting.',
        navNotice: 'Results notice',
        noticeTitle: 'Notice of petition results',
        noticeLead:
            'The public petitions of a neighbourhood over a period: print on A4 for the notice board, or copy the text for the neighbourhood’s chat group or the loudspeaker.',
        noticeUnit: 'Neighbourhood / area',
        noticePrint: 'A4 print view',
        noticeCopy: 'Copy the text',
        noticeCopied: 'The notice text was copied.',
        noticeCount: '{n} public petitions',
        satisfied: 'Satisfied',
        unsatisfied: 'Not satisfied',
        acceptance: 'Residents satisfied at report-back',
        acceptanceSub: '{s} satisfied / {u} not satisfied',
        attendeesList: 'Representatives and residents present',
        updatedBy: 'updated by {u}',
        createdAt: 'Created',
        dateFormat: '“{v}” is not a date. Type day/month/year, e.g. 10/03/2025.',
        dateNoMonth: '“{v}”: there is no month {m}. Type day/month/year, e.g. 10/03/2025.',
        dateNoDay: '“{v}”: {m}/{y} has no day {d} (it has {n} days).',
        supportFilter: 'Filter agencies…',
        supportChosen: '({n} chosen)',
    },
};

let current = localStorage.getItem(kLangKey) === 'en' ? 'en' : 'vi';
let schema = null;

export function lang() { return current; }

export function setLang(l) {
  current = l === 'en' ? 'en' : 'vi';
  localStorage.setItem(kLangKey, current);
  document.documentElement.lang = current;
}

/** The text of `key` with {name} placeholders filled. */
export function t(key, vars) {
  let s = texts[current][key] ?? texts.vi[key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll('{' + k + '}', String(v));
  return s;
}

/** What went wrong with a request, for people: the message of its error code where there is
 *  one, else the server's own message. */
export function errorText(err) {
  const known = texts[current]['error_' + err.code];
  if (known) return known;
  return err.status === 403 ? t('forbidden') : t('errorGeneric', { m: err.message });
}

export function setSchema(s) { schema = s; }
export function getSchema() { return schema; }

/** Label of an enum value of entity.field (status, category, level, channel, priority): the
 *  server's one label table (shared labels.cpp), never a copy here. */
export function enumLabel(entity, field, value) {
  if (value === null || value === undefined || value === '') return '';
  const l = schema?.labels?.enums?.[entity]?.[field]?.[value];
  return l ? (l[current] || l.vi) : value;
}

/** Label of a field, as `entity` names it (default: a petition's, else any entity's). */
export function fieldLabel(field, entity = 'petition') {
  const fields = schema?.labels?.fields || {};
  const l = fields[entity]?.[field] ||
      Object.values(fields).map((f) => f[field]).find(Boolean);
  return l ? (l[current] || l.vi) : field;
}

/** The name of a role ("Giám sát" for supervisor), from the server's label table. */
export function roleLabel(role) {
  const l = schema?.labels?.roles?.[role];
  return l ? (l[current] || l.vi) : role;
}

/** The schema's fields of an entity: [{name, type, enum, personal, ...}]. */
export function fieldsOf(entity) {
  return (schema && schema.entities[entity] && schema.entities[entity].fields) || [];
}

document.documentElement.lang = current;
