#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace koodrive::transfers {
class UploadListModel;
class UploadRunner;
class DownloadRunner;
class UploadQueue;
} // namespace koodrive::transfers

namespace koodrive::ui {

// The Transfers panel, like a browser's downloads: a row per file (name, size, progress, speed, state,
// and for a failure the reason and trace id), Pause, Resume, Cancel and Retry per file from the row's
// menu (Delete cancels), and for all of them from the buttons above; the total is said above the rows.
class TransfersPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransfersPanel)

public:
    // Uploads and downloads (Save to…) share the queue and the list; each row's actions go to its runner.
    TransfersPanel(transfers::UploadListModel *model, transfers::UploadRunner *runner,
                   transfers::DownloadRunner *downloads, transfers::UploadQueue *queue,
                   QWidget *parent = nullptr);

    QListView *list() const { return m_list; }
    QLabel *summary() const { return m_summary; }
    // "3 of 12 uploaded · 40 MB of 120 MB · about 2 min left", as the status bar says it too.
    static QString summaryText(const transfers::UploadListModel *model);

    // The actions of the rows selected (for tests and the menu).
    void pauseSelected();
    void resumeSelected();
    void cancelSelected();
    void retrySelected();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QList<qint64> selectedIds() const;
    void showMenu(const QPoint &pos);
    void updateSummary();

    transfers::UploadListModel *m_model;
    transfers::UploadRunner *m_runner;
    transfers::DownloadRunner *m_downloads;
    transfers::UploadQueue *m_queue;
    QListView *m_list;
    QLabel *m_summary;
    QPushButton *m_pauseAll;
    QPushButton *m_resumeAll;
    QPushButton *m_clear;
};

} // namespace koodrive::ui
