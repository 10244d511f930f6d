#pragma once
// Sync scheduling and state for the UI: automatic when the server is reachable, on demand,
// progress with counts, offline indicator, last synced time, errors in plain Vietnamese.

#include <QObject>
#include <QThread>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace nghedan::client {

class ReplicaService;
class AppSettings;

/** Runs on the sync thread: sign-in requests and SyncClient::sync, one at a time. */
class SyncWorker : public QObject {
    Q_OBJECT
public:
    explicit SyncWorker(ReplicaService* service) : m_service(service) {}
public slots:
    void runSync(const QString& baseUrl, const QString& token, const QString& caFile);
    /** Signs in through SyncClient::login (the one login: retries, clock learning). */
    void runLogin(const QString& baseUrl, const QString& username, const QString& password,
                  const QString& caFile);
    /** Uploads a sealed outbox (sync_client.h uploadSealedOutbox); sealedUploaded follows. */
    void runUploadSealed(const QString& baseUrl, const QString& token, const QString& caFile,
                         const QString& box);
    /** After the records: fetches `wanted` (hashes a page shows), then, with `upload`, sends
     *  the attachments' bytes the server lacks (blob_sync.h); blobsFinished follows. The replica
     *  is held only while the upload reads it; a UI call cancels that (resumed later). */
    void runBlobs(const QString& baseUrl, const QString& token, const QString& caFile, bool upload,
                  const QStringList& wanted);
    /** Tells the server this device wiped its data; wipeReported follows. */
    void runReportWiped(const QString& baseUrl, const QString& token, const QString& caFile);
signals:
    void progress(int phase, qulonglong done, qulonglong total);
    /** The server ordered a wipe; `allSent`: nothing unsent remains after the last push. */
    void wipeOrdered(bool allSent);
    void loginDetails(const QString& sealKey, int maxOfflineDays);
    void attachmentLimits(qlonglong maxFileBytes, int maxPerRecord, qlonglong maxRecordBytes);
    /** `uploading` false: downloading. Bytes and files of this run. */
    void blobProgress(bool uploading, qulonglong bytesDone, qulonglong bytesTotal,
                      qulonglong filesDone, qulonglong filesTotal);
    void blobArrived(const QString& hash);
    void blobsFinished(bool ok, qulonglong sent, qulonglong fetched, qulonglong failed,
                       const QString& errorCode);
    void sealedUploaded(bool ok, qulonglong accepted, qulonglong refused, const QString& errorCode);
    void wipeReported(bool ok, const QString& errorCode);
    /** `rejected`: pulled changes without a valid proof; `impersonated`: changes the server
     *  got in this device's name that it did not write (SyncResult). */
    void syncFinished(bool ok, qulonglong pushed, qulonglong pulled, qulonglong refused,
                      qulonglong rejected, qulonglong impersonated, const QString& errorCode,
                      const QString& errorMessage);
    void loginFinished(bool ok, const QString& token, const QString& username,
                       const QString& displayName, const QString& role, const QString& scopeUnit,
                       const QString& errorCode, const QString& errorMessage);

private:
    ReplicaService* m_service;
};

/** QML singleton "Sync". Created in main with the services; UI thread only. */
class SyncController : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Sync)
    QML_SINGLETON
    Q_PROPERTY(bool running READ running NOTIFY stateChanged)
    Q_PROPERTY(bool online READ online NOTIFY stateChanged)
    Q_PROPERTY(QString phaseText READ phaseText NOTIFY progressChanged)
    Q_PROPERTY(qulonglong progressDone READ progressDone NOTIFY progressChanged)
    Q_PROPERTY(qulonglong progressTotal READ progressTotal NOTIFY progressChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY countsChanged)
    Q_PROPERTY(int refusedCount READ refusedCount NOTIFY countsChanged)
    /** "1 thay đổi chưa được chấp nhận · 2 thay đổi chưa gửi" / "Mọi thay đổi đã được gửi":
     *  never says all is sent while a change waits or was refused. */
    Q_PROPERTY(QString outboxText READ outboxText NOTIFY countsChanged)
    Q_PROPERTY(QString lastSyncedText READ lastSyncedText NOTIFY stateChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY stateChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY stateChanged)
    /** What a sync found that someone altered or forged (SyncResult::rejected,
     *  impersonatedSeqs): kept across syncs and restarts until the person dismisses it. */
    Q_PROPERTY(QString alarm READ alarm NOTIFY stateChanged)
    /** The attachments' bytes moving after the records (never before them). */
    Q_PROPERTY(bool blobsRunning READ blobsRunning NOTIFY blobsChanged)
    /** "Đang gửi ảnh và tài liệu: 2/5 tệp · 1,2/8,0 MB", what the last run left, or empty. */
    Q_PROPERTY(QString blobText READ blobText NOTIFY blobsChanged)
    Q_PROPERTY(double blobProgress READ blobProgress NOTIFY blobsChanged)

public:
    SyncController(ReplicaService* service, AppSettings* settings, QObject* parent = nullptr);
    ~SyncController() override;
    static SyncController* instance();
    static void setInstance(SyncController* controller);
    static SyncController* create(QQmlEngine* qml, QJSEngine* js);

    /** Starts a sync now unless one runs or nobody is signed in. */
    Q_INVOKABLE void syncNow();
    /** The person has seen the alarm (and told the administrator). */
    Q_INVOKABLE void dismissAlarm();
    /** Turns automatic sync (every 30 s while signed in, 3 s after a local change) on/off. */
    void setAutomatic(bool on);
    /** Signs in on the sync thread; loginFinished follows. */
    void login(const QString& username, const QString& password);
    /** While blocked (the data is locked) no sync starts; unblocking starts one when
     *  automatic. */
    void setBlocked(bool blocked);
    bool blocked() const { return m_blocked; }
    /** Uploads a sealed outbox with the signed-in token (sealedUploaded follows). */
    void uploadSealed(const QString& box);
    /** Tells the server, with `token`, that this device wiped (wipeReported follows). */
    void reportWiped(const QString& token);
    /** Call after counts may have changed (a write, a conflict resolved). */
    Q_INVOKABLE void refreshCounts();

    bool running() const { return m_running; }
    bool online() const { return m_online; }
    QString phaseText() const;
    qulonglong progressDone() const { return m_done; }
    qulonglong progressTotal() const { return m_total; }
    double progress() const;
    int pendingCount() const { return m_pending; }
    int refusedCount() const { return m_refused; }
    QString outboxText() const;
    QString lastSyncedText() const;
    QString lastError() const { return m_lastError; }
    QString alarm() const;
    QString summary() const;
    bool blobsRunning() const { return m_blobsRunning; }
    QString blobText() const;
    double blobProgress() const;
    /** Starts moving attachment bytes now (after a records sync; on a page's request). */
    void syncBlobs(bool upload);

    /** A plain-Vietnamese sentence for an error code from the server or the network. */
    static QString describeError(const QString& code, const QString& message);

signals:
    void stateChanged();
    void progressChanged();
    void countsChanged();
    void blobsChanged();
    void finished(bool ok);
    void loginFinished(bool ok, const QString& token, const QString& username,
                       const QString& displayName, const QString& role, const QString& scopeUnit,
                       const QString& errorCode, const QString& errorMessage);
    void wipeOrdered(bool allSent);
    void sealedUploaded(bool ok, qulonglong accepted, qulonglong refused, const QString& errorCode);
    void wipeReported(bool ok, const QString& errorCode);

private:
    void onProgress(int phase, qulonglong done, qulonglong total);
    void onFinished(bool ok, qulonglong pushed, qulonglong pulled, qulonglong refused,
                    qulonglong rejected, qulonglong impersonated, const QString& code,
                    const QString& message);

    void onBlobsFinished(bool ok, qulonglong sent, qulonglong fetched, qulonglong failed,
                         const QString& code);

    ReplicaService* m_service;
    AppSettings* m_settings;
    bool m_blobsRunning = false, m_blobsUploading = false, m_blobsAgain = false;
    qulonglong m_blobBytesDone = 0, m_blobBytesTotal = 0, m_blobFilesDone = 0, m_blobFilesTotal = 0;
    QString m_blobResult;
    QThread m_thread;
    SyncWorker* m_worker;
    QTimer m_periodic, m_soon;
    bool m_running = false, m_online = true, m_automatic = false, m_blocked = false;
    int m_phase = 0;
    qulonglong m_done = 0, m_total = 0;
    int m_pending = 0, m_refused = 0;
    QString m_lastError;
};

}  // namespace nghedan::client
