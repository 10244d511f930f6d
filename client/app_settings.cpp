#include "app_settings.h"

#include <QCoreApplication>
#include <QJSEngine>
#include <QQmlEngine>

#include "catalog.h"
#include "replica_service.h"

namespace nghedan::client {
namespace {
AppSettings* g_settings = nullptr;
}

AppSettings::AppSettings(const QString& dataDir, QObject* parent)
    : QObject(parent),
      m_dataDir(dataDir),
      m_settings(dataDir + QStringLiteral("/settings.ini"), QSettings::IniFormat) {}

AppSettings* AppSettings::instance() { return g_settings; }
void AppSettings::setInstance(AppSettings* settings) { g_settings = settings; }

AppSettings* AppSettings::create(QQmlEngine* qml, QJSEngine*) {
    Q_ASSERT(g_settings);
    QJSEngine::setObjectOwnership(g_settings, QJSEngine::CppOwnership);
    g_settings->m_engine = qml;
    return g_settings;
}

QString AppSettings::serverUrl() const {
    if (!m_serverOverride.isEmpty()) return m_serverOverride;
    return m_settings.value(QStringLiteral("server/url"), QStringLiteral("http://127.0.0.1:8080")).toString();
}

void AppSettings::setServerUrl(const QString& url) {
    const QString trimmed = url.trimmed();
    if (trimmed == serverUrl()) return;
    m_serverOverride.clear();
    setValue(QStringLiteral("server/url"), trimmed);
    emit serverUrlChanged();
}

QString AppSettings::caFile() const {
    const QString fromEnvironment = qEnvironmentVariable("NGHEDAN_CA_FILE");
    if (!fromEnvironment.isEmpty()) return fromEnvironment;
    return m_settings.value(QStringLiteral("server/caFile")).toString();
}

void AppSettings::setServerOverride(const QString& url) {
    m_serverOverride = url.trimmed();
    emit serverUrlChanged();
}

QString AppSettings::language() const {
    return m_settings.value(QStringLiteral("ui/language"), QStringLiteral("vi")).toString();
}

void AppSettings::setLanguage(const QString& language) {
    if (language == this->language() || (language != u"vi" && language != u"en")) return;
    setValue(QStringLiteral("ui/language"), language);
    applyLanguage();
    if (m_engine) m_engine->retranslate();
    emit languageChanged();
    // Labels computed in C++ (statuses, categories, messages) follow on the next read.
    if (ReplicaService* service = ReplicaService::instance()) service->announce(QString());
}

void AppSettings::applyLanguage() {
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }
    Catalog::setLanguage(language());
    // Vietnamese is the source language: it needs no translator.
    if (language() == u"vi") return;
    auto translator = std::make_unique<QTranslator>();
    if (translator->load(QStringLiteral(":/i18n/nghedan_%1.qm").arg(language()))) {
        QCoreApplication::installTranslator(translator.get());
        m_translator = std::move(translator);
    }
}

}  // namespace nghedan::client
