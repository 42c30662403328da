#include "FileUpload.h"

#include "api/ApiError.h"
#include "api/ResponseParsers.h"
#include "net/PartSender.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QNetworkRequest>
#include <QTimer>

// Parts log their number, status and time, never their URL (its signature is a credential).
Q_LOGGING_CATEGORY(lcTransfers, "koodrive.transfers", QtInfoMsg)

namespace koodrive::transfers {

using api::ApiError;
using api::KooDriveClient;

namespace {
ApiError uploadError(ApiError::Kind kind, const QString &message, bool retryable = false)
{
    ApiError error;
    error.kind = kind;
    error.message = message;
    error.retryable = retryable;
    return error;
}
} // namespace

FileUpload::FileUpload(KooDriveClient *client, Options options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_options(std::move(options))
    , m_sender(new net::PartSender(this))
{
    connect(m_sender, &net::PartSender::sent, this, [this](qint64 sent, qint64) {
        if (m_stage == Stage::Sending && m_sending >= 0 && sent > 0)
            emit progress(m_sentBefore + std::min(sent, m_parts.at(m_sending).size), m_length);
    });
    connect(m_sender, &net::PartSender::finished, this, [this] {
        if (m_sending < 0)
            return;
        qCDebug(lcTransfers).noquote() << "part" << m_parts.at(m_sending).number << "of" << m_parts.size()
                                       << m_sender->outcome().status << m_partTimer.elapsed() << "ms";
        onPartSent(m_sending);
    });
}

FileUpload::~FileUpload()
{
    m_stopHashing->store(true);
    m_call.cancel();
    m_sender->abort();
}

int FileUpload::fileTypeFor(const QString &mimeType)
{
    using namespace api::FileType;
    if (mimeType.startsWith(QLatin1String("image/")))
        return Image;
    if (mimeType.startsWith(QLatin1String("video/")))
        return Video;
    if (mimeType.startsWith(QLatin1String("audio/")))
        return Audio;
    const QMimeType type = QMimeDatabase().mimeTypeForName(mimeType);
    auto is = [&type](const char *name) { return type.inherits(QLatin1String(name)); };
    if (is("application/msword") ||
        is("application/vnd.openxmlformats-officedocument.wordprocessingml.document") ||
        is("application/vnd.oasis.opendocument.text"))
        return Word;
    if (is("application/vnd.ms-excel") ||
        is("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") ||
        is("application/vnd.oasis.opendocument.spreadsheet"))
        return Excel;
    if (is("application/vnd.ms-powerpoint") ||
        is("application/vnd.openxmlformats-officedocument.presentationml.presentation") ||
        is("application/vnd.oasis.opendocument.presentation"))
        return Presentation;
    if (is("application/zip") || is("application/x-tar") || is("application/gzip") ||
        is("application/x-7z-compressed") || is("application/vnd.rar"))
        return Archive;
    if (is("application/vnd.android.package-archive") || is("application/x-executable"))
        return App;
    return Other;
}

void FileUpload::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    emit stageChanged(stage);
}

void FileUpload::start()
{
    if (m_stage != Stage::Waiting)
        return;
    const QFileInfo info(m_options.localPath);
    if (!info.isFile() || !info.isReadable()) {
        // Never from inside start(): whoever starts connects to finished() first or after, as they like.
        setStage(Stage::Hashing);
        const ApiError error = ApiError::invalidInput(
            QStringLiteral("localPath"), tr("%1 is not a file that can be read.").arg(info.fileName()));
        QTimer::singleShot(0, this, [this, error] { fail(error); });
        return;
    }
    if (m_options.fileName.isEmpty())
        m_options.fileName = info.fileName();
    if (m_options.mimeType.isEmpty())
        m_options.mimeType = QMimeDatabase().mimeTypeForFile(info).name();
    if (m_options.fileType == 0)
        m_options.fileType = fileTypeFor(m_options.mimeType);
    if (m_options.resume)
        return resumeUpload(*m_options.resume);
    m_modifiedMs = info.lastModified().toMSecsSinceEpoch();
    setStage(Stage::Hashing);
    // OPERATIONS.md §3: the whole file's SHA-256 goes with createFile (autoRename 4, rapid upload) and
    // completeFile; it is read from disk once, off this thread.
    FileHasher::sha256(m_options.localPath, m_stopHashing, this, [this](const FileHasher::Digest &digest) {
        if (m_stage != Stage::Hashing)
            return;
        if (!digest.ok()) {
            fail(
                ApiError::invalidInput(QStringLiteral("localPath"),
                                       tr("%1 could not be read: %2").arg(m_options.fileName, digest.error)));
            return;
        }
        create(digest.sha256Hex, digest.size);
    });
}

void FileUpload::create(const QByteArray &sha256Hex, qint64 length)
{
    setStage(Stage::Creating);
    m_length = length;
    m_file.size = length;
    m_file.sha256Hex = sha256Hex;
    KooDriveClient::NewUpload upload;
    upload.fileName = m_options.fileName;
    upload.fileType = m_options.fileType;
    upload.parentFolderId = m_options.parentFolderId;
    upload.length = length;
    upload.onClash = m_options.onClash;
    upload.sha256 = sha256Hex;
    upload.parts = KooDriveClient::planParts(length, m_options.partSize);
    const QFileInfo info(m_options.localPath);
    const QDateTime made = info.birthTime().isValid() ? info.birthTime() : info.lastModified();
    upload.createdMs = made.toMSecsSinceEpoch();
    upload.mimeType = m_options.mimeType;
    upload.description = m_options.description;
    upload.shareFolderId = m_options.shareFolderId;
    const QVector<KooDriveClient::PartSize> planned = upload.parts;
    m_call =
        m_client->createFile(upload, this, [this, planned](const api::Result<api::CreatedUpload> &result) {
            if (!result.ok())
                return fail(result.error());
            const api::CreatedUpload &created = result.value();
            m_file.fileId = created.fileId;
            m_containerId = created.containerId;
            m_file.fileName = created.fileName;
            if (created.exist) {
                m_file.outcome = UploadedFile::Outcome::AlreadyThere;
                return finish(m_file);
            }
            if (created.rapidUpload) {
                m_file.outcome = UploadedFile::Outcome::RapidUpload;
                emit progress(m_length, m_length);
                return finish(m_file);
            }
            // Each planned part needs its URL, for the size asked; the offsets are ours (sequential parts).
            qint64 offset = 0;
            m_parts.clear();
            for (const KooDriveClient::PartSize &plan : planned) {
                const auto given = std::find_if(
                    created.parts.cbegin(), created.parts.cend(),
                    [&plan](const api::UploadPart &part) { return part.number == plan.partNumber; });
                if (given == created.parts.cend() || given->size != plan.partSize)
                    return fail(
                        ApiError::badResponse(tr("The server did not give a place to send part %1 of %2.")
                                                  .arg(plan.partNumber)
                                                  .arg(planned.size()),
                                              200, QString()));
                api::UploadPart part = *given;
                part.offset = offset;
                offset += part.size;
                m_parts.append(part);
            }
            m_renewals.fill(0, m_parts.size());
            m_retries.fill(0, m_parts.size());
            m_retries.fill(0, m_parts.size());
            setStage(Stage::Sending);
            emit began(resumeState());
            sendPart(0);
        });
}

FileUpload::Resume FileUpload::resumeState() const
{
    return {m_file.fileId, m_file.sha256Hex, m_length, m_modifiedMs, m_partsDone, m_containerId};
}

void FileUpload::resumeUpload(const Resume &state)
{
    setStage(Stage::Creating);
    const QFileInfo info(m_options.localPath);
    const QVector<KooDriveClient::PartSize> planned =
        KooDriveClient::planParts(state.length, m_options.partSize);
    if (info.size() != state.length || info.lastModified().toMSecsSinceEpoch() != state.modifiedMs ||
        state.fileId.isEmpty() || state.partsSent < 0 || state.partsSent > planned.size()) {
        const ApiError error = ApiError::invalidInput(
            QStringLiteral("localPath"),
            tr("%1 changed after its upload began; it has to be uploaded again.").arg(m_options.fileName));
        QTimer::singleShot(0, this, [this, error] { fail(error); });
        return;
    }
    m_length = state.length;
    m_modifiedMs = state.modifiedMs;
    m_partsDone = state.partsSent;
    m_file.fileId = state.fileId;
    m_containerId = state.containerId;
    m_file.fileName = m_options.fileName;
    m_file.size = state.length;
    m_file.sha256Hex = state.sha256Hex;
    m_parts.clear();
    qint64 offset = 0;
    for (const KooDriveClient::PartSize &plan : planned) {
        api::UploadPart part;
        part.number = plan.partNumber;
        part.size = plan.partSize;
        part.offset = offset;
        offset += part.size;
        if (m_parts.size() < state.partsSent)
            m_sentBefore += part.size;
        m_parts.append(part);
    }
    m_renewals.fill(0, m_parts.size());
    m_retries.fill(0, m_parts.size());
    if (state.partsSent == planned.size()) {
        QTimer::singleShot(0, this, [this] {
            if (m_stage == Stage::Creating)
                complete();
        });
        return;
    }
    // Fresh URLs for the parts still to send (OPERATIONS.md §3: uploadUrl; a part can be sent again).
    const QVector<KooDriveClient::PartSize> remaining = planned.mid(state.partsSent);
    m_call = m_client->uploadUrls(
        {m_file.fileId, remaining, m_options.shareFolderId}, this,
        [this](const api::Result<QVector<api::UploadPart>> &result) {
            if (!result.ok())
                return fail(result.error());
            for (qsizetype i = m_partsDone; i < m_parts.size(); ++i) {
                const int number = m_parts.at(i).number;
                const auto given =
                    std::find_if(result.value().cbegin(), result.value().cend(),
                                 [number](const api::UploadPart &part) { return part.number == number; });
                if (given == result.value().cend())
                    return fail(ApiError::badResponse(
                        tr("The server gave no new place to send part %1.").arg(number), 200, QString()));
                m_parts[i].url = given->url;
            }
            setStage(Stage::Sending);
            emit progress(m_sentBefore, m_length);
            sendPart(m_partsDone);
        });
}

void FileUpload::sendPart(int index)
{
    const api::UploadPart &part = m_parts.at(index);
    const QUrl url = QUrl::fromEncoded(part.url, QUrl::StrictMode);
    // The URL is a credential and the bytes are the person's: https, or plain http to this machine only.
    if (!url.isValid() ||
        !(url.scheme() == QLatin1String("https") ||
          (url.scheme() == QLatin1String("http") && net::Transfer::isLoopback(url.host())))) {
        ApiError error =
            uploadError(ApiError::Kind::Insecure,
                        tr("The server asked for part %1 to go to an address that is not safe (%2).")
                            .arg(part.number)
                            .arg(url.host()));
        return fail(error);
    }
    // Object storage is another origin (OPERATIONS.md §3): no KooDrive header, only what the URL signed
    // (Content-Length, the part's size) and the type of the bytes, streamed from the file.
    m_sending = index;
    m_partTimer.start();
    m_sender->send({url, QByteArrayLiteral("application/octet-stream"), m_options.localPath, part.offset,
                    part.size, net::TransferPolicy::uploadPart(part.size)});
}

void FileUpload::onPartSent(int index)
{
    if (m_stage != Stage::Sending || index < 0)
        return;
    m_sending = -1;
    const net::PartSender::Outcome &sent = m_sender->outcome();
    if (!sent.localError.isEmpty())
        return fail(ApiError::invalidInput(
            QStringLiteral("localPath"),
            tr("%1 could not be read while it was sent: %2").arg(m_options.fileName, sent.localError)));
    const int status = sent.status;
    if (sent.failure == net::Transfer::Failure::None && status >= 200 && status < 300) {
        ++m_file.partsSent;
        m_partsDone = index + 1;
        m_sentBefore += m_parts.at(index).size;
        emit progress(m_sentBefore, m_length);
        emit partSent(resumeState());
        if (index + 1 < m_parts.size())
            sendPart(index + 1);
        else
            complete();
        return;
    }
    // A pre-signed URL that expired answers 403 (X-Amz-Expires=3600 in the pages' examples): a fresh one,
    // and the part again (OPERATIONS.md §3: "a part can be sent again").
    if (sent.failure == net::Transfer::Failure::None && status == 403 &&
        m_renewals.at(index) < m_options.maxUrlRenewalsPerPart) {
        ++m_renewals[index];
        ++m_file.urlRenewals;
        renewUrl(index);
        return;
    }
    const ApiError error = partError(sent, index);
    const bool passing = sent.failure == net::Transfer::Failure::Network ||
                         sent.failure == net::Transfer::Failure::IdleTimeout ||
                         sent.failure == net::Transfer::Failure::Deadline ||
                         (sent.failure == net::Transfer::Failure::None && (status >= 500 || status == 429));
    if (passing && m_retries.at(index) < m_options.partRetryDelaysMs.size()) {
        const int delayMs = m_options.partRetryDelaysMs.at(m_retries[index]++);
        qCInfo(lcTransfers).noquote() << "part" << m_parts.at(index).number << "not taken:" << error.message
                                      << "- sent again in" << delayMs << "ms";
        QTimer::singleShot(delayMs, this, [this, index] {
            if (m_stage == Stage::Sending && m_sending < 0)
                sendPart(index);
        });
        return;
    }
    fail(error);
}

void FileUpload::renewUrl(int index)
{
    const api::UploadPart part = m_parts.at(index);
    qCInfo(lcTransfers).noquote() << "part" << part.number << "refused (403): asking for a fresh URL";
    m_call = m_client->uploadUrls(
        {m_file.fileId, {{part.number, part.size}}, m_options.shareFolderId}, this,
        [this, index, part](const api::Result<QVector<api::UploadPart>> &result) {
            if (!result.ok())
                return fail(result.error());
            const auto fresh =
                std::find_if(result.value().cbegin(), result.value().cend(),
                             [&part](const api::UploadPart &p) { return p.number == part.number; });
            if (fresh == result.value().cend())
                return fail(ApiError::badResponse(
                    tr("The server gave no new place to send part %1.").arg(part.number), 200, QString()));
            m_parts[index].url = fresh->url;
            sendPart(index);
        });
}

void FileUpload::complete()
{
    setStage(Stage::Completing);
    m_call = m_client->completeFile(
        {m_file.fileId, m_file.sha256Hex, m_options.shareFolderId}, this,
        [this](const api::Result<api::Done> &result) {
            if (result.ok()) {
                m_file.outcome = UploadedFile::Outcome::Uploaded;
                return finish(m_file);
            }
            // A complete sent before (by a FileUpload that went away after sending it) may still be joining
            // the parts (13000409 while it does), or have made the file already (then there is no upload
            // any more: 13000401). Whether the file is there settles it.
            const QString code = result.error().code;
            if ((code == api::ErrorCode::UploadFailed || code == api::ErrorCode::UploadMissing) &&
                m_completeAttempts < MaxCompleteAttempts)
                return confirmComplete(result.error());
            fail(result.error());
        });
}

void FileUpload::confirmComplete(const ApiError &refusal)
{
    ++m_completeAttempts;
    auto again = [this, refusal] {
        if (refusal.code == api::ErrorCode::UploadMissing)
            return fail(refusal); // no upload, and no file: nothing left to complete
        QTimer::singleShot(CompleteRetryMs, this, [this] {
            if (m_stage == Stage::Completing)
                complete();
        });
    };
    if (m_containerId.isEmpty())
        return again();
    m_call = m_client->fileDetail(m_file.fileId, m_containerId, QString(), this,
                                  [this, again](const api::Result<api::DriveFile> &detail) {
                                      if (detail.ok() && detail.value().size == m_length) {
                                          m_file.outcome = UploadedFile::Outcome::Uploaded;
                                          m_file.fileName = detail.value().name;
                                          return finish(m_file);
                                      }
                                      again();
                                  });
}

ApiError FileUpload::partError(const net::PartSender::Outcome &sent, int index) const
{
    const int number = m_parts.at(index).number;
    using Failure = net::Transfer::Failure;
    switch (sent.failure) {
    case Failure::IdleTimeout:
    case Failure::Deadline:
        return uploadError(
            ApiError::Kind::Timeout,
            tr("Part %1 of %2 did not reach the storage in time.").arg(number).arg(m_parts.size()), true);
    case Failure::Network:
        return uploadError(ApiError::Kind::Network,
                           tr("The storage could not be reached while part %1 was sent: %2")
                               .arg(number)
                               .arg(sent.errorString),
                           true);
    case Failure::CrossOriginRedirect:
    case Failure::Insecure:
        return uploadError(ApiError::Kind::Insecure,
                           tr("The storage sent part %1 on to another address (%2); it was not sent there.")
                               .arg(number)
                               .arg(sent.refusedUrl.host()));
    case Failure::TooLarge:
    case Failure::TooManyRedirects:
    case Failure::Undecodable:
    case Failure::LocalWrite: // a part's answer is never written to a sink
        return uploadError(ApiError::Kind::BadResponse,
                           tr("The storage's answer to part %1 is not one a storage gives.").arg(number),
                           true);
    case Failure::None: break;
    }
    // An answer with an error status: KooDrive's error body when it has one (its code and field).
    const int status = sent.status;
    const auto parsed = api::ResponseParsers::envelope(status, sent.body, QString());
    ApiError error = parsed.ok() ? uploadError(ApiError::Kind::Refused, QString()) : parsed.error();
    error.httpStatus = status;
    error.message =
        status == 403
            ? tr("The storage kept refusing part %1 (HTTP 403), with fresh addresses too.").arg(number)
            : tr("The storage refused part %1 of %2 (HTTP %3).").arg(number).arg(m_parts.size()).arg(status);
    return error;
}

void FileUpload::cancel()
{
    if (m_stage == Stage::Finished)
        return;
    ApiError cancelled;
    cancelled.kind = ApiError::Kind::Cancelled;
    cancelled.message = tr("The upload was stopped.");
    finish(cancelled);
}

void FileUpload::finish(api::Result<UploadedFile> result)
{
    if (m_stage == Stage::Finished)
        return;
    m_stopHashing->store(true);
    m_call.cancel();
    m_sender->abort();
    m_sending = -1;
    m_result = std::move(result);
    if (!m_result->ok())
        qCInfo(lcTransfers).noquote()
            << "upload of" << m_options.fileName << "ended:" << m_result->error().details();
    setStage(Stage::Finished);
    emit finished();
}

} // namespace koodrive::transfers
