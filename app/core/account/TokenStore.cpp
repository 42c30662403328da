#include "TokenStore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcTokens, "koodrive.account", QtInfoMsg)

namespace koodrive {

namespace {
const QString AppName = QStringLiteral("KooDrive Albums");
// Before sessions were kept whole: two entries, "<server>|<user>|access" and "|refresh", under the app's
// name. Read once, moved to the session entry and removed.
TokenStore::Name legacyName(const QUrl &server, const QString &userId, const QString &what)
{
    return {AppName, server.toString() + QLatin1Char('|') + userId + QLatin1Char('|') + what};
}
} // namespace

StoredSession StoredSession::answeredNow(const QString &accessToken, const QString &refreshToken,
                                         qint64 expiresInSecs)
{
    StoredSession session{accessToken, refreshToken, 0, 0};
    // OPERATIONS.md §1: expiresIn is in seconds (1800 in the example). A value no server would give (none,
    // negative, over a year) leaves the time unknown: the session is then renewed on a 401 only.
    if (expiresInSecs > 0 && expiresInSecs <= 366 * 24 * 3600) {
        session.lifetimeSecs = expiresInSecs;
        session.expiresAtMs = QDateTime::currentMSecsSinceEpoch() + expiresInSecs * 1000;
    }
    return session;
}

QString StoredSession::toSecret() const
{
    QJsonObject object{{QStringLiteral("accessToken"), accessToken},
                       {QStringLiteral("refreshToken"), refreshToken}};
    if (expiresAtMs > 0) {
        object.insert(QStringLiteral("expiresAt"), expiresAtMs);
        object.insert(QStringLiteral("expiresIn"), lifetimeSecs);
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<StoredSession> StoredSession::fromSecret(const QString &secret)
{
    const QJsonObject object = QJsonDocument::fromJson(secret.toUtf8()).object();
    StoredSession session;
    session.accessToken = object.value(QStringLiteral("accessToken")).toString();
    session.refreshToken = object.value(QStringLiteral("refreshToken")).toString();
    session.expiresAtMs = qMax<qint64>(0, object.value(QStringLiteral("expiresAt")).toInteger());
    session.lifetimeSecs = qMax<qint64>(0, object.value(QStringLiteral("expiresIn")).toInteger());
    if (session.accessToken.isEmpty())
        return std::nullopt;
    return session;
}

TokenStore::Name TokenStore::sessionName(const QUrl &server, const QString &userId, const QString &displayName,
                                         const QString &email)
{
    // The label a person recognises: the account's email, else their name (or id) at the server's host.
    const QString account = !email.isEmpty() ? email
                                             : (displayName.isEmpty() ? userId : displayName) +
                                                   QLatin1Char('@') + server.host();
    return {AppName + QStringLiteral(" — ") + account,
            server.toString() + QLatin1Char('|') + userId + QStringLiteral("|session")};
}

TokenStore::Name TokenStore::sessionName(const ServerConnection &connection)
{
    return sessionName(connection.server, connection.userId, connection.displayName, connection.email);
}

void TokenStore::keepSession(const ServerConnection &connection, const StoredSession &session)
{
    if (connection.userId.isEmpty() || session.accessToken.isEmpty())
        return;
    write(sessionName(connection), session.toSecret(), {});
}

void TokenStore::readSession(const QUrl &server, const QString &userId, const QString &displayName,
                             const QString &email, SessionRead done)
{
    const Name name = sessionName(server, userId, displayName, email);
    read(name, [this, name, server, userId, done](bool ok, const QString &secret) {
        if (ok) {
            done(StoredSession::fromSecret(secret));
            return;
        }
        // Not there: perhaps kept the old way, in two entries.
        read(legacyName(server, userId, QStringLiteral("access")),
             [this, name, server, userId, done](bool found, const QString &access) {
                 if (!found || access.isEmpty()) {
                     done(std::nullopt);
                     return;
                 }
                 read(legacyName(server, userId, QStringLiteral("refresh")),
                      [this, name, server, userId, access, done](bool, const QString &refresh) {
                          const StoredSession session{access, refresh, 0, 0};
                          write(name, session.toSecret(), {});
                          remove(legacyName(server, userId, QStringLiteral("access")), {});
                          remove(legacyName(server, userId, QStringLiteral("refresh")), {});
                          done(session);
                      });
             });
    });
}

void TokenStore::forgetSession(const ServerConnection &connection)
{
    remove(sessionName(connection), {});
    remove(legacyName(connection.server, connection.userId, QStringLiteral("access")), {});
    remove(legacyName(connection.server, connection.userId, QStringLiteral("refresh")), {});
}

void TokenStore::reportNotKept(const QString &reason)
{
    const bool first = m_problem.isEmpty();
    m_problem = reason;
    if (first)
        emit notKept(reason); // said once a run, not at every renewal
}

std::optional<QString> MemoryTokenStore::find(const Name &name) const
{
    const auto it = m_secrets.constFind(slot(name));
    return it != m_secrets.constEnd() ? std::optional<QString>(*it) : std::nullopt;
}

void MemoryTokenStore::write(const Name &name, const QString &secret, Done done)
{
    m_secrets.insert(slot(name), secret);
    if (done)
        done(true, {});
}

void MemoryTokenStore::read(const Name &name, Done done)
{
    const std::optional<QString> secret = find(name);
    if (done)
        done(secret.has_value(), secret.value_or(QString()));
}

void MemoryTokenStore::remove(const Name &name, Done done)
{
    m_secrets.remove(slot(name));
    if (done)
        done(true, {});
}

// The jobs have no parent: libsecret answers a job through a plain pointer to it, so a job must live until
// it has been answered (it deletes itself then), even when the store that asked is gone (its answer then
// reaches no one: the connections are to the store).
KeychainTokenStore::KeychainTokenStore(QObject *parent)
    : TokenStore(parent)
{}

void KeychainTokenStore::write(const Name &name, const QString &secret, Done done)
{
    // QtKeychain names a Secret Service item by its service (the label Seahorse shows) and matches it by
    // service and key; KWallet files it under the service as a folder.
    auto *job = new QKeychain::WritePasswordJob(name.label); // unparented: see above
    job->setKey(name.key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, job, name, secret, done](QKeychain::Job *) {
        if (job->error() == QKeychain::NoError) {
            m_fallback.remove(name, {}); // the keychain has the newest
            clearProblem();
            if (done)
                done(true, {});
            return;
        }
        // No keychain, a locked keyring whose prompt was cancelled, a daemon that went away: this run keeps
        // the session in memory, and the person is told the next start will ask to sign in.
        qCInfo(lcTokens) << "the keychain did not store the session:" << job->errorString();
        m_fallback.write(name, secret, done);
        reportNotKept(job->error() == QKeychain::NoBackendAvailable
                          ? tr("This system has no keychain")
                          : tr("The keychain refused to store it: %1").arg(job->errorString()));
    });
    job->start();
}

void KeychainTokenStore::read(const Name &name, Done done)
{
    // A secret the keychain refused this run is newer than anything the keychain may still hold.
    if (const std::optional<QString> inMemory = m_fallback.find(name)) {
        if (done)
            done(true, *inMemory);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(name.label); // unparented: see above
    job->setKey(name.key);
    connect(job, &QKeychain::Job::finished, this, [job, done](QKeychain::Job *) {
        const bool ok = job->error() == QKeychain::NoError;
        if (!ok && job->error() != QKeychain::EntryNotFound)
            qCInfo(lcTokens) << "the keychain could not be read:" << job->errorString();
        if (done)
            done(ok, ok ? job->textData() : QString());
    });
    job->start();
}

void KeychainTokenStore::remove(const Name &name, Done done)
{
    m_fallback.remove(name, {});
    auto *job = new QKeychain::DeletePasswordJob(name.label); // unparented: see above
    job->setKey(name.key);
    connect(job, &QKeychain::Job::finished, this, [job, done](QKeychain::Job *) {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
            qCInfo(lcTokens) << "the keychain did not remove a secret:" << job->errorString();
        if (done)
            done(job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound, {});
    });
    job->start();
}

} // namespace koodrive
