#pragma once

#include "account/ServerConnection.h"
#include "account/TokenStore.h"
#include "api/KooDriveClient.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QTabWidget;

namespace koodrive::ui {

// Signing in to a KooDrive server: with an account and password (the sign-in call), or with a user id and
// an access token pasted from elsewhere (checked with the space-info call before it is taken). A refusal
// is shown in the dialog with its trace id, and what was typed stays.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    SignInDialog(QNetworkAccessManager *network, const QUrl &server, QWidget *parent = nullptr);

    // After accept(): the session.
    const ServerConnection &connection() const { return m_connection; }
    const QString &refreshToken() const { return m_session.refreshToken; }
    // The tokens and their expiry, as the keychain keeps them.
    const StoredSession &session() const { return m_session; }
    // Why the person is asked (a session that ended: the server's reason, plain text), above the fields.
    void setReason(const QString &reason);

    // What a person does, for tests.
    void setServer(const QString &url);
    void setAccount(const QString &account, const QString &password);
    void setToken(const QString &userId, const QString &token);
    void submit();
    QString problem() const;
    bool isBusy() const { return m_busy; }

private:
    void setBusy(bool busy);
    void refuse(const api::ApiError &error);
    void done(const ServerConnection &connection, const StoredSession &session);

    QNetworkAccessManager *m_network;
    std::unique_ptr<api::KooDriveClient> m_probe;
    QLineEdit *m_server;
    QTabWidget *m_ways;
    QLineEdit *m_account;
    QLineEdit *m_password;
    QLineEdit *m_userId;
    QLineEdit *m_token;
    QLabel *m_problem;
    QPushButton *m_signIn;
    ServerConnection m_connection;
    StoredSession m_session;
    bool m_busy = false;
};

} // namespace koodrive::ui
