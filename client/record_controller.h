#pragma once
// One record (meeting, petition or directive) open in a page: its display values, edits
// (each a durable Replica::write), debounced text saving and its conflicts.

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <map>
#include <optional>

#include <vector>
#include "nghedan/change.h"

namespace nghedan::client {

class ReplicaService;

/** Base of the record controllers. `values` holds every schema field of the record ready
 *  for display: text as is, dates dd/MM/yyyy, times dd/MM/yyyy HH:mm (raw ms in
 *  "<field>_ms"), enums with "<field>_label", references with "<field>_name". Errors become
 *  `lastError` (Vietnamese) and errorOccurred. UI thread only. */
class RecordController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use MeetingController, PetitionController or DirectiveController")
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged)
    Q_PROPERTY(bool exists READ exists NOTIFY valuesChanged)
    Q_PROPERTY(QVariantMap values READ values NOTIFY valuesChanged)
    Q_PROPERTY(QString unitId READ unitId NOTIFY valuesChanged)
    Q_PROPERTY(QString unitName READ unitName NOTIFY valuesChanged)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY valuesChanged)
    Q_PROPERTY(QStringList conflictFields READ conflictFields NOTIFY valuesChanged)
    Q_PROPERTY(QString lastEditedText READ lastEditedText NOTIFY valuesChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QString saveState READ saveState NOTIFY saveStateChanged)
    Q_PROPERTY(bool hasPendingText READ hasPendingText NOTIFY saveStateChanged)
    /** The server refused a change of this record that the person made here: `exists` is
     *  false when it was the change that created it (then `values` show what was refused). */
    Q_PROPERTY(bool refused READ refused NOTIFY valuesChanged)
    Q_PROPERTY(QString refusalText READ refusalText NOTIFY valuesChanged)
    /** The fields mayEdit() allows now (for bindings: updated with the record). */
    Q_PROPERTY(QStringList editableFields READ editableFields NOTIFY valuesChanged)
    /** Why some fields stay read-only for the signed-in role (the shared write policy), in
     *  Vietnamese; empty when the role may change every field of this record. */
    Q_PROPERTY(QString roleNote READ roleNote NOTIFY valuesChanged)
    /** Where a petition or meeting took place (place_lat/place_lon, degrees × 10^6): the
     *  degrees as typed ("10.823456"), empty when unset; placeText adds accuracy and time. */
    Q_PROPERTY(QString placeLatitude READ placeLatitude NOTIFY valuesChanged)
    Q_PROPERTY(QString placeLongitude READ placeLongitude NOTIFY valuesChanged)
    Q_PROPERTY(QString placeText READ placeText NOTIFY valuesChanged)

public:
    RecordController(const QString& entity, QObject* parent);
    ~RecordController() override;

    /** Sets one field from what the person typed or picked; false (and lastError) if refused. */
    Q_INVOKABLE bool setField(const QString& field, const QVariant& value);
    /** Sets several fields in one change. */
    Q_INVOKABLE bool setFields(const QVariantMap& fields);
    /** Remembers typed text and saves it after ~1 s without typing (or on flush()). */
    Q_INVOKABLE void editText(const QString& field, const QString& text);
    /** Saves any remembered text now (call on focus loss and before leaving a page). */
    Q_INVOKABLE bool flush();
    Q_INVOKABLE void reload();
    Q_INVOKABLE void clearError();
    /** True when the signed-in role may change `field` now (shared policy, and not locked). */
    Q_INVOKABLE bool mayEdit(const QString& field) const;
    /** Writes this record's refused changes again (corrected by what the person changed
     *  since); false and lastError when they would be refused again. */
    Q_INVOKABLE bool resendRefused();
    /** Drops this record's refused changes; a refused new record is gone with them. */
    Q_INVOKABLE bool discardRefused();
    /** Sets the place from degrees ("10.823456" or "10,823456"; positioning or typed) with
     *  place_accuracy (metres, when >= 0) and place_at = now, in one change; false and
     *  lastError when either is not a latitude/longitude. */
    Q_INVOKABLE bool setPlace(const QString& latitude, const QString& longitude, int accuracyMetres = -1);

    QString recordId() const { return m_id; }
    void setRecordId(const QString& id);
    bool exists() const { return m_exists; }
    QVariantMap values() const { return m_values; }
    QString unitId() const { return m_unit; }
    QString unitName() const;
    int conflictCount() const { return static_cast<int>(m_conflictFields.size()); }
    QStringList conflictFields() const { return m_conflictFields; }
    QString lastEditedText() const;
    QString lastError() const { return m_lastError; }
    QString saveState() const { return m_saveState; }
    bool hasPendingText() const { return !m_pendingText.isEmpty(); }
    bool refused() const { return !m_refused.empty(); }
    QString refusalText() const { return m_refusalText; }
    QStringList editableFields() const;
    QString roleNote() const;
    QString placeLatitude() const;
    QString placeLongitude() const;
    QString placeText() const;
    QString entity() const { return m_entity; }

signals:
    void recordIdChanged();
    void valuesChanged();
    void lastErrorChanged();
    void saveStateChanged();
    void errorOccurred(const QString& message);
    /** A write of this record reached the disk. */
    void saved();

protected:
    /** Empty when the field may be edited now, else the reason (Vietnamese). */
    virtual QString editBlockedReason(const QString& field) const;
    /** Writes `set` to this record (or creates one in `unit` when recordId is empty). */
    bool writeFields(std::map<std::string, Json> set, const QString& unit = {});
    /** Converts input for a field of this entity; nullopt and lastError when invalid. */
    std::optional<Json> convert(const QString& field, const QVariant& value);
    void setError(const QString& message);
    std::string rawString(const char* field) const;
    virtual void onLoaded() {}
    void loadRefused();
    /** Applies `settle` (resend or discard) to each refused change of this record, then
     *  reloads; on the first failure stops with lastError = failure.arg(reason). */
    bool settleRefused(bool (*settle)(ReplicaService*, const Change&, QString*),
                       const QString& failure);

    QPointer<ReplicaService> m_service;
    QString m_entity;
    QString m_id;
    QString m_unit;
    bool m_exists = false;
    QVariantMap m_values;
    Json m_raw;
    QStringList m_conflictFields;
    QString m_lastError;
    QString m_saveState;
    QVariantMap m_pendingText;
    QTimer m_saveTimer;
    std::vector<Change> m_refused;  ///< this record's own changes the server refused
    QString m_refusalText;
};

}  // namespace nghedan::client
