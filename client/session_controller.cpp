#include "session_controller.h"

#include <QJSEngine>

#include "app_settings.h"
#include "replica_service.h"
#include "sync_controller.h"

namespace nghedan::client {
namespace {
SessionController* g_session = nullptr;
const QString kUser = QStringLiteral("session/username");
const QString kName = QStringLiteral("session/displayName");
const QString kRole = QStringLiteral("session/role");
const QString kScope = QStringLiteral("session/scopeUnit");
const QString kToken = QStringLiteral("session/token");
const QString kActive = QStringLiteral("session/active");
}  // namespace

SessionController::SessionController(AppSettings* settings, ReplicaService* service,
                                     SyncController* sync, QObject* parent)
    : QObject(parent), m_settings(settings), m_service(service), m_sync(sync) {
    connect(sync, &SyncController::loginFinished, this, &SessionController::onLoginFinished);
    if (signedIn()) {
        m_service->setWriter(username(), role(), scopeUnit());
        m_sync->setAutomatic(!m_settings->value(kToken).isEmpty());
    }
}

SessionController* SessionController::instance() { return g_session; }
void SessionController::setInstance(SessionController* session) { g_session = session; }
SessionController* SessionController::create(QQmlEngine*, QJSEngine*) {
    Q_ASSERT(g_session);
    QJSEngine::setObjectOwnership(g_session, QJSEngine::CppOwnership);
    return g_session;
}

bool SessionController::signedIn() const { return m_settings->value(kActive) == u"true"; }
QString SessionController::username() const { return signedIn() ? m_settings->value(kUser) : QString(); }
QString SessionController::displayName() const { return signedIn() ? m_settings->value(kName) : QString(); }
QString SessionController::role() const { return signedIn() ? m_settings->value(kRole) : QString(); }
QString SessionController::scopeUnit() const { return signedIn() ? m_settings->value(kScope) : QString(); }
QString SessionController::scopeName() const { return m_service->unitPath(scopeUnit()); }
QString SessionController::lastUsername() const { return m_settings->value(kUser); }

void SessionController::setError(const QString& error) {
    if (m_lastError == error) return;
    m_lastError = error;
    emit lastErrorChanged();
}

void SessionController::signIn(const QString& username, const QString& password) {
    if (m_busy) return;
    if (username.trimmed().isEmpty() || password.isEmpty()) {
        setError(tr("Hãy nhập tên đăng nhập và mật khẩu."));
        return;
    }
    setError({});
    m_busy = true;
    emit busyChanged();
    m_sync->login(username.trimmed(), password);
}

void SessionController::onLoginFinished(bool ok, const QString& token, const QString& username,
                                        const QString& displayName, const QString& role,
                                        const QString& scopeUnit, const QString& errorCode,
                                        const QString& errorMessage) {
    m_busy = false;
    emit busyChanged();
    if (!ok) {
        setError(SyncController::describeError(errorCode, errorMessage));
        return;
    }
    m_settings->setValue(kToken, token);
    m_settings->setValue(kUser, username);
    m_settings->setValue(kName, displayName);
    m_settings->setValue(kRole, role);
    m_settings->setValue(kScope, scopeUnit);
    m_settings->setValue(kActive, QStringLiteral("true"));
    m_service->setWriter(username, role, scopeUnit);
    emit signedInOnline();
    emit changed();
    m_sync->setAutomatic(true);
    m_sync->syncNow();
}

void SessionController::signInOffline(const QString& username, const QString& displayName,
                                      const QString& scopeUnit, const QString& role) {
    m_settings->setValue(kUser, username);
    m_settings->setValue(kName, displayName);
    m_settings->setValue(kRole, role);
    m_settings->setValue(kScope, scopeUnit);
    m_settings->setValue(kActive, QStringLiteral("true"));
    m_service->setWriter(username, role, scopeUnit);
    emit changed();
}

bool SessionController::mayCreate(const QString& entity) const {
    return signedIn() && m_service->mayCreate(entity);
}

void SessionController::signOut() {
    m_sync->setAutomatic(false);
    m_settings->remove(kToken);
    m_settings->setValue(kActive, QStringLiteral("false"));
    emit changed();
}

}  // namespace nghedan::client
