#include "TransfersPanel.h"

#include "text/DisplayText.h"
#include "transfers/DownloadRunner.h"
#include "transfers/UploadListModel.h"
#include "transfers/UploadQueue.h"
#include "transfers/UploadRunner.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QUrl>
#include <QVBoxLayout>

namespace koodrive::ui {

using transfers::QueuedUpload;
using transfers::UploadListModel;
using State = QueuedUpload::State;

namespace {

QString timeLeft(qint64 seconds)
{
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return UploadListModel::tr("about %Ln second(s) left", nullptr, int(std::max<qint64>(seconds, 1)));
    if (seconds < 3600)
        return UploadListModel::tr("about %Ln minute(s) left", nullptr, int((seconds + 30) / 60));
    return UploadListModel::tr("about %1 h %2 min left").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

// A row: the name over "state · sent of size · speed", a progress bar on the right while it is not done.
class TransferDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {option.rect.width(), option.fontMetrics.height() * 2 + 14};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        opt.text.clear();
        QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

        const auto state = State(index.data(UploadListModel::StateRole).toInt());
        const qint64 size = index.data(UploadListModel::SizeRole).toLongLong();
        const qint64 sent = index.data(UploadListModel::SentRole).toLongLong();
        const qint64 speed = index.data(UploadListModel::SpeedRole).toLongLong();
        const QLocale locale;
        QStringList details{index.data(UploadListModel::StateTextRole).toString()};
        if (state == State::Running || state == State::Paused || state == State::Waiting)
            details << UploadListModel::tr("%1 of %2")
                           .arg(locale.formattedDataSize(std::min(sent, size)),
                                locale.formattedDataSize(size));
        else
            details << locale.formattedDataSize(size);
        if (state == State::Running && speed > 0)
            details << UploadListModel::tr("%1/s").arg(locale.formattedDataSize(speed));
        const QString trace = index.data(UploadListModel::TraceIdRole).toString();
        if (state == State::Failed && !trace.isEmpty())
            details << UploadListModel::tr("trace id %1").arg(text::displayText(trace));

        const QRect area = opt.rect.adjusted(10, 6, -10, -6);
        const bool showBar = !QueuedUpload::hasEnded(state);
        const int barWidth = showBar ? std::min(220, area.width() / 3) : 0;
        const QRect textArea = area.adjusted(0, 0, -(barWidth + (showBar ? 12 : 0)), 0);
        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;

        painter->save();
        QFont bold = opt.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(opt.palette.color(textRole));
        const int line = opt.fontMetrics.height();
        const QRect first(textArea.left(), textArea.top(), textArea.width(), line);
        painter->drawText(
            first, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(bold).elidedText(index.data().toString(), Qt::ElideMiddle, first.width()));
        painter->setFont(opt.font);
        QColor secondary = opt.palette.color(textRole);
        if (state == State::Failed && !selected)
            secondary = QColor(0xc0, 0x39, 0x2b);
        else
            secondary.setAlphaF(0.7f);
        painter->setPen(secondary);
        const QRect second(textArea.left(), first.bottom() + 2, textArea.width(), line);
        painter->drawText(
            second, Qt::AlignLeft | Qt::AlignVCenter,
            opt.fontMetrics.elidedText(details.join(QStringLiteral(" · ")), Qt::ElideRight, second.width()));
        if (showBar) {
            QStyleOptionProgressBar bar;
            bar.rect = QRect(area.right() - barWidth, area.center().y() - 7, barWidth, 14);
            bar.minimum = 0;
            bar.maximum = 1000;
            bar.progress = index.data(UploadListModel::ProgressRole).toInt();
            bar.state = QStyle::State_Enabled | QStyle::State_Horizontal;
            bar.palette = opt.palette;
            style->drawControl(QStyle::CE_ProgressBar, &bar, painter, opt.widget);
        }
        painter->restore();
    }
};

} // namespace

TransfersPanel::TransfersPanel(transfers::UploadListModel *model, transfers::UploadRunner *runner,
                               transfers::DownloadRunner *downloads, transfers::UploadQueue *queue,
                               QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_runner(runner)
    , m_downloads(downloads)
    , m_queue(queue)
    , m_list(new QListView(this))
    , m_summary(new QLabel(this))
    , m_pauseAll(new QPushButton(tr("Pause all"), this))
    , m_resumeAll(new QPushButton(tr("Resume all"), this))
    , m_clear(new QPushButton(tr("Clear finished"), this))
{
    m_list->setModel(model);
    m_list->setItemDelegate(new TransferDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setUniformItemSizes(true);
    m_list->setAccessibleName(tr("Transfers"));
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &TransfersPanel::showMenu);
    m_summary->setAccessibleName(tr("Transfers summary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_pauseAll->setToolTip(tr("Pause every transfer; each goes on later from where it stopped"));
    m_resumeAll->setToolTip(tr("Go on with every paused transfer"));
    m_clear->setToolTip(tr("Remove the transfers that ended from this list"));
    connect(m_pauseAll, &QPushButton::clicked, this, [this] {
        m_runner->pauseAll();
        m_downloads->pauseAll();
    });
    connect(m_resumeAll, &QPushButton::clicked, this, [this] {
        m_runner->resumeAll();
        m_downloads->resumeAll();
    });
    connect(m_clear, &QPushButton::clicked, this, [this] { m_queue->removeEnded(); });

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(10, 6, 10, 6);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_pauseAll);
    bar->addWidget(m_resumeAll);
    bar->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_list, 1);
    connect(model, &UploadListModel::totalsChanged, this, &TransfersPanel::updateSummary);
    updateSummary();
}

QString TransfersPanel::summaryText(const UploadListModel *model)
{
    const UploadListModel::Totals totals = model->totals();
    const QLocale locale;
    if (totals.files == 0)
        return tr("No transfers");
    if (!totals.active()) {
        const int good = totals.ended - totals.failed;
        QString text = totals.downloads == 0              ? tr("%Ln file(s) uploaded", nullptr, good)
                       : totals.downloads == totals.files ? tr("%Ln file(s) saved", nullptr, good)
                                                          : tr("%Ln file(s) transferred", nullptr, good);
        if (totals.failed > 0)
            text += QStringLiteral(" · ") + tr("%Ln failed", nullptr, totals.failed);
        return text;
    }
    QStringList parts{
        (totals.downloads == 0              ? tr("%1 of %Ln file(s) uploaded", nullptr, totals.files)
         : totals.downloads == totals.files ? tr("%1 of %Ln file(s) saved", nullptr, totals.files)
                                            : tr("%1 of %Ln file(s) transferred", nullptr, totals.files))
            .arg(totals.ended),
        tr("%1 of %2").arg(locale.formattedDataSize(totals.sent), locale.formattedDataSize(totals.bytes))};
    if (totals.paused > 0 && totals.paused + totals.ended == totals.files)
        parts << tr("paused");
    else if (const QString left = timeLeft(totals.secondsLeft()); !left.isEmpty())
        parts << left;
    if (totals.failed > 0)
        parts << tr("%Ln failed", nullptr, totals.failed);
    return parts.join(QStringLiteral(" · "));
}

void TransfersPanel::updateSummary()
{
    m_summary->setText(summaryText(m_model));
    const UploadListModel::Totals totals = m_model->totals();
    m_clear->setEnabled(totals.ended > 0 || m_model->rowCount() > totals.files);
}

QList<qint64> TransfersPanel::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_list->selectionModel()->selectedIndexes())
        ids << index.data(UploadListModel::IdRole).toLongLong();
    return ids;
}

void TransfersPanel::pauseSelected()
{
    for (qint64 id : selectedIds()) {
        m_runner->pause(id);
        m_downloads->pause(id);
    }
}
void TransfersPanel::resumeSelected()
{
    for (qint64 id : selectedIds()) {
        m_runner->resume(id);
        m_downloads->resume(id);
    }
}
void TransfersPanel::cancelSelected()
{
    for (qint64 id : selectedIds()) {
        m_runner->cancel(id);
        m_downloads->cancel(id);
    }
}
void TransfersPanel::retrySelected()
{
    for (qint64 id : selectedIds()) {
        m_runner->retry(id);
        m_downloads->retry(id);
    }
}

void TransfersPanel::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Delete) {
        cancelSelected();
        return;
    }
    QWidget::keyPressEvent(event);
}

void TransfersPanel::showMenu(const QPoint &pos)
{
    const QModelIndex at = m_list->indexAt(pos);
    if (!at.isValid())
        return;
    if (!m_list->selectionModel()->isSelected(at))
        m_list->selectionModel()->select(at, QItemSelectionModel::ClearAndSelect);
    bool canPause = false, canResume = false, canCancel = false, canRetry = false;
    for (const QModelIndex &index : m_list->selectionModel()->selectedIndexes()) {
        const auto state = State(index.data(UploadListModel::StateRole).toInt());
        canPause |= state == State::Waiting || state == State::Running;
        canResume |= state == State::Paused;
        canCancel |= !QueuedUpload::hasEnded(state);
        canRetry |= state == State::Failed;
    }
    QMenu menu(this);
    menu.addAction(tr("Pause"), this, &TransfersPanel::pauseSelected)->setEnabled(canPause);
    menu.addAction(tr("Resume"), this, &TransfersPanel::resumeSelected)->setEnabled(canResume);
    menu.addAction(tr("Retry"), this, &TransfersPanel::retrySelected)->setEnabled(canRetry);
    menu.addAction(tr("Cancel"), this, &TransfersPanel::cancelSelected)->setEnabled(canCancel);
    menu.addSeparator();
    const bool saved =
        at.data(UploadListModel::DirectionRole).toInt() == int(QueuedUpload::Direction::Download) &&
        State(at.data(UploadListModel::StateRole).toInt()) == State::Done;
    if (saved) {
        const QString path = at.data(UploadListModel::LocalPathRole).toString();
        menu.addAction(tr("Open"), this, [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
        menu.addAction(tr("Show in folder"), this, [path] {
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
        });
        menu.addSeparator();
    }
    const QString error = at.data(UploadListModel::ErrorRole).toString();
    if (!error.isEmpty()) {
        const QString details =
            tr("%1 (trace id %2)").arg(error, at.data(UploadListModel::TraceIdRole).toString());
        menu.addAction(tr("Copy details"), this, [details] { QApplication::clipboard()->setText(details); });
    }
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

} // namespace koodrive::ui
