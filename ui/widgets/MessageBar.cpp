#include "MessageBar.h"

#include "api/ApiError.h"
#include "text/DisplayText.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTimer>

namespace koodrive::ui {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_copy(new QPushButton(tr("Copy details"), this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_action(new QPushButton(this))
    , m_close(new QPushButton(this))
    , m_hide(new QTimer(this))
    , m_offlineRetry(new QTimer(this))
    , m_recovered(new QTimer(this))
{
    m_offlineRetry->setSingleShot(true);
    m_recovered->setSingleShot(true);
    m_recovered->setInterval(2500);
    connect(m_offlineRetry, &QTimer::timeout, this, &MessageBar::retryWhileOffline);
    // A retry that brought no new error in this time got through.
    connect(m_recovered, &QTimer::timeout, this, [this] {
        if (!m_offline)
            return;
        m_offline = false;
        m_offlineAttempt = 0;
        showNote(tr("KooDrive can be reached again."), Reach::Window);
    });
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Messages"));
    // Messages carry the server's text (names, descriptions): never markup, never a link.
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setFlat(true);
    m_close->setAccessibleName(tr("Close message"));
    m_close->setToolTip(tr("Close"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_retry);
    layout->addWidget(m_copy);
    layout->addWidget(m_close);
    m_hide->setSingleShot(true);
    connect(m_hide, &QTimer::timeout, this, &MessageBar::closeMessage);
    connect(m_close, &QPushButton::clicked, this, &MessageBar::closeMessage);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_details); });
    connect(m_retry, &QPushButton::clicked, this, &MessageBar::retry);
    connect(m_action, &QPushButton::clicked, this, &MessageBar::triggerAction);
    m_action->hide();
    hide();
}

void MessageBar::closeMessage()
{
    hide();
    m_showsError = false;
    if (!m_pendingNote.isEmpty())
        showNote(std::exchange(m_pendingNote, {}), Reach::Window);
}

void MessageBar::showMessage(const QString &text, bool error)
{
    m_showsError = error;
    m_showsEarlier = false;
    m_messagePlace = m_place;
    if (error)
        m_noteAction = {};
    m_action->setVisible(bool(m_noteAction));
    m_text->setText(text);
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(
        style()
            ->standardIcon(error ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation)
            .pixmap(side, side));
    QPalette tinted = palette();
    const QColor base = QApplication::palette().color(QPalette::Window);
    const QColor tint = error ? QColor(0xd9, 0x53, 0x4f) : QColor(0x3a, 0x78, 0xc2);
    tinted.setColor(QPalette::Window, QColor::fromRgbF(base.redF() * 0.85f + tint.redF() * 0.15f,
                                                       base.greenF() * 0.85f + tint.greenF() * 0.15f,
                                                       base.blueF() * 0.85f + tint.blueF() * 0.15f));
    setPalette(tinted);
    show();
    if (error)
        m_hide->stop();
    else
        m_hide->start(8000);
    emit messageShown(text);
}

void MessageBar::showError(const api::ApiError &error, std::function<void()> retry)
{
    m_recovered->stop();
    const bool unreachable =
        error.kind == api::ApiError::Kind::Network || error.kind == api::ApiError::Kind::Timeout;
    if (unreachable && retry) {
        // Offline, or the server is down: said as such, and tried again by itself (no error storm).
        m_details = error.details();
        m_offlineActions.append(retry);
        m_retryAction = [this] { retryWhileOffline(); };
        m_copy->setVisible(true);
        m_retry->setVisible(true);
        if (m_offline && m_offlineRetry->isActive())
            return; // already counting down: this failure waits with the others
        const int delay =
            m_offlineDelaysMs.value(qMin(m_offlineAttempt, int(m_offlineDelaysMs.size()) - 1), 30000);
        m_offline = true;
        m_offlineRetry->start(delay);
        showMessage(tr("KooDrive cannot be reached: you may be offline. Trying again in %n second(s)…",
                       nullptr, qMax(1, delay / 1000)),
                    true);
        m_messagePlace.clear(); // the whole window is offline, not one place
        return;
    }
    showProblem(error.message, error.traceId, error.details(),
                error.retryable ? std::move(retry) : std::function<void()>());
}

void MessageBar::showProblem(const QString &message, const QString &traceId, const QString &details,
                             std::function<void()> retry, Reach reach)
{
    m_recovered->stop();
    // A description of 100 KB must not grow the bar to the height of the window: the bar shows the
    // start of it; "Copy details" has all of it.
    QString text = text::elided(text::displayText(message), MaxShownCharacters);
    if (!traceId.isEmpty())
        text += QLatin1Char('\n') + tr("Trace id: %1").arg(traceId);
    m_details = details;
    m_retryAction = std::move(retry);
    m_noteAction = {};
    m_copy->setVisible(true);
    m_retry->setVisible(bool(m_retryAction));
    showMessage(text, true);
    if (reach == Reach::Window)
        m_messagePlace.clear();
}

void MessageBar::showNote(const QString &text, Reach reach)
{
    m_offlineRetry->stop();
    m_details = text;
    m_retryAction = {};
    m_copy->setVisible(false);
    m_retry->setVisible(false);
    m_noteAction = {};
    showMessage(text::elided(text::displayText(text), MaxShownCharacters), false);
    if (reach == Reach::Window)
        m_messagePlace.clear();
}

void MessageBar::showNote(const QString &text, const QString &actionLabel, std::function<void()> action,
                          Reach reach)
{
    showNote(text, reach);
    m_noteAction = std::move(action);
    m_action->setText(actionLabel);
    m_action->setVisible(bool(m_noteAction));
    m_hide->start(20000); // time to read it and decide
}

QString MessageBar::actionText() const
{
    return m_noteAction && m_action->isVisible() ? m_action->text() : QString();
}

void MessageBar::triggerAction()
{
    if (!m_noteAction)
        return;
    auto action = std::exchange(m_noteAction, {});
    closeMessage();
    action();
}

void MessageBar::queueNote(const QString &text)
{
    if (showsError())
        m_pendingNote = text;
    else
        showNote(text, Reach::Window);
}

void MessageBar::setPlace(const QString &place)
{
    if (place == m_place)
        return;
    m_place = place;
    if (isHidden() || m_messagePlace.isEmpty() || m_messagePlace == place)
        return;
    if (m_showsError && !m_showsEarlier) {
        m_earlier.prepend({m_text->text(), m_details});
        if (m_earlier.size() > MaxEarlierProblems)
            m_earlier.removeLast();
        emit earlierProblemsChanged(m_earlier.size());
    }
    m_hide->stop();
    m_retryAction = {};
    m_noteAction = {};
    closeMessage();
}

void MessageBar::showEarlierProblem(qsizetype index)
{
    if (index < 0 || index >= m_earlier.size())
        return;
    const Problem problem = m_earlier.at(index);
    m_recovered->stop();
    m_details = problem.details;
    m_retryAction = {};
    m_noteAction = {};
    m_copy->setVisible(true);
    m_retry->setVisible(false);
    showMessage(problem.text, true); // already elided and with its trace id
    m_showsEarlier = true;           // still in the list: leaving, it only goes
}

void MessageBar::clearEarlierProblems()
{
    if (m_earlier.isEmpty())
        return;
    m_earlier.clear();
    emit earlierProblemsChanged(0);
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::retryWhileOffline()
{
    m_offlineRetry->stop();
    ++m_offlineAttempt;
    m_text->setText(tr("Trying to reach KooDrive again…"));
    m_recovered->start();
    // Each action that fails again comes back through showError().
    const auto actions = std::exchange(m_offlineActions, {});
    for (const auto &action : actions)
        action();
}

bool MessageBar::canRetry() const
{
    return bool(m_retryAction);
}

void MessageBar::retry()
{
    if (!m_retryAction)
        return;
    auto action = std::exchange(m_retryAction, {});
    closeMessage();
    action();
}

} // namespace koodrive::ui
