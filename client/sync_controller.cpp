#include "sync_controller.h"

#include <QDateTime>
#include <QJSEngine>
#include <QLocale>

#include "app_settings.h"
#include "local_blobs.h"
#include "nghedan/blob_sync.h"
#include "nghedan/sync_client.h"
#include "replica_service.h"
#include "value_format.h"

namespace nghedan::client {
namespace {
SyncController* g_sync = nullptr;
const QString kLastSynced = QStringLiteral("sync/lastSyncedMs");
const QString kToken = QStringLiteral("session/token");
const QString kAlarm = QStringLiteral("sync/alarm");
}  // namespace

namespace {
/** Runs `work` with a SyncClient of the app's replica, which the sync thread holds meanwhile
 *  (ReplicaService::beginSync); `token` empty for a sign-in. */
template <class Work>
auto withSyncClient(ReplicaService* service, const QString& baseUrl, const QString& token,
                    const QString& caFile, Work work) {
    SyncClientOptions options;
    options.baseUrl = toStd(baseUrl);
    options.caFile = toStd(caFile);
    options.token = toStd(token);
    options.timeoutSeconds = 15;
    options.maxAttempts = 2;
    std::unique_ptr<SyncClient> client;
    Replica* held = nullptr;
    service->beginSync([&](Replica& replica) {
        held = &replica;
        client = std::make_unique<SyncClient>(replica, options);
        return client.get();
    });
    auto result = work(*client, *held);
    service->endSync();
    return result;
}
}  // namespace

void SyncWorker::runSync(const QString& baseUrl, const QString& token, const QString& caFile) {
    bool allSent = false;
    auto result = withSyncClient(m_service, baseUrl, token, caFile,
                                 [this, &allSent](SyncClient& client, Replica& replica) {
        auto r = client.sync([this](const SyncProgress& p) {
            emit progress(static_cast<int>(p.phase), p.done, p.total);
        });
        if (r && r->wipeOrdered) allSent = replica.unsentCount() == 0;
        return r;
    });
    if (result && result->wipeOrdered) emit wipeOrdered(allSent);
    if (result)
        emit syncFinished(true, result->pushed, result->pulled, result->refused, result->rejected,
                          result->impersonatedSeqs.size(), {}, {});
    else
        emit syncFinished(false, 0, 0, 0, 0, 0, toQString(result.error().code),
                          toQString(result.error().message));
}

void SyncWorker::runLogin(const QString& baseUrl, const QString& username, const QString& password,
                          const QString& caFile) {
    auto result = withSyncClient(m_service, baseUrl, {}, caFile, [&](SyncClient& client, Replica&) {
        return client.login(toStd(username), toStd(password));
    });
    if (result) emit loginDetails(toQString(result->sealKey), result->maxOfflineDays);
    if (result)
        emit attachmentLimits(result->attachmentLimits.maxFileBytes, result->attachmentLimits.maxPerRecord,
                              result->attachmentLimits.maxRecordBytes);
    if (result)
        emit loginFinished(true, toQString(result->token), toQString(result->username),
                           toQString(result->displayName), toQString(result->role),
                           toQString(result->scopeUnit), {}, {});
    else
        emit loginFinished(false, {}, {}, {}, {}, {}, toQString(result.error().code),
                           toQString(result.error().message));
}

namespace {
SyncClientOptions plainOptions(const QString& baseUrl, const QString& token, const QString& caFile) {
    SyncClientOptions options;
    options.baseUrl = toStd(baseUrl);
    options.caFile = toStd(caFile);
    options.token = toStd(token);
    options.timeoutSeconds = 15;
    return options;
}
}  // namespace

void SyncWorker::runUploadSealed(const QString& baseUrl, const QString& token,
                                 const QString& caFile, const QString& box) {
    auto result = uploadSealedOutbox(plainOptions(baseUrl, token, caFile), toStd(box));
    if (result) emit sealedUploaded(true, result->accepted, result->refused, {});
    else emit sealedUploaded(false, 0, 0, toQString(result.error().code));
}

void SyncWorker::runBlobs(const QString& baseUrl, const QString& token, const QString& caFile,
                          bool upload, const QStringList& wanted) {
    LocalBlobs* blobs = LocalBlobs::instance();
    const auto store = blobs ? blobs->store() : nullptr;
    if (!store) {
        emit blobsFinished(true, 0, 0, 0, {});
        return;
    }
    SyncClientOptions options = plainOptions(baseUrl, token, caFile);
    options.timeoutSeconds = 30;
    options.maxAttempts = 2;
    const auto report = [this](const BlobSyncProgress& p) {
        emit blobProgress(p.phase == BlobSyncProgress::Phase::Uploading, p.bytesDone, p.bytesTotal,
                          p.filesDone, p.filesTotal);
    };
    // BlobSync names the replica; fetch() touches only the store, so the replica stays free.
    Replica* replica = m_service->with([](Replica& r) { return &r; });
    BlobSync sync(*replica, *store, options);
    qulonglong fetched = 0, failed = 0;
    for (const QString& hash : wanted) {
        const Status s = sync.fetch(toStd(hash), 0, report);
        if (s) {
            ++fetched;
            emit blobArrived(hash);
            continue;
        }
        const std::string& code = s.error().code;
        if (code == "network" || code == "unauthorized" || code == "cancelled" ||
            code == "client_too_old" || code == "update_required" || code == "io") {
            emit blobsFinished(false, 0, fetched, failed, toQString(code));
            return;
        }
        ++failed;  // not on the server yet (blob_pending, blob_not_found): asked again later
    }
    qulonglong sent = 0;
    if (upload) {
        Replica& held = m_service->beginBackground([&sync] { sync.cancel(); });
        Result<BlobSyncResult> result = &held == replica ? sync.uploadPending(report)
                                                          : Result<BlobSyncResult>(Error{"cancelled", {}});
        m_service->endSync();
        if (!result) {
            emit blobsFinished(false, 0, fetched, failed, toQString(result.error().code));
            return;
        }
        sent = result->sent + result->alreadyThere;
        failed += result->failures.size();
    }
    emit blobsFinished(true, sent, fetched, failed, {});
}

void SyncWorker::runReportWiped(const QString& baseUrl, const QString& token, const QString& caFile) {
    const Status s = reportWiped(plainOptions(baseUrl, token, caFile));
    emit wipeReported(bool(s), s ? QString() : toQString(s.error().code));
}

SyncController::SyncController(ReplicaService* service, AppSettings* settings, QObject* parent)
    : QObject(parent), m_service(service), m_settings(settings), m_worker(new SyncWorker(service)) {
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::progress, this, &SyncController::onProgress);
    connect(m_worker, &SyncWorker::syncFinished, this, &SyncController::onFinished);
    connect(m_worker, &SyncWorker::loginFinished, this, &SyncController::loginFinished);
    connect(m_worker, &SyncWorker::wipeOrdered, this, &SyncController::wipeOrdered);
    connect(m_worker, &SyncWorker::sealedUploaded, this, &SyncController::sealedUploaded);
    connect(m_worker, &SyncWorker::wipeReported, this, &SyncController::wipeReported);
    connect(m_worker, &SyncWorker::attachmentLimits, this,
            [this](qlonglong maxFile, int maxPerRecord, qlonglong maxRecord) {
        m_settings->setValue(QStringLiteral("attachments/maxFileBytes"), maxFile);
        m_settings->setValue(QStringLiteral("attachments/maxPerRecord"), maxPerRecord);
        m_settings->setValue(QStringLiteral("attachments/maxRecordBytes"), maxRecord);
    });
    connect(m_worker, &SyncWorker::blobProgress, this,
            [this](bool uploading, qulonglong bytesDone, qulonglong bytesTotal, qulonglong filesDone,
                   qulonglong filesTotal) {
        m_blobsUploading = uploading;
        m_blobBytesDone = bytesDone;
        m_blobBytesTotal = bytesTotal;
        m_blobFilesDone = filesDone;
        m_blobFilesTotal = filesTotal;
        emit blobsChanged();
    });
    connect(m_worker, &SyncWorker::blobArrived, this, [](const QString& hash) {
        if (LocalBlobs* blobs = LocalBlobs::instance()) blobs->announceArrived(hash);
    });
    connect(m_worker, &SyncWorker::blobsFinished, this, &SyncController::onBlobsFinished);
    connect(settings, &AppSettings::recordsOnlyChanged, this, &SyncController::blobsChanged);
    if (LocalBlobs* blobs = LocalBlobs::instance())
        connect(blobs, &LocalBlobs::requested, this, [this] { syncBlobs(false); });
    connect(m_worker, &SyncWorker::loginDetails, this, [this](const QString& sealKey, int days) {
        m_settings->setValue(QStringLiteral("session/sealKey"), sealKey);
        m_settings->setValue(QStringLiteral("session/maxOfflineDays"), days);
    });
    m_thread.setObjectName(QStringLiteral("sync"));
    m_thread.start();

    m_periodic.setInterval(30'000);
    connect(&m_periodic, &QTimer::timeout, this, &SyncController::syncNow);
    m_soon.setSingleShot(true);
    m_soon.setInterval(3'000);
    connect(&m_soon, &QTimer::timeout, this, &SyncController::syncNow);
    connect(service, &ReplicaService::recordsChanged, this, [this](const QString& entity) {
        if (entity.isEmpty()) refreshCounts();
    });
    connect(settings, &AppSettings::languageChanged, this, [this] {
        emit stateChanged();
        emit progressChanged();
    });
    connect(service, &ReplicaService::localChangeWritten, this, [this] {
        refreshCounts();
        if (m_automatic) m_soon.start();
    });
    refreshCounts();
}

SyncController::~SyncController() {
    m_thread.quit();
    m_thread.wait();
    if (g_sync == this) g_sync = nullptr;
}

SyncController* SyncController::instance() { return g_sync; }
void SyncController::setInstance(SyncController* controller) { g_sync = controller; }
SyncController* SyncController::create(QQmlEngine*, QJSEngine*) {
    Q_ASSERT(g_sync);
    QJSEngine::setObjectOwnership(g_sync, QJSEngine::CppOwnership);
    return g_sync;
}

void SyncController::setAutomatic(bool on) {
    m_automatic = on;
    if (on) {
        m_periodic.start();
        m_soon.start();
    } else {
        m_periodic.stop();
        m_soon.stop();
    }
}

void SyncController::setBlocked(bool blocked) {
    if (m_blocked == blocked) return;
    m_blocked = blocked;
    if (!blocked && m_automatic) QTimer::singleShot(0, this, &SyncController::syncNow);
}

void SyncController::uploadSealed(const QString& box) {
    QMetaObject::invokeMethod(m_worker, "runUploadSealed", Qt::QueuedConnection,
                              Q_ARG(QString, m_settings->serverUrl()),
                              Q_ARG(QString, m_settings->value(kToken)),
                              Q_ARG(QString, m_settings->caFile()), Q_ARG(QString, box));
}

void SyncController::reportWiped(const QString& token) {
    QMetaObject::invokeMethod(m_worker, "runReportWiped", Qt::QueuedConnection,
                              Q_ARG(QString, m_settings->serverUrl()), Q_ARG(QString, token),
                              Q_ARG(QString, m_settings->caFile()));
}

void SyncController::syncNow() {
    const QString token = m_settings->value(kToken);
    if (m_running || token.isEmpty() || m_blocked) return;
    m_running = true;
    m_phase = static_cast<int>(SyncProgress::Phase::Connecting);
    m_done = m_total = 0;
    emit stateChanged();
    emit progressChanged();
    QMetaObject::invokeMethod(m_worker, "runSync", Qt::QueuedConnection,
                              Q_ARG(QString, m_settings->serverUrl()), Q_ARG(QString, token),
                              Q_ARG(QString, m_settings->caFile()));
}

void SyncController::login(const QString& username, const QString& password) {
    QMetaObject::invokeMethod(m_worker, "runLogin", Qt::QueuedConnection,
                              Q_ARG(QString, m_settings->serverUrl()), Q_ARG(QString, username),
                              Q_ARG(QString, password), Q_ARG(QString, m_settings->caFile()));
}

void SyncController::onProgress(int phase, qulonglong done, qulonglong total) {
    m_phase = phase;
    m_done = done;
    m_total = total;
    emit progressChanged();
}

void SyncController::onFinished(bool ok, qulonglong, qulonglong pulled, qulonglong refused,
                                qulonglong rejected, qulonglong impersonated, const QString& code,
                                const QString& message) {
    m_running = false;
    m_phase = 0;
    if (ok) {
        m_online = true;
        m_lastError.clear();
        // Nothing was lost, but someone altered or forged changes: the person must know.
        QStringList alarms;
        if (impersonated > 0)
            alarms << tr("Máy chủ đã nhận %n thay đổi mang mã của máy này nhưng không do máy "
                         "này ghi.", "", static_cast<int>(impersonated));
        if (rejected > 0)
            alarms << tr("%n thay đổi nhận về không có chữ ký hợp lệ của thiết bị đã ghi nên "
                         "không được nhận.", "", static_cast<int>(rejected));
        if (!alarms.isEmpty()) {
            const QString earlier = alarm();
            const QString now = formatDateTime(QDateTime::currentMSecsSinceEpoch()) + QStringLiteral(": ") +
                                alarms.join(u' ') + u' ' + tr("Hãy báo quản trị viên.");
            m_settings->setValue(kAlarm, earlier.isEmpty() ? now : earlier + u'\n' + now);
        }
        m_settings->setValue(kLastSynced, QDateTime::currentMSecsSinceEpoch());
    } else if (code == u"cancelled") {
        // The UI needed the replica; carry on shortly from where it stopped.
        m_soon.start(2'000);
    } else {
        m_lastError = describeError(code, message);
        m_online = !(code == u"network" || code.contains(u"connect") || code == u"timeout" ||
                     code == u"unreachable" || code == u"io_network");
    }
    refreshCounts();
    if (pulled > 0 || refused > 0 || !ok) m_service->announce(QString());
    emit stateChanged();
    emit progressChanged();
    emit finished(ok);
    // The attachments' bytes follow the records, never the other way round.
    if (ok) syncBlobs(!m_settings->recordsOnly());
}

void SyncController::refreshCounts() {
    const auto counts = m_service->with([](Replica& r) {
        const auto refusedList = r.refusedChanges();
        return std::pair<int, int>(static_cast<int>(r.unsentCount()),
                                   refusedList ? static_cast<int>(refusedList->size()) : 0);
    });
    if (counts.first == m_pending && counts.second == m_refused) return;
    m_pending = counts.first;
    m_refused = counts.second;
    emit countsChanged();
}

QString SyncController::phaseText() const {
    switch (static_cast<SyncProgress::Phase>(m_phase)) {
    case SyncProgress::Phase::Connecting: return tr("Đang kết nối máy chủ…");
    case SyncProgress::Phase::Pushing:
        return m_total ? tr("Đang gửi %1/%2 thay đổi").arg(m_done).arg(m_total)
                       : tr("Đang gửi %1 thay đổi").arg(m_done);
    case SyncProgress::Phase::Pulling:
        return m_total ? tr("Đang nhận %1/%2 thay đổi").arg(m_done).arg(m_total)
                       : tr("Đang nhận %1 thay đổi").arg(m_done);
    default: return {};
    }
}

double SyncController::progress() const { return m_total ? double(m_done) / double(m_total) : -1.0; }

QString SyncController::lastSyncedText() const {
    const qint64 ms = m_settings->value(kLastSynced).toLongLong();
    return ms > 0 ? formatDateTime(ms) : QString();
}

QString SyncController::outboxText() const {
    QStringList parts;
    if (m_refused > 0) parts << tr("%n thay đổi chưa được chấp nhận", "", m_refused);
    if (m_pending > 0) parts << tr("%n thay đổi chưa gửi", "", m_pending);
    return parts.isEmpty() ? tr("Mọi thay đổi đã được gửi") : parts.join(QStringLiteral(" · "));
}

QString SyncController::summary() const {
    if (m_running) return tr("Đang đồng bộ…");
    if (!m_online) return tr("Ngoại tuyến");
    if (!m_lastError.isEmpty()) return tr("Lỗi đồng bộ");
    const QString last = lastSyncedText();
    return last.isEmpty() ? tr("Chưa đồng bộ") : tr("Đã đồng bộ %1").arg(last);
}

void SyncController::syncBlobs(bool upload) {
    const QString token = m_settings->value(kToken);
    if (token.isEmpty() || m_blocked) return;
    if (m_running || m_blobsRunning) {  // once the current run ends
        m_blobsAgain = m_blobsAgain || upload;
        return;
    }
    LocalBlobs* blobs = LocalBlobs::instance();
    const QStringList wanted = blobs ? blobs->takeRequests() : QStringList();
    if (!upload && wanted.isEmpty()) return;
    m_blobsRunning = true;
    m_blobsAgain = false;
    m_blobBytesDone = m_blobBytesTotal = m_blobFilesDone = m_blobFilesTotal = 0;
    emit blobsChanged();
    QMetaObject::invokeMethod(m_worker, "runBlobs", Qt::QueuedConnection,
                              Q_ARG(QString, m_settings->serverUrl()), Q_ARG(QString, token),
                              Q_ARG(QString, m_settings->caFile()), Q_ARG(bool, upload),
                              Q_ARG(QStringList, wanted));
}

void SyncController::onBlobsFinished(bool ok, qulonglong sent, qulonglong fetched, qulonglong failed,
                                     const QString& code) {
    m_blobsRunning = false;
    if (ok) {
        QStringList parts;
        if (sent > 0) parts << tr("đã gửi %n tệp", "", static_cast<int>(sent));
        if (fetched > 0) parts << tr("đã tải về %n tệp", "", static_cast<int>(fetched));
        if (failed > 0) parts << tr("%n tệp chưa chuyển được, sẽ thử lại", "", static_cast<int>(failed));
        m_blobResult = parts.isEmpty() ? QString() : tr("Ảnh và tài liệu: %1").arg(parts.join(QStringLiteral(", ")));
    } else if (code == u"cancelled") {
        m_blobsAgain = true;  // the UI needed the replica: carry on shortly
    } else {
        m_blobResult = tr("Ảnh và tài liệu chưa đồng bộ được: %1").arg(describeError(code, {}));
    }
    emit blobsChanged();
    const bool upload = m_blobsAgain && !m_settings->recordsOnly();
    LocalBlobs* blobs = LocalBlobs::instance();
    if (upload || (blobs && ok)) QTimer::singleShot(code == u"cancelled" ? 2'000 : 0, this, [this, upload] { syncBlobs(upload); });
}

QString SyncController::blobText() const {
    const auto mb = [](qulonglong bytes) {
        return QLocale(QLocale::Vietnamese, QLocale::Vietnam).toString(double(bytes) / (1024.0 * 1024.0), 'f', 1);
    };
    if (m_blobsRunning && m_blobFilesTotal > 0)
        return (m_blobsUploading ? tr("Đang gửi ảnh và tài liệu: %1/%2 tệp · %3/%4 MB")
                                 : tr("Đang tải ảnh và tài liệu: %1/%2 tệp · %3/%4 MB"))
            .arg(m_blobFilesDone).arg(m_blobFilesTotal).arg(mb(m_blobBytesDone), mb(m_blobBytesTotal));
    if (m_blobsRunning) return tr("Đang đồng bộ ảnh và tài liệu…");
    if (m_settings->recordsOnly()) return tr("Chỉ đồng bộ hồ sơ: ảnh và tài liệu chờ mạng phù hợp.");
    return m_blobResult;
}

double SyncController::blobProgress() const {
    return m_blobBytesTotal ? double(m_blobBytesDone) / double(m_blobBytesTotal) : -1.0;
}

QString SyncController::alarm() const { return m_settings->value(kAlarm); }

void SyncController::dismissAlarm() {
    m_settings->setValue(kAlarm, QString());
    emit stateChanged();
}

QString SyncController::describeError(const QString& code, const QString& message) {
    Q_UNUSED(message)
    if (code == u"network" || code.contains(u"connect") || code == u"timeout" || code == u"unreachable")
        return tr("Không kết nối được máy chủ. Dữ liệu vẫn được lưu trên máy và sẽ tự đồng bộ khi có mạng.");
    if (code == u"invalid_credentials") return tr("Sai tên đăng nhập hoặc mật khẩu.");
    if (code == u"too_many_attempts")
        return tr("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.");
    if (code == u"unauthorized" || code == u"invalid_token" || code == u"token_expired" ||
        code == u"http_401")
        return tr("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.");
    if (code == u"forbidden" || code == u"http_403")
        return tr("Tài khoản không có quyền thực hiện thao tác này.");
    if (code == u"server_error" || code == u"push_stalled")
        return tr("Máy chủ đang gặp sự cố. Ứng dụng sẽ tự thử lại; dữ liệu vẫn an toàn trên máy.");
    if (code == u"unsupported_version" || code == u"update_required") return tr("Phiên bản ứng dụng đã cũ. Vui lòng cập nhật ứng dụng.");
    if (code == u"client_too_old")
        return tr("Phiên bản ứng dụng đã quá cũ, máy chủ không nhận nữa. Vui lòng cập nhật ứng "
                  "dụng; các thay đổi chưa gửi vẫn được giữ an toàn trên máy.");
    if (code == u"server_too_old")
        return tr("Máy chủ chưa được cập nhật cho phiên bản ứng dụng này. Các thay đổi chưa gửi "
                  "vẫn được giữ an toàn trên máy và sẽ được gửi khi máy chủ được cập nhật.");
    if (code == u"device_wipe")
        return tr("Quản trị viên đã thu hồi máy này: các thay đổi chưa gửi đang được gửi, sau đó "
                  "dữ liệu trên máy sẽ được xóa.");
    if (code == u"device_revoked")
        return tr("Máy này đã bị thu hồi quyền đồng bộ. Vui lòng liên hệ quản trị viên.");
    if (code == u"device_key_mismatch")
        return tr("Mã thiết bị của máy này đã được đăng ký với khóa khác. Vui lòng liên hệ quản trị viên.");
    if (code == u"bad_response")
        return tr("Máy chủ trả lời không đúng. Hãy kiểm tra địa chỉ máy chủ trong phần Cài đặt.");
    if (code == u"tls")
        return tr("Không tin được chứng chỉ bảo mật của máy chủ. Hãy kiểm tra địa chỉ máy chủ; nếu "
                  "đúng, liên hệ quản trị viên để cài chứng chỉ gốc cho máy.");
    if (code == u"https_required")
        return tr("Máy chủ chỉ nhận kết nối bảo mật: hãy sửa địa chỉ máy chủ thành https:// trong "
                  "phần Cài đặt.");
    if (code == u"too_many_connections" || code == u"busy" || code == u"request_timeout")
        return tr("Máy chủ đang bận. Ứng dụng sẽ tự thử lại; dữ liệu vẫn an toàn trên máy.");
    return tr("Đồng bộ chưa thành công (mã lỗi: %1). Dữ liệu vẫn an toàn trên máy.").arg(code);
}

}  // namespace nghedan::client
