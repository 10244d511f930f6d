#pragma once
// A directive given by a leader, from a meeting or a petition.

#include <QtQml/qqmlregistration.h>

#include "record_controller.h"

namespace nghedan::client {

/** QML element "DirectiveController". */
class DirectiveController : public RecordController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool overdue READ overdue NOTIFY valuesChanged)
    Q_PROPERTY(bool open READ open NOTIFY valuesChanged)

public:
    explicit DirectiveController(QObject* parent = nullptr);

    /** Creates a directive from a meeting and/or a petition: it belongs to their unit and is
     *  linked to the petition's meeting too; `unitId` is used only for a standalone directive.
     *  `dueDate` "dd/MM/yyyy" or empty. */
    Q_INVOKABLE bool create(const QString& meetingId, const QString& petitionId, const QString& unitId,
                            const QString& agencyId, const QString& instruction,
                            const QString& issuedBy, const QString& dueDate);
    /** Sets the status ("done" also stamps completed_at). */
    Q_INVOKABLE bool setStatus(const QString& status);
    Q_INVOKABLE bool addUpdate(const QString& text);

    bool overdue() const;
    bool open() const;
};

}  // namespace nghedan::client
