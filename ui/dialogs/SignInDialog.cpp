#include "SignInDialog.h"

#include "account/AccountSettings.h"
#include "text/DisplayText.h"
#include "widgets/ProblemLabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace koodrive::ui {

SignInDialog::SignInDialog(QNetworkAccessManager *network, const QUrl &server, QWidget *parent)
    : QDialog(parent)
    , m_network(network)
    , m_server(new QLineEdit(server.toString()))
    , m_ways(new QTabWidget)
    , m_account(new QLineEdit)
    , m_password(new QLineEdit)
    , m_userId(new QLineEdit)
    , m_token(new QLineEdit)
    , m_problem(new ProblemLabel)
{
    setWindowTitle(tr("Sign in to KooDrive"));
    m_server->setPlaceholderText(QStringLiteral("https://…"));
    m_server->setAccessibleName(tr("Server address"));
    m_password->setEchoMode(QLineEdit::Password);
    m_token->setEchoMode(QLineEdit::Password); // a token is as secret as a password
    m_account->setAccessibleName(tr("Account"));
    m_password->setAccessibleName(tr("Password"));
    m_userId->setAccessibleName(tr("User id"));
    m_token->setAccessibleName(tr("Access token"));

    auto *withPassword = new QWidget;
    auto *passwordForm = new QFormLayout(withPassword);
    passwordForm->addRow(tr("&Account:"), m_account);
    passwordForm->addRow(tr("&Password:"), m_password);
    auto *withToken = new QWidget;
    auto *tokenForm = new QFormLayout(withToken);
    tokenForm->addRow(tr("&User id:"), m_userId);
    tokenForm->addRow(tr("Access &token:"), m_token);
    m_ways->addTab(withPassword, tr("Account and password"));
    m_ways->addTab(withToken, tr("Token"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_signIn = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setDefault(true);
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_ways);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    // Return signs in, from any field.
    for (QPushButton *button : buttons->findChildren<QPushButton *>())
        button->setAutoDefault(false);
    m_signIn->setAutoDefault(true);
    m_signIn->setDefault(true);
    (server.isEmpty() ? m_server : m_account)->setFocus();
    resize(460, sizeHint().height());
}

void SignInDialog::setServer(const QString &url)
{
    m_server->setText(url);
}

void SignInDialog::setAccount(const QString &account, const QString &password)
{
    m_ways->setCurrentIndex(0);
    m_account->setText(account);
    m_password->setText(password);
}

void SignInDialog::setToken(const QString &userId, const QString &token)
{
    m_ways->setCurrentIndex(1);
    m_userId->setText(userId);
    m_token->setText(token);
}

void SignInDialog::setReason(const QString &reason)
{
    m_problem->setText(reason); // plain text (ProblemLabel); replaced once the person signs in
}

QString SignInDialog::problem() const
{
    return m_problem->text();
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_signIn->setEnabled(!busy);
    if (busy)
        m_problem->setText(tr("Signing in…"));
}

void SignInDialog::refuse(const api::ApiError &error)
{
    setBusy(false);
    // The message may be the server's own words: its start, plainly (ProblemLabel), with the trace id.
    const QString message = text::elided(text::displayText(error.message), 300);
    m_problem->setText(error.traceId.isEmpty() ? message
                                               : tr("%1 (trace id %2)").arg(message, error.traceId));
}

void SignInDialog::done(const ServerConnection &connection, const StoredSession &session)
{
    setBusy(false);
    m_connection = connection;
    m_session = session;
    accept();
}

void SignInDialog::submit()
{
    if (m_busy)
        return;
    const QUrl server = QUrl::fromUserInput(m_server->text().trimmed());
    if (!server.isValid() || server.host().isEmpty()) {
        m_problem->setText(tr("Enter the server's address, e.g. https://drive.example.com."));
        return;
    }
    m_probe = std::make_unique<api::KooDriveClient>(m_network);
    m_probe->setAgentName(AccountSettings::agentName());
    setBusy(true);
    if (m_ways->currentIndex() == 0) {
        m_probe->setConnection({server, QString(), QString(), false});
        m_probe->signIn(m_account->text().trimmed(), m_password->text(), this,
                        [this, server](const api::Result<api::Session> &session) {
                            if (!session.ok()) {
                                refuse(session.error());
                                return;
                            }
                            const api::Session &s = session.value();
                            ServerConnection connection{server, s.userId, s.accessToken, false};
                            connection.displayName = s.displayName;
                            connection.email = s.email;
                            done(connection,
                                 StoredSession::answeredNow(s.accessToken, s.refreshToken, s.expiresInSecs));
                        });
        return;
    }
    // A pasted token is taken only once the server has accepted it.
    const ServerConnection candidate{server, m_userId->text().trimmed(), m_token->text().trimmed(), false};
    if (candidate.userId.isEmpty() || candidate.accessToken.isEmpty()) {
        refuse(api::ApiError::invalidInput(QStringLiteral("token"),
                                           tr("Enter both the user id and the token.")));
        return;
    }
    m_probe->setConnection(candidate);
    m_probe->spaceInfo(this, [this, candidate](const api::Result<api::SpaceInfo> &space) {
        if (!space.ok()) {
            refuse(space.error());
            return;
        }
        done(candidate, StoredSession{candidate.accessToken, QString(), 0, 0});
    });
}

} // namespace koodrive::ui
