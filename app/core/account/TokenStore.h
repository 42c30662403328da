#pragma once

#include "ServerConnection.h"

#include <QHash>
#include <QObject>
#include <functional>
#include <optional>

namespace koodrive {

// What is kept of a session between runs: one secret per account, stored and replaced whole, so the
// access token and the refresh token of a pair never come from two different renewals.
struct StoredSession
{
    QString accessToken;
    QString refreshToken;
    qint64 expiresAtMs = 0;   // when the access token runs out, by this computer's clock; 0: not said
    qint64 lifetimeSecs = 0;  // how long the server gave it (OPERATIONS.md §1 sessionInfo.expiresIn)

    // From a sign-in or a renewal answered now: "expiresIn" (seconds) counted from this computer's clock.
    static StoredSession answeredNow(const QString &accessToken, const QString &refreshToken,
                                     qint64 expiresInSecs);
    // The secret's text: a small JSON object. Nothing else of the account is in it.
    QString toSecret() const;
    // nullopt for a secret that is not one of ours (or not whole).
    static std::optional<StoredSession> fromSecret(const QString &secret);
};

// Where the session's secrets live between runs. Never QSettings and never a log. The system keychain
// (KeychainTokenStore) when there is one; where there is none, or it refuses (a locked keyring whose
// unlock prompt was cancelled), the session is kept in memory until quit and the app is told (notKept).
class TokenStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStore)

public:
    // A secret's names: `label` is what a person sees in the keyring's manager (Seahorse, KWalletManager)
    // and `key` is what finds it again.
    struct Name
    {
        QString label;
        QString key;
    };
    using Done = std::function<void(bool ok, const QString &secret)>;
    using SessionRead = std::function<void(const std::optional<StoredSession> &session)>;

    using QObject::QObject;
    ~TokenStore() override = default;

    virtual void write(const Name &name, const QString &secret, Done done) = 0;
    virtual void read(const Name &name, Done done) = 0;
    virtual void remove(const Name &name, Done done) = 0;
    // False when secrets cannot outlive the process (no keychain, or it refused the last write).
    virtual bool keepsAcrossRuns() const = 0;
    // Why the last write did not reach the keychain (empty when it did).
    QString problem() const { return m_problem; }

    // The one entry of an account's session: "KooDrive Albums — alice@example.com", found by server and
    // user id.
    static Name sessionName(const QUrl &server, const QString &userId, const QString &displayName,
                            const QString &email);
    static Name sessionName(const ServerConnection &connection);
    void keepSession(const ServerConnection &connection, const StoredSession &session);
    void readSession(const QUrl &server, const QString &userId, const QString &displayName,
                     const QString &email, SessionRead done);
    void forgetSession(const ServerConnection &connection);

signals:
    // A session could not be stored in the keychain: it is kept until quit. `reason` is for the person.
    void notKept(const QString &reason);

protected:
    void reportNotKept(const QString &reason);
    void clearProblem() { m_problem.clear(); }

private:
    QString m_problem;
};

// Secrets in memory only: for tests, and as the fallback when the system has no keychain.
class MemoryTokenStore final : public TokenStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryTokenStore)

public:
    using TokenStore::TokenStore;
    void write(const Name &name, const QString &secret, Done done) override;
    void read(const Name &name, Done done) override;
    void remove(const Name &name, Done done) override;
    bool keepsAcrossRuns() const override { return false; }
    std::optional<QString> find(const Name &name) const;

private:
    static QString slot(const Name &name) { return name.label + QLatin1Char('\n') + name.key; }
    QHash<QString, QString> m_secrets; // by label and key
};

// The system keychain through QtKeychain: the Secret Service (GNOME Keyring, KeePassXC; through libsecret,
// which QtKeychain loads when it is installed) or KWallet. A write the keychain refuses is kept in memory
// for this run, and said (notKept); a read it cannot answer finds nothing.
class KeychainTokenStore final : public TokenStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainTokenStore)

public:
    explicit KeychainTokenStore(QObject *parent = nullptr);
    void write(const Name &name, const QString &secret, Done done) override;
    void read(const Name &name, Done done) override;
    void remove(const Name &name, Done done) override;
    bool keepsAcrossRuns() const override { return problem().isEmpty(); }

private:
    MemoryTokenStore m_fallback;
};

} // namespace koodrive
