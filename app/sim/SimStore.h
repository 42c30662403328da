#pragma once

#include "StoreTypes.h"

#include <QSqlDatabase>
#include <QString>
#include <optional>

class QSqlQuery;

namespace koodrive::sim {

// The simulator's SQLite database (QtSql): users, sessions, shared groups, and the connection the file and
// album stores query through. All SQL binds its values; nothing from a request is ever spliced into SQL.
class SimStore final
{
public:
    explicit SimStore(QString databasePath);
    ~SimStore();
    SimStore(const SimStore &) = delete;
    SimStore &operator=(const SimStore &) = delete;

    bool open(QString *error);
    QSqlDatabase database() const;
    const QString &databasePath() const { return m_path; }

    // One mutating request is one transaction: it commits whole or not at all.
    class Transaction final
    {
    public:
        explicit Transaction(SimStore &store);
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;
        void commit();

    private:
        SimStore &m_store;
        bool m_done = false;
    };

    // Prepares and runs a statement, throwing SimError::internal when SQLite refuses it.
    QSqlQuery exec(const QString &sql, const QVariantList &values = {}) const;

    QString meta(const QString &key) const;
    void setMeta(const QString &key, const QString &value);

    struct Counts
    {
        qint64 users = 0;
        qint64 files = 0;
        qint64 albums = 0;
        qint64 albumItems = 0;
        qint64 albumScopes = 0;
        qint64 stars = 0;
        qint64 uploads = 0;
        qint64 uploadParts = 0;
        qint64 jobs = 0;
        qint64 jobItems = 0;
        bool operator==(const Counts &) const = default;
    };
    Counts counts() const; // every table counted: for tests (a count reads the whole table)
    bool hasUsers() const; // a library is there (one row looked at)

    void insertUser(const UserRow &user);
    std::optional<UserRow> user(const QString &userId) const;
    std::optional<UserRow> userByAccount(const QString &account) const;
    QString displayName(const QString &userId) const;

    void insertGroup(const GroupRow &group, const QStringList &memberIds);
    QVector<GroupRow> groupsOf(const QString &userId) const;
    std::optional<GroupRow> group(const QString &groupId) const;
    bool isMember(const QString &groupId, const QString &userId) const;

    // Sessions keep only SHA-256 digests of the tokens.
    void insertSession(const QString &userId, const QString &accessToken, const QString &refreshToken,
                       qint64 issuedMs, qint64 expiresMs);
    struct Session
    {
        QString userId;
        qint64 expiresMs = 0;
    };
    std::optional<Session> sessionForAccessToken(const QString &accessToken) const;
    std::optional<Session> sessionForRefreshToken(const QString &refreshToken) const;
    // The live session that both tokens belong to (the access token may have expired).
    std::optional<Session> sessionForTokens(const QString &accessToken, const QString &refreshToken) const;
    // A renewal: the session of `refreshToken` gets a new access token and lifetime; the old token ends.
    void renewSession(const QString &refreshToken, const QString &newAccessToken, qint64 issuedMs,
                      qint64 expiresMs);
    void revokeByAccessToken(const QString &accessToken);
    void revokeByRefreshToken(const QString &refreshToken);

    static QString tokenDigest(const QString &token);

    // A bulk load is faster without the listing indexes, made again once after it.
    void dropFileIndexes();
    void createFileIndexes();

private:
    void createSchema();
    // Adds "name TYPE" to the table unless it has the column; true when it was added.
    bool addColumnIfMissing(const QString &table, const QString &definition);

    QString m_path;
    QString m_connectionName;
};

} // namespace koodrive::sim
