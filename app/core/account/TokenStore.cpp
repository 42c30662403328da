#include "TokenStore.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcTokens, "koodrive.account", QtInfoMsg)

namespace koodrive {

namespace {
const QString Service = QStringLiteral("KooDrive Albums");
}

QString TokenStore::key(const QString &server, const QString &userId, const QString &what)
{
    return server + QLatin1Char('|') + userId + QLatin1Char('|') + what;
}

void TokenStore::keepSession(const ServerConnection &connection, const QString &refreshToken)
{
    const QString server = connection.server.toString();
    write(key(server, connection.userId, QStringLiteral("access")), connection.accessToken, {});
    if (!refreshToken.isEmpty())
        write(key(server, connection.userId, QStringLiteral("refresh")), refreshToken, {});
}

void TokenStore::forgetSession(const ServerConnection &connection)
{
    const QString server = connection.server.toString();
    remove(key(server, connection.userId, QStringLiteral("access")), {});
    remove(key(server, connection.userId, QStringLiteral("refresh")), {});
}

void MemoryTokenStore::write(const QString &key, const QString &secret, Done done)
{
    m_secrets.insert(key, secret);
    if (done)
        done(true, {});
}

void MemoryTokenStore::read(const QString &key, Done done)
{
    const auto it = m_secrets.constFind(key);
    if (done)
        done(it != m_secrets.constEnd(), it != m_secrets.constEnd() ? *it : QString());
}

void MemoryTokenStore::remove(const QString &key, Done done)
{
    m_secrets.remove(key);
    if (done)
        done(true, {});
}

KeychainTokenStore::KeychainTokenStore(QObject *parent)
    : TokenStore(parent)
{}

void KeychainTokenStore::write(const QString &key, const QString &secret, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(Service, this);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, secret, done](QKeychain::Job *) {
        if (job->error() == QKeychain::NoError) {
            if (done)
                done(true, {});
            return;
        }
        // No keychain here: the secret lives for this session only, and the app tells the user.
        qCInfo(lcTokens) << "no system keychain; keeping the session in memory:" << job->errorString();
        m_keychainWorks = false;
        m_fallback.write(key, secret, done);
    });
    job->start();
}

void KeychainTokenStore::read(const QString &key, Done done)
{
    if (!m_keychainWorks) {
        m_fallback.read(key, done);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(Service, this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, key, done](QKeychain::Job *) {
        if (job->error() == QKeychain::NoError) {
            if (done)
                done(true, job->textData());
            return;
        }
        m_fallback.read(key, done);
    });
    job->start();
}

void KeychainTokenStore::remove(const QString &key, Done done)
{
    m_fallback.remove(key, {});
    auto *job = new QKeychain::DeletePasswordJob(Service, this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *) {
        if (done)
            done(true, {});
    });
    job->start();
}

} // namespace koodrive
