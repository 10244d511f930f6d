#pragma once
// The warning under the tablet's free-text fields (descriptions, minutes, conclusions,
// directives, updates, resolutions) when what is typed looks like a phone or ID number:
// free text is read by every role, personal data belongs in the petitioner's contact field.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

namespace nghedan::client {

/** QML singleton "TextCheck". Stateless; any thread. */
class TextCheck : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit TextCheck(QObject* parent = nullptr) : QObject(parent) {}
    /** The Vietnamese warning for `text` (shared findPersonalNumbers), or "" when it looks
     *  clean. A warning only: forms save whatever it says. */
    Q_INVOKABLE QString warning(const QString& text) const;
};

}  // namespace nghedan::client
