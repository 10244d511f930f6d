#pragma once
// Who is signed in. The first sign-in needs the server; afterwards the app opens offline as
// the last user until they sign out.

#include <QObject>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace nghedan::client {

class AppSettings;
class ReplicaService;
class SyncController;

/** QML singleton "Session". UI thread only. */
class SessionController : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Session)
    QML_SINGLETON
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString username READ username NOTIFY changed)
    Q_PROPERTY(QString displayName READ displayName NOTIFY changed)
    Q_PROPERTY(QString role READ role NOTIFY changed)
    Q_PROPERTY(QString scopeUnit READ scopeUnit NOTIFY changed)
    Q_PROPERTY(QString scopeName READ scopeName NOTIFY changed)
    Q_PROPERTY(QString lastUsername READ lastUsername NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    SessionController(AppSettings* settings, ReplicaService* service, SyncController* sync,
                      QObject* parent = nullptr);
    static SessionController* instance();
    static void setInstance(SessionController* session);
    static SessionController* create(QQmlEngine* qml, QJSEngine* js);

    /** Signs in against the server (result via signedInChanged / lastError). */
    Q_INVOKABLE void signIn(const QString& username, const QString& password);
    /** Forgets the token; the data stays on the device. */
    Q_INVOKABLE void signOut();
    /** True when the signed-in role may create `entity` records (shared write policy). */
    Q_INVOKABLE bool mayCreate(const QString& entity) const;
    /** For tests and tooling: become `username` without a server (no token: sync stays off). */
    void signInOffline(const QString& username, const QString& displayName, const QString& scopeUnit,
                       const QString& role = QStringLiteral("official"));

    bool signedIn() const;
    bool busy() const { return m_busy; }
    QString username() const;
    QString displayName() const;
    QString role() const;
    QString scopeUnit() const;
    QString scopeName() const;
    QString lastUsername() const;
    QString lastError() const { return m_lastError; }

signals:
    /** A password sign-in succeeded (before the first sync starts). */
    void signedInOnline();
    void changed();
    void busyChanged();
    void lastErrorChanged();

private:
    void onLoginFinished(bool ok, const QString& token, const QString& username,
                         const QString& displayName, const QString& role, const QString& scopeUnit,
                         const QString& errorCode, const QString& errorMessage);
    void setError(const QString& error);

    AppSettings* m_settings;
    ReplicaService* m_service;
    SyncController* m_sync;
    bool m_busy = false;
    QString m_lastError;
};

}  // namespace nghedan::client
