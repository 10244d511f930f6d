#include "text_check.h"

#include <algorithm>

#include "nghedan/personal_text.h"

namespace nghedan::client {

QString TextCheck::warning(const QString& text) const {
    if (text.isEmpty()) return {};
    const QByteArray utf8 = text.toUtf8();
    const auto found = findPersonalNumbers(std::string_view(utf8.constData(), utf8.size()));
    if (found.empty()) return {};
    const bool phone = std::any_of(found.begin(), found.end(),
                                   [](const PersonalNumber& m) { return m.kind == "phone"; });
    return phone ? tr("Nội dung có vẻ chứa số điện thoại. Thông tin cá nhân chỉ ghi ở ô Liên hệ "
                      "của người kiến nghị.")
                 : tr("Nội dung có vẻ chứa số CCCD/CMND. Thông tin cá nhân chỉ ghi ở ô Liên hệ "
                      "của người kiến nghị.");
}

}  // namespace nghedan::client
