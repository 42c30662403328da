#pragma once

#include "ServerConnection.h"

#include <QHash>
#include <QObject>
#include <functional>

namespace koodrive {

// Where the session's secrets live between runs: the access and refresh tokens, per server and user.
// Never QSettings and never a log. The system keychain (KeychainTokenStore) when there is one; where there
// is none, the app is told (available() is false) and keeps them for this session only (MemoryTokenStore).
class TokenStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStore)

public:
    using Done = std::function<void(bool ok, const QString &secret)>;

    using QObject::QObject;
    ~TokenStore() override = default;

    virtual void write(const QString &key, const QString &secret, Done done) = 0;
    virtual void read(const QString &key, Done done) = 0;
    virtual void remove(const QString &key, Done done) = 0;
    // False when secrets cannot outlive the process (no keychain on this system).
    virtual bool keepsAcrossRuns() const = 0;

    // "<server>|<user>|access" and the like: one place that names the entries.
    static QString key(const QString &server, const QString &userId, const QString &what);
    // A session's access token and (when there is one) refresh token, kept or forgotten together.
    void keepSession(const ServerConnection &connection, const QString &refreshToken);
    void forgetSession(const ServerConnection &connection);
};

// Secrets in memory only: for tests, and as the fallback when the system has no keychain.
class MemoryTokenStore final : public TokenStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryTokenStore)

public:
    using TokenStore::TokenStore;
    void write(const QString &key, const QString &secret, Done done) override;
    void read(const QString &key, Done done) override;
    void remove(const QString &key, Done done) override;
    bool keepsAcrossRuns() const override { return false; }

private:
    QHash<QString, QString> m_secrets;
};

// The system keychain through QtKeychain (Secret Service, KWallet, ...). When writing fails (a headless
// system has none), it falls back to memory and says so through keepsAcrossRuns().
class KeychainTokenStore final : public TokenStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainTokenStore)

public:
    explicit KeychainTokenStore(QObject *parent = nullptr);
    void write(const QString &key, const QString &secret, Done done) override;
    void read(const QString &key, Done done) override;
    void remove(const QString &key, Done done) override;
    bool keepsAcrossRuns() const override { return m_keychainWorks; }

private:
    MemoryTokenStore m_fallback;
    bool m_keychainWorks = true;
};

} // namespace koodrive
