#pragma once
// The app's persistent settings (server address, language, the last signed-in user).

#include <QObject>
#include <QSettings>
#include <QString>
#include <QTranslator>
#include <QtQml/qqmlregistration.h>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace nghedan::client {

/** QML singleton "AppSettings". Stored in an INI file in the app data dir, so `--data DIR`
 *  isolates everything. The server address given by `--server` / NGHEDAN_SERVER overrides
 *  the stored one for this run. Created in main (instance()); UI thread only. */
class AppSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)
    /** "Chỉ đồng bộ hồ sơ (không tải ảnh)": on a metered or slow network the sync moves records
     *  only; photos and documents wait (a thumbnail a page shows is still fetched). */
    Q_PROPERTY(bool recordsOnly READ recordsOnly WRITE setRecordsOnly NOTIFY recordsOnlyChanged)

public:
    AppSettings(const QString& dataDir, QObject* parent = nullptr);
    static AppSettings* instance();
    static void setInstance(AppSettings* settings);
    static AppSettings* create(QQmlEngine* qml, QJSEngine* js);

    QString serverUrl() const;
    void setServerUrl(const QString& url);
    /** Overrides the stored server address for this run only. */
    void setServerOverride(const QString& url);
    /** A PEM file of the certificate authorities the app trusts for an https server (the
     *  city's own CA), set when the tablet is provisioned: the environment's
     *  NGHEDAN_CA_FILE, else settings.ini's server/caFile; empty: the system's CAs. */
    QString caFile() const;
    QString language() const;
    /** "vi" (default) or "en": installs the translator and retranslates the QML engine. */
    void setLanguage(const QString& language);
    /** Installs the translator for the stored language (call once at start). */
    void applyLanguage();
    QString dataDir() const { return m_dataDir; }
    bool recordsOnly() const { return m_settings.value(QStringLiteral("sync/recordsOnly")).toBool(); }
    void setRecordsOnly(bool on) {
        if (on == recordsOnly()) return;
        setValue(QStringLiteral("sync/recordsOnly"), on);
        emit recordsOnlyChanged();
    }

    QString value(const QString& key) const { return m_settings.value(key).toString(); }
    void setValue(const QString& key, const QVariant& value) {
        m_settings.setValue(key, value);
        m_settings.sync();
    }
    void remove(const QString& key) {
        m_settings.remove(key);
        m_settings.sync();
    }

signals:
    void serverUrlChanged();
    void languageChanged();
    void recordsOnlyChanged();

private:
    QString m_dataDir;
    mutable QSettings m_settings;
    QString m_serverOverride;
    std::unique_ptr<QTranslator> m_translator;
    QQmlEngine* m_engine = nullptr;
};

}  // namespace nghedan::client
