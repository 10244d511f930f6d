// Photos and documents of records on the tablet: the photo pipeline (upright, scaled, re-encoded
// without metadata), documents kept as they are, the limits checked before anything is stored,
// and attachments added, captioned and removed through the model, on a real replica file and
// a real blob store. The fixtures are made here: JPEGs carrying an EXIF segment (orientation,
// GPS position, date taken) built byte by byte, XMP and a comment, and a 40 MP photo.

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>
#include <memory>

#include "app_services.h"
#include "app_settings.h"
#include "attachment_list_model.h"
#include "blob_image_provider.h"
#include "demo_seed.h"
#include "history_list_model.h"
#include "local_blobs.h"
#include "nghedan/replica.h"
#include "petition_controller.h"
#include "photo_import.h"
#include "replica_service.h"
#include "session_controller.h"
#include "value_format.h"

using namespace nghedan;
using namespace nghedan::client;

namespace {

void put16(QByteArray& b, quint16 v) {
    b.append(char(v & 0xFF)).append(char(v >> 8));
}
void put32(QByteArray& b, quint32 v) {
    put16(b, quint16(v & 0xFFFF)), put16(b, quint16(v >> 16));
}
void entry(QByteArray& b, quint16 tag, quint16 type, quint32 count, quint32 value) {
    put16(b, tag), put16(b, type), put32(b, count), put32(b, value);
}

/** An EXIF APP1 segment (little-endian TIFF): IFD0 with Orientation, an Exif IFD with
 *  DateTimeOriginal and a GPS IFD with a latitude, as a phone writes them. */
QByteArray exifSegment(quint16 orientation, const QByteArray& takenAt) {
    QByteArray t("II\x2A\x00\x08\x00\x00\x00", 8);
    const quint32 ifd0 = 8, exifIfd = ifd0 + 2 + 3 * 12 + 4, dateAt = exifIfd + 2 + 12 + 4,
                  gpsIfd = dateAt + 20, latAt = gpsIfd + 2 + 2 * 12 + 4;
    put16(t, 3);
    entry(t, 0x0112, 3, 1, orientation);
    entry(t, 0x8769, 4, 1, exifIfd);
    entry(t, 0x8825, 4, 1, gpsIfd);
    put32(t, 0);
    put16(t, 1);
    entry(t, 0x9003, 2, 20, dateAt);
    put32(t, 0);
    t.append(takenAt.left(19)).append('\0');
    put16(t, 2);
    entry(t, 0x0001, 2, 2, 'N');
    entry(t, 0x0002, 5, 3, latAt);
    put32(t, 0);
    for (quint32 v : {10u, 1u, 49u, 1u, 2400u, 100u}) put32(t, v);
    const QByteArray payload = QByteArray("Exif\0\0", 6) + t;
    QByteArray segment("\xFF\xE1", 2);
    segment.append(char((payload.size() + 2) >> 8)).append(char((payload.size() + 2) & 0xFF));
    return segment + payload;
}

QByteArray markerSegment(quint8 marker, const QByteArray& payload) {
    QByteArray segment;
    segment.append(char(0xFF)).append(char(marker));
    segment.append(char((payload.size() + 2) >> 8)).append(char((payload.size() + 2) & 0xFF));
    return segment + payload;
}

/** A 400×200 JPEG, left half red and right half blue, with EXIF (orientation, GPS, date),
 *  an XMP packet and a comment inserted after SOI. */
QByteArray taggedJpeg(quint16 orientation) {
    QImage image(400, 200, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QPainter(&image).fillRect(0, 0, 200, 200, Qt::red);
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(90);
    if (!writer.write(image)) qFatal("cannot write the fixture");
    const QByteArray xmp = QByteArray("http://ns.adobe.com/xap/1.0/\0", 29) +
                           "<x:xmpmeta><exif:GPSLatitude>10,49.24N</exif:GPSLatitude></x:xmpmeta>";
    jpeg.insert(2, exifSegment(orientation, "2026:03:05 14:30:00") + markerSegment(0xE1, xmp) +
                       markerSegment(0xFE, "GPS 10.8234 106.6297 nha ong Tu"));
    return jpeg;
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readBlob(BlobStore& store, const std::string& hash) {
    auto reader = store.open(hash);
    if (!reader) return {};
    QByteArray out(static_cast<qsizetype>(reader.value()->size()), '\0');
    qsizetype at = 0;
    while (at < out.size()) {
        auto got = reader.value()->read(static_cast<std::uint64_t>(at), out.data() + at,
                                        static_cast<std::size_t>(out.size() - at));
        if (!got || got.value() == 0) break;
        at += static_cast<qsizetype>(got.value());
    }
    return out.left(at);
}

/** The markers of a JPEG's header, up to the start of scan, and the header bytes. */
QList<quint8> headerMarkers(const QByteArray& jpeg, QByteArray* header) {
    QList<quint8> markers;
    qsizetype at = 2;
    while (at + 4 <= jpeg.size() && quint8(jpeg[at]) == 0xFF) {
        const quint8 marker = quint8(jpeg[at + 1]);
        markers << marker;
        if (marker == 0xDA) break;
        at += 2 + ((quint8(jpeg[at + 2]) << 8) | quint8(jpeg[at + 3]));
    }
    if (header) *header = jpeg.left(at);
    return markers;
}

bool isRed(QRgb c) {
    return qRed(c) > 180 && qBlue(c) < 80;
}
bool isBlue(QRgb c) {
    return qBlue(c) > 180 && qRed(c) < 80;
}

}  // namespace

class AttachmentsTest : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void aPhotoIsStoredUprightWithoutExifGpsXmpOrComment();
    void theOtherOrientationTurnsTheOtherWay();
    void aFortyMegapixelPhotoIsStoredAtMost2048Pixels();
    void aDocumentIsStoredAsItIs();
    void aDocumentWhoseBytesDoNotMatchItsNameIsRefused();
    void aFileOverTheLimitIsRefusedBeforeAnythingIsStored();
    void tooManyAttachmentsAreRefusedBeforeStoring();
    void anAttachmentIsAddedCaptionedAndRemovedThroughTheModel();
    void anAdminMayNotAttach();
    void aMissingBlobShowsThePlaceholderAndIsAskedFor();
    void aTypedPlaceIsStoredAsMicrodegrees();

private:
    QString fixture(const QString& name, const QByteArray& bytes);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppServices> m_services;
    demo::DemoIds m_ids;
};

void AttachmentsTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_services = AppServices::start(m_dir->filePath(QStringLiteral("data")), {}, &error);
    QVERIFY2(m_services, qPrintable(error));
    std::string seedError;
    const bool seeded = m_services->replica()->with(
        [&](Replica& r) { return demo::seedDemo(r, "can.bo.lan", m_ids, &seedError); });
    QVERIFY2(seeded, seedError.c_str());
    m_services->session()->signInOffline("can.bo.lan", "Nguyễn Thị Lan", toQString(m_ids.ward));
    m_services->replica()->announce({});
}

void AttachmentsTest::cleanup() {
    m_services.reset();
    m_dir.reset();
}

QString AttachmentsTest::fixture(const QString& name, const QByteArray& bytes) {
    const QString path = m_dir->filePath(name);
    if (!writeFile(path, bytes)) qFatal("cannot write a fixture");
    return path;
}

void AttachmentsTest::aPhotoIsStoredUprightWithoutExifGpsXmpOrComment() {
    const QString path = fixture(QStringLiteral("IMG_0001.JPG"), taggedJpeg(6));
    auto store = m_services->blobs()->store();
    QVERIFY(store);
    auto imported = importAttachmentFile(path, *store, {}, {});
    QVERIFY2(imported, imported ? "" : imported.error().message.c_str());
    QCOMPARE(imported->kind, QStringLiteral("photo"));
    QCOMPARE(imported->mime, QStringLiteral("image/jpeg"));
    QCOMPARE(imported->fileName, QStringLiteral("IMG_0001.jpg"));
    // Orientation 6: turned 90° clockwise, the red left half is now on top.
    QCOMPARE(imported->width, 200);
    QCOMPARE(imported->height, 400);
    QVERIFY(imported->takenAtMs.has_value());
    QCOMPARE(formatDateTime(*imported->takenAtMs), QStringLiteral("05/03/2026 14:30"));

    const QByteArray stored = readBlob(*store, imported->blob.hash);
    QCOMPARE(static_cast<std::uint64_t>(stored.size()), imported->blob.size);
    QImage image = QImage::fromData(stored, "jpeg");
    QCOMPARE(image.size(), QSize(200, 400));
    QVERIFY(isRed(image.pixel(100, 50)));
    QVERIFY(isBlue(image.pixel(100, 350)));

    QByteArray header;
    const QList<quint8> markers = headerMarkers(stored, &header);
    QVERIFY(markers.contains(0xDA));
    QVERIFY2(!markers.contains(0xE1), "an APP1 (EXIF or XMP) segment was kept");
    QVERIFY2(!markers.contains(0xFE), "a comment was kept");
    for (quint8 m : markers) QVERIFY2(m < 0xE1 || m > 0xEF, "an application segment was kept");
    QVERIFY(!header.contains("Exif"));
    QVERIFY(!header.contains("GPS"));
    QVERIFY(!header.contains("xap"));
    QVERIFY(!header.contains("xmpmeta"));

    // The thumbnail: at most 320 px, upright, as plain.
    const QByteArray thumbBytes = readBlob(*store, imported->thumb.hash);
    QCOMPARE(static_cast<std::uint64_t>(thumbBytes.size()), imported->thumb.size);
    const QImage thumb = QImage::fromData(thumbBytes, "jpeg");
    QCOMPARE(thumb.size(), QSize(160, 320));
    QVERIFY(isRed(thumb.pixel(80, 40)));
    QVERIFY(!headerMarkers(thumbBytes, nullptr).contains(0xE1));
    // The temporary files are gone: only the two blobs are in the store.
    auto listed = store->list();
    QVERIFY(listed);
    QCOMPARE(listed->size(), std::size_t(2));
    QVERIFY(store->listPartial()->empty());
}

void AttachmentsTest::theOtherOrientationTurnsTheOtherWay() {
    const QString path = fixture(QStringLiteral("IMG_0002.jpg"), taggedJpeg(8));
    auto store = m_services->blobs()->store();
    auto imported = importAttachmentFile(path, *store, {}, {});
    QVERIFY(imported);
    const QImage image = QImage::fromData(readBlob(*store, imported->blob.hash), "jpeg");
    QCOMPARE(image.size(), QSize(200, 400));
    // Orientation 8: turned 90° anticlockwise, the red left half is now at the bottom.
    QVERIFY(isBlue(image.pixel(100, 50)));
    QVERIFY(isRed(image.pixel(100, 350)));
}

void AttachmentsTest::aFortyMegapixelPhotoIsStoredAtMost2048Pixels() {
    const QString path = m_dir->filePath(QStringLiteral("big.jpg"));
    {
        QImage big(7300, 5480, QImage::Format_RGB888);
        big.fill(Qt::darkGreen);
        QPainter painter(&big);
        painter.fillRect(0, 0, 3650, 5480, QColor(200, 30, 30));  // left half red
        painter.end();
        QImageWriter writer(path, "jpeg");
        writer.setQuality(85);
        QVERIFY(writer.write(big));
    }
    auto store = m_services->blobs()->store();
    auto imported = importAttachmentFile(path, *store, {}, {});
    QVERIFY2(imported, imported ? "" : imported.error().message.c_str());
    QCOMPARE(imported->width, 2048);
    QCOMPARE(imported->height, 1537);
    const QImage image = QImage::fromData(readBlob(*store, imported->blob.hash), "jpeg");
    QCOMPARE(image.size(), QSize(2048, 1537));
    QVERIFY(qRed(image.pixel(100, 700)) > 150);
    QVERIFY(qGreen(image.pixel(1900, 700)) > 60 && qRed(image.pixel(1900, 700)) < 60);
    qInfo("40 MP photo (%lld bytes) stored as %llu bytes, thumbnail %llu bytes",
          QFileInfo(path).size(), static_cast<unsigned long long>(imported->blob.size),
          static_cast<unsigned long long>(imported->thumb.size));
}

void AttachmentsTest::aDocumentIsStoredAsItIs() {
    QByteArray pdf("%PDF-1.4\n% Biên bản khảo sát\n");
    for (int i = 0; i < 2000; ++i) pdf += "1 0 obj << /Type /Page >> endobj\n";
    const QString path = fixture(QStringLiteral("bien-ban.pdf"), pdf);
    auto store = m_services->blobs()->store();
    auto imported = importAttachmentFile(path, *store, {}, {});
    QVERIFY(imported);
    QCOMPARE(imported->kind, QStringLiteral("document"));
    QCOMPARE(imported->mime, QStringLiteral("application/pdf"));
    QCOMPARE(imported->fileName, QStringLiteral("bien-ban.pdf"));
    QVERIFY(imported->thumb.hash.empty());
    QCOMPARE(readBlob(*store, imported->blob.hash), pdf);

    QByteArray odt("PK\x03\x04", 4);
    odt += QByteArray(26, '\0') + "mimetypeapplication/vnd.oasis.opendocument.text" +
           QByteArray(100, 'x');
    QCOMPARE(documentMime(fixture(QStringLiteral("to-trinh.odt"), odt)),
             QStringLiteral("application/vnd.oasis.opendocument.text"));
    QCOMPARE(documentMime(fixture(QStringLiteral("bang.ods"), odt)), QString());
    QCOMPARE(documentMime(fixture(QStringLiteral("cu.doc"),
                                  QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", 12))),
             QStringLiteral("application/msword"));
}

void AttachmentsTest::aDocumentWhoseBytesDoNotMatchItsNameIsRefused() {
    const QString path = fixture(QStringLiteral("hoa-don.pdf"), "MZ\x90\x00 not a pdf at all");
    auto store = m_services->blobs()->store();
    auto imported = importAttachmentFile(path, *store, {}, {});
    QVERIFY(!imported);
    QCOMPARE(QString::fromStdString(imported.error().code), QStringLiteral("unsupported_file"));
    QVERIFY(store->list()->empty());
    // A file that is no picture either.
    auto notPhoto =
        importAttachmentFile(fixture(QStringLiteral("ghi-chu.txt"), "chỉ là chữ"), *store, {}, {});
    QVERIFY(!notPhoto);
    QCOMPARE(QString::fromStdString(notPhoto.error().code), QStringLiteral("unsupported_file"));
    QVERIFY(store->list()->empty());
}

void AttachmentsTest::aFileOverTheLimitIsRefusedBeforeAnythingIsStored() {
    m_services->settings()->setValue(QStringLiteral("attachments/maxFileBytes"), 2000);
    AttachmentListModel model;
    model.setParentEntity(QStringLiteral("petition"));
    model.setParentId(toQString(m_ids.transportPetition));
    const QString path = fixture(QStringLiteral("IMG_0003.jpg"), taggedJpeg(1));
    QVERIFY(!model.addFile(QUrl::fromLocalFile(path), QStringLiteral("Xe khách đỗ trên đường")));
    QVERIFY2(model.lastError().contains(QStringLiteral("lớn hơn mức cho phép")),
             qPrintable(model.lastError()));
    QCOMPARE(model.count(), 0);
    auto store = m_services->blobs()->store();
    QVERIFY(store->list()->empty());
    QVERIFY(store->listPartial()->empty());
}

void AttachmentsTest::tooManyAttachmentsAreRefusedBeforeStoring() {
    m_services->settings()->setValue(QStringLiteral("attachments/maxPerRecord"), 1);
    AttachmentListModel model;
    model.setParentEntity(QStringLiteral("petition"));
    model.setParentId(toQString(m_ids.transportPetition));
    QVERIFY(model.addFile(QUrl::fromLocalFile(fixture(QStringLiteral("a.jpg"), taggedJpeg(1)))));
    QCOMPARE(model.count(), 1);
    auto store = m_services->blobs()->store();
    const std::size_t before = store->list()->size();
    QVERIFY(!model.addFile(QUrl::fromLocalFile(fixture(QStringLiteral("b.jpg"), taggedJpeg(3)))));
    QVERIFY(model.lastError().contains(QStringLiteral("tối đa")));
    QCOMPARE(model.count(), 1);
    QCOMPARE(store->list()->size(), before);
}

void AttachmentsTest::anAttachmentIsAddedCaptionedAndRemovedThroughTheModel() {
    AttachmentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setParentEntity(QStringLiteral("petition"));
    model.setParentId(toQString(m_ids.transportPetition));
    QCOMPARE(model.count(), 0);
    QVERIFY(model.canAdd());
    QSignalSpy added(&model, &AttachmentListModel::added);
    const QString path = fixture(QStringLiteral("IMG_0004.jpg"), taggedJpeg(6));
    QVERIFY2(
        model.addFile(QUrl::fromLocalFile(path), QStringLiteral("  Xe khách đỗ trước nhà số 12  ")),
        qPrintable(model.lastError()));
    QCOMPARE(added.count(), 1);
    QCOMPARE(model.count(), 1);
    const QString id = added.at(0).at(0).toString();
    const QVariantMap row = model.get(0);
    QCOMPARE(row.value("attachmentId").toString(), id);
    QCOMPARE(row.value("kind").toString(), QStringLiteral("photo"));
    QCOMPARE(row.value("caption").toString(), QStringLiteral("Xe khách đỗ trước nhà số 12"));
    QCOMPARE(row.value("takenAtText").toString(), QStringLiteral("05/03/2026 14:30"));
    QCOMPARE(row.value("photoWidth").toInt(), 200);
    QVERIFY(row.value("available").toBool());
    QVERIFY(row.value("thumbSource").toString().startsWith(QStringLiteral("image://blob/")));

    // The record: its parent's unit, the blob's name and size.
    auto record =
        m_services->replica()->with([&](Replica& r) { return r.get("attachment", toStd(id)); });
    QVERIFY(record && record.value());
    auto petition = m_services->replica()->with(
        [&](Replica& r) { return r.get("petition", m_ids.transportPetition); });
    QCOMPARE(jsonString(record.value()->values, "unit"),
             jsonString(petition.value()->values, "unit"));
    const std::string sha = jsonString(record.value()->values, "sha256");
    QVERIFY(m_services->blobs()->holds(toQString(sha)));

    // The same photo on another record is one blob.
    const std::size_t blobsBefore = m_services->blobs()->store()->list()->size();
    AttachmentListModel other;
    other.setParentEntity(QStringLiteral("meeting"));
    other.setParentId(toQString(m_ids.weekMeeting));
    QVERIFY(other.addFile(QUrl::fromLocalFile(path)));
    QCOMPARE(m_services->blobs()->store()->list()->size(), blobsBefore);

    QVERIFY(model.setCaption(id, QStringLiteral("Xe khách đỗ trước nhà số 14")));
    QCOMPARE(model.get(0).value("caption").toString(),
             QStringLiteral("Xe khách đỗ trước nhà số 14"));

    QVERIFY(model.remove(id));
    QCOMPARE(model.count(), 0);
    QCOMPARE(other.count(), 1);
    // Removal is a change like any other: the record stays, marked deleted, with its history.
    auto removed =
        m_services->replica()->with([&](Replica& r) { return r.get("attachment", toStd(id)); });
    QVERIFY(removed && removed.value());
    QCOMPARE(removed.value()->values.value("deleted", false), true);
    HistoryListModel history;
    history.setEntity(QStringLiteral("attachment"));
    history.setRecordId(id);
    QCOMPARE(history.count(), 3);
    // The petition's own history tells it too, newest first.
    HistoryListModel petitionHistory;
    petitionHistory.setEntity(QStringLiteral("petition"));
    petitionHistory.setRecordId(toQString(m_ids.transportPetition));
    QStringList summaries;
    for (int i = 0; i < petitionHistory.count(); ++i)
        summaries << petitionHistory.data(petitionHistory.index(i), HistoryListModel::SummaryRole)
                         .toString();
    QCOMPARE(summaries.value(0), QStringLiteral("Xóa ảnh: Xe khách đỗ trước nhà số 14"));
    QCOMPARE(summaries.value(1), QStringLiteral("Chú thích: Xe khách đỗ trước nhà số 14"));
    QCOMPARE(summaries.value(2), QStringLiteral("Thêm ảnh: Xe khách đỗ trước nhà số 14"));
}

void AttachmentsTest::anAdminMayNotAttach() {
    m_services->session()->signInOffline("quan.tri", "Quản trị", toQString(m_ids.city),
                                         QStringLiteral("admin"));
    AttachmentListModel model;
    model.setParentEntity(QStringLiteral("petition"));
    model.setParentId(toQString(m_ids.transportPetition));
    QVERIFY(!model.canAdd());
    QVERIFY(!model.addFile(QUrl::fromLocalFile(fixture(QStringLiteral("c.jpg"), taggedJpeg(1)))));
    QVERIFY(!model.lastError().isEmpty());
    QVERIFY(m_services->blobs()->store()->list()->empty());
}

void AttachmentsTest::aMissingBlobShowsThePlaceholderAndIsAskedFor() {
    AttachmentListModel model;
    model.setParentEntity(QStringLiteral("petition"));
    model.setParentId(toQString(m_ids.transportPetition));
    QVERIFY(model.addFile(QUrl::fromLocalFile(fixture(QStringLiteral("d.jpg"), taggedJpeg(6)))));
    const QVariantMap row = model.get(0);
    BlobImageProvider provider;
    QSize size;
    const QString thumbId =
        row.value("thumbSource").toString().mid(QStringLiteral("image://blob/").size());
    const QImage thumb = provider.requestImage(thumbId, &size, {});
    QCOMPARE(size, QSize(160, 320));
    QVERIFY(isRed(thumb.pixel(80, 40)));

    // The bytes are not on this tablet (another device took the photo): a placeholder, asked for.
    auto record = m_services->replica()->with([&](Replica& r) {
        return r.get("attachment", toStd(row.value("attachmentId").toString()));
    });
    const QString sha = toQString(jsonString(record.value()->values, "sha256"));
    QVERIFY(m_services->blobs()->store()->remove(toStd(sha)));
    QSignalSpy requested(m_services->blobs(), &LocalBlobs::requested);
    const QImage missing = provider.requestImage(sha, &size, QSize(800, 800));
    QCOMPARE(missing, BlobImageProvider::placeholder());
    QVERIFY(requested.wait(2000));
    QCOMPARE(m_services->blobs()->takeRequests(), QStringList{sha});
    model.requestFull(row.value("attachmentId").toString());
    QCOMPARE(m_services->blobs()->takeRequests(), QStringList{sha});
}

void AttachmentsTest::aTypedPlaceIsStoredAsMicrodegrees() {
    PetitionController petition;
    petition.setRecordId(toQString(m_ids.transportPetition));
    QVERIFY(petition.placeText().isEmpty());
    QVERIFY(!petition.setPlace(QStringLiteral("95.1"), QStringLiteral("106.6")));
    QVERIFY(petition.lastError().contains(QStringLiteral("vĩ độ")));
    QVERIFY(!petition.setPlace(QStringLiteral("mười"), QStringLiteral("106.6")));
    QVERIFY2(petition.setPlace(QStringLiteral("10,823456"), QStringLiteral(" 106.629701 "), 15),
             qPrintable(petition.lastError()));
    auto record = m_services->replica()->with(
        [&](Replica& r) { return r.get("petition", m_ids.transportPetition); });
    QCOMPARE(record.value()->values.value("place_lat", 0LL), 10'823'456LL);
    QCOMPARE(record.value()->values.value("place_lon", 0LL), 106'629'701LL);
    QCOMPARE(record.value()->values.value("place_accuracy", 0LL), 15LL);
    QVERIFY(record.value()->values.value("place_at", 0LL) > 0);
    QCOMPARE(petition.placeLatitude(), QStringLiteral("10.823456"));
    QCOMPARE(petition.placeLongitude(), QStringLiteral("106.629701"));
    QVERIFY(petition.placeText().startsWith(
        QStringLiteral("10.823456, 106.629701 (sai số khoảng 15 m)")));
}

QTEST_MAIN(AttachmentsTest)
#include "tst_attachments.moc"
