#pragma once
// The system clipboard for QML: a receipt code or a results notice copied to paste elsewhere.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

namespace nghedan::client {

/** QML singleton "Clipboard". UI thread only. */
class Clipboard : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit Clipboard(QObject* parent = nullptr) : QObject(parent) {}
    /** Puts `text` on the clipboard (replacing what was there). */
    Q_INVOKABLE void copy(const QString& text) const;
    /** What the clipboard holds as text. */
    Q_INVOKABLE QString text() const;
};

}  // namespace nghedan::client
