#pragma once

#include <QFrame>
#include <functional>

class QLabel;
class QPushButton;
class QTimer;

namespace koodrive::api {
struct ApiError;
}

namespace koodrive::ui {

// A bar above the grid for what the user should know, without a modal dialog: a readable message, the
// trace id to quote, "Copy details", and "Retry" where retrying can help. Notes (an add finished, an
// album deleted) go away by themselves; errors stay until closed or replaced.
// A message belongs to the place where it was said, unless it concerns the whole window (signed in, the
// server offline, a transfer's report): leaving the place, its note goes and its error is kept among the
// earlier problems, which the window lists and can show again.
class MessageBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)

public:
    enum class Reach
    {
        Place,  // said about what is shown: it goes with the place
        Window, // said about the app: it stays when the person moves on
    };
    struct Problem
    {
        QString text; // as the bar showed it, with its trace id
        QString details;
    };

    explicit MessageBar(QWidget *parent = nullptr);

    void showError(const api::ApiError &error, std::function<void()> retry = {});
    void showNote(const QString &text, Reach reach = Reach::Place);
    // A note with one thing to do about it (e.g. "Change folder…"): it stays longer.
    void showNote(const QString &text, const QString &actionLabel, std::function<void()> action,
                  Reach reach = Reach::Place);
    QString actionText() const; // empty: no action shown
    void triggerAction();
    // A note that must not hide an error being shown (e.g. "this system has no keychain"): it waits until
    // the error is closed or dealt with.
    void queueNote(const QString &text);
    bool showsError() const { return m_showsError && isVisible(); }
    // What the bar shows of a message at most; the whole of it is behind "Copy details".
    static constexpr int MaxShownCharacters = 300;
    // A problem said in the caller's words, with the trace id to quote and "Retry" when `retry` is set.
    void showProblem(const QString &text, const QString &traceId, const QString &details,
                     std::function<void()> retry, Reach reach = Reach::Place);
    QString text() const;
    QString details() const { return m_details; }
    bool canRetry() const;
    void retry();
    // When KooDrive cannot be reached at all (offline), the bar says so and tries again by itself after
    // these waits (the last one repeats), until it gets through.
    void setOfflineRetryDelaysMs(const QList<int> &delays) { m_offlineDelaysMs = delays; }
    bool isOffline() const { return m_offline; }

    // The window shows another place (a key of the window's own): a message of the one left goes.
    void setPlace(const QString &place);
    const QList<Problem> &earlierProblems() const { return m_earlier; }
    void showEarlierProblem(qsizetype index); // shown again, without Retry (its place is gone)
    void clearEarlierProblems();
    static constexpr qsizetype MaxEarlierProblems = 20;

signals:
    void earlierProblemsChanged(qsizetype count);
    // A note or an error is shown (its text, plain).
    void messageShown(const QString &text);

private:
    void showMessage(const QString &text, bool error);
    void closeMessage();
    void retryWhileOffline();

    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_copy;
    QPushButton *m_retry;
    QPushButton *m_action;
    QPushButton *m_close;
    QTimer *m_hide;
    QString m_details;
    std::function<void()> m_retryAction;
    std::function<void()> m_noteAction;
    QTimer *m_offlineRetry;
    QTimer *m_recovered;
    QList<int> m_offlineDelaysMs{5000, 10000, 20000, 30000};
    QList<std::function<void()>> m_offlineActions; // everything that failed while unreachable
    int m_offlineAttempt = 0;
    bool m_offline = false;
    bool m_showsError = false;
    QString m_pendingNote;
    QString m_place;             // where the window is
    QString m_messagePlace;      // where the message shown was said; empty: it concerns the window
    QList<Problem> m_earlier;    // newest first
    bool m_showsEarlier = false; // the message is one of them, shown again
};

} // namespace koodrive::ui
