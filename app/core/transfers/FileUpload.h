#pragma once

#include "FileHasher.h"
#include "api/ApiCall.h"
#include "api/KooDriveClient.h"
#include "net/PartSender.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QVector>
#include <memory>
#include <optional>

namespace koodrive::transfers {

// What an upload ended with.
struct UploadedFile
{
    enum class Outcome
    {
        Uploaded,     // the parts were sent and joined
        RapidUpload,  // the server held these bytes already: the file was made without sending any
        AlreadyThere, // OnUploadClash::SkipIfSame: the same name and bytes are there; nothing was made
    };
    QString fileId; // the new file, or (AlreadyThere) the one already there
    QString fileName;
    Outcome outcome = Outcome::Uploaded;
    qint64 size = 0;
    QByteArray sha256Hex;
    int partsSent = 0;   // PUTs that were answered 2xx
    int urlRenewals = 0; // part URLs renewed after a 403
};

// Uploads one local file (OPERATIONS.md §3): hashes it (FileHasher, off the GUI thread), creates the file,
// PUTs each part in turn to its pre-signed URL, streamed from disk (net::PartSender, one connection: the
// memory held is a window of 4 MiB, never a part), and completes it. A part whose URL answers 403 (expired)
// gets a fresh one through uploadUrl and is sent again, at most twice per part. A rapid upload sends
// nothing; "exist" is reported as already there. finished() comes once, unless the object is destroyed
// first; cancel() ends it at once with ApiError::Kind::Cancelled (the unfinished upload is left to the
// server, which removes it after a day: no call abandons one). began() and partSent() give what it takes to
// resume it in another FileUpload (Options::resume), e.g. after the app was quit or crashed.
class FileUpload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileUpload)

public:
    // What it takes to go on with an upload that another FileUpload began (before a quit or a crash): the
    // file the server made, the bytes' SHA-256 and length, the local file's modification time when they
    // were hashed, and how many parts (in order) the storage took. A resumed upload sends only the parts
    // after those, to fresh URLs (uploadUrl), and completeFile checks the whole file's hash.
    struct Resume
    {
        QString fileId;
        QByteArray sha256Hex;
        qint64 length = 0;
        qint64 modifiedMs = 0;
        int partsSent = 0;
        QString containerId{}; // the space the file is made in (to ask whether a complete went through)
    };
    struct Options
    {
        QString localPath{};
        QString fileName{}; // the name in the drive; empty: the local file's
        QString parentFolderId = QStringLiteral("root");
        int fileType = 0;   // 0: from the file's MIME type (image 15, video 20, audio 30, …, other 45)
        QString mimeType{}; // empty: from the file's name and contents
        api::KooDriveClient::OnUploadClash onClash = api::KooDriveClient::OnUploadClash::AddTimestamp;
        qint64 partSize = api::KooDriveClient::MinPartSize;
        QString description{};
        qint64 shareFolderId = 0; // x-hw-share-folder-id: into a family's folder
        int maxUrlRenewalsPerPart = 2;
        // A part the storage could not take for a passing reason (no answer, a timeout, 5xx, 429) is sent
        // again after each of these waits in turn; when they are used up the upload fails (and can be
        // retried from where it stood).
        QList<int> partRetryDelaysMs{1000, 2000, 4000};
        // Goes on with an upload begun before: no hash and no createFile. The file must have the size and
        // modification time it had then, or the upload ends with InvalidInput at once.
        std::optional<Resume> resume{};
    };
    enum class Stage
    {
        Waiting,
        Hashing,
        Creating,
        Sending,
        Completing,
        Finished,
    };
    Q_ENUM(Stage)

    // `client` must outlive the upload.
    FileUpload(api::KooDriveClient *client, Options options, QObject *parent = nullptr);
    ~FileUpload() override;

    void start();
    void cancel();

    Stage stage() const { return m_stage; }
    // Once finished() was emitted.
    const api::Result<UploadedFile> &result() const { return *m_result; }
    qint64 totalBytes() const { return m_length; }
    // Where the upload stands, for resuming it later (empty fileId before the server made the file).
    Resume resumeState() const;

    // The MIME type's fileType (OPERATIONS.md §3).
    static int fileTypeFor(const QString &mimeType);

signals:
    void stageChanged(koodrive::transfers::FileUpload::Stage stage);
    // Bytes of the file sent so far (parts answered, and the part under way), of totalBytes().
    void progress(qint64 sent, qint64 total);
    // The server made the file and gave the part URLs: from here on the upload can be resumed.
    void began(const koodrive::transfers::FileUpload::Resume &state);
    // The storage took one more part (state.partsSent parts, in order).
    void partSent(const koodrive::transfers::FileUpload::Resume &state);
    void finished();

private:
    void create(const QByteArray &sha256Hex, qint64 length);
    void resumeUpload(const Resume &state);
    void sendPart(int index);
    void onPartSent(int index);
    void renewUrl(int index);
    void complete();
    void confirmComplete(const api::ApiError &refusal);
    void setStage(Stage stage);
    void finish(api::Result<UploadedFile> result);
    void fail(const api::ApiError &error) { finish(error); }
    api::ApiError partError(const net::PartSender::Outcome &sent, int index) const;

    api::KooDriveClient *m_client; // outlives the upload
    Options m_options;
    Stage m_stage = Stage::Waiting;
    std::shared_ptr<std::atomic<bool>> m_stopHashing = std::make_shared<std::atomic<bool>>(false);
    api::CallHandle m_call;
    net::PartSender *m_sender; // a child: one connection for the parts of one origin
    int m_sending = -1;        // the part under way
    QElapsedTimer m_partTimer;
    QVector<api::UploadPart> m_parts;
    QVector<int> m_renewals; // per part
    QVector<int> m_retries;  // per part: sent again after a passing failure
    UploadedFile m_file;
    qint64 m_length = 0;
    qint64 m_sentBefore = 0; // bytes of the parts already answered
    qint64 m_modifiedMs = 0; // the local file's, when it was hashed
    int m_partsDone = 0;
    int m_completeAttempts = 0;
    QString m_containerId;
    static constexpr int MaxCompleteAttempts = 8;
    static constexpr int CompleteRetryMs = 500; // parts the storage took, in order (resumed ones included)
    std::optional<api::Result<UploadedFile>> m_result;
};

} // namespace koodrive::transfers
